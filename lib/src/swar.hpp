#pragma once
// Byte tests on 8 bytes at once in a 64-bit word ("SIMD within a register"), for the text
// loops that otherwise look at every byte. Each test is exact: 0x80 in the byte that
// matches, 0 elsewhere, with no carries between bytes.
#include <bit>
#include <cstdint>
#include <cstring>

namespace hark::swar {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
// The word loops find "the first match" with countr_zero, so they need byte 0 lowest.
constexpr bool kEnabled = std::endian::native == std::endian::little;

inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Bytes equal to b.
inline std::uint64_t equal(std::uint64_t w, unsigned char b) {
  const std::uint64_t v = w ^ (kOnes * b);
  return ~(((v & kLow7) + kLow7) | v) & kHigh;
}

// Bytes below n, for n <= 0x80.
inline std::uint64_t below(std::uint64_t w, unsigned char n) {
  return ~(((w & kLow7) + kOnes * (0x80u - n)) | w) & kHigh;
}

// Index of the first byte marked in a non-zero mask.
inline unsigned first(std::uint64_t mask) { return static_cast<unsigned>(std::countr_zero(mask)) / 8; }

}  // namespace hark::swar
