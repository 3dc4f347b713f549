#pragma once
// The hash the lexicon indexes are keyed by. The tokenizer works it out for most words from
// the 16 bytes it has already loaded; a byte-at-a-time hash ended at a data-dependent byte,
// a mispredicted branch per word.
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace hark::classify {

// Four bytes as a little-endian number.
inline std::uint64_t load_le4(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  return v;
}

// Up to eight bytes as a little-endian number, zero beyond `n`, without a loop: from four
// bytes on, two loads that overlap and agree on the bytes they share.
inline std::uint64_t load_up_to_8(const char* p, std::size_t n) {
  if (n >= 4) return load_le4(p) | load_le4(p + n - 4) << (8 * (n - 4));
  if (n == 0) return 0;
  const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(p[k])}; };
  return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
}

// A word of up to 16 bytes as two little-endian halves, zero beyond its length. Indexes take
// a slot from the low bits and a check from the high ones, so both must depend on every byte.
inline std::uint64_t short_word_hash(std::uint64_t lo, std::uint64_t hi, std::size_t length) {
  std::uint64_t h = (lo ^ (length * 0x9e3779b97f4a7c15ULL)) * 0xbf58476d1ce4e5b9ULL;
  h = (std::rotl(h, 31) ^ hi) * 0x94d049bb133111ebULL;
  return h ^ (h >> 29);
}

// Any string: as above up to 16 bytes; longer ones fold each further 16 into the first.
inline std::uint64_t word_hash(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n <= 16) {
    const std::size_t lo = n < 8 ? n : 8;
    return short_word_hash(load_up_to_8(p, lo), load_up_to_8(p + lo, n - lo), n);
  }
  std::uint64_t h = short_word_hash(load_up_to_8(p, 8), load_up_to_8(p + 8, 8), n);
  for (std::size_t i = 16; i < n; i += 16) {
    const std::size_t left = n - i < 16 ? n - i : 16, lo = left < 8 ? left : 8;
    h = short_word_hash(load_up_to_8(p + i, lo) ^ h, load_up_to_8(p + i + lo, left - lo), n);
  }
  return h;
}

}  // namespace hark::classify
