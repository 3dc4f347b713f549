#pragma once
// Byte tests on 8 bytes at once in a 64-bit word ("SIMD within a register"), for the text
// loops that otherwise look at every byte. Each test is exact: 0x80 in the byte that
// matches, 0 elsewhere, with no carries between bytes.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Bits set in a 16-bit mask, in a few instructions: without -mpopcnt std::popcount is a call
// into libgcc.
inline unsigned count16(unsigned m) {
  m = m - ((m >> 1) & 0x5555u);
  m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
  m = (m + (m >> 4)) & 0x0F0Fu;
  return (m + (m >> 8)) & 0x1Fu;
}

// Index of the first byte marked in a non-zero mask.
inline unsigned first(std::uint64_t mask) { return static_cast<unsigned>(std::countr_zero(mask)) / 8; }

// Sixteen bytes at once with SSE2, which every x86-64 has: the same tests, one bit per
// byte (bit k for byte k), a third of the instructions of two words. Elsewhere the loops
// use the words above alone.
#if defined(__SSE2__)
constexpr bool kWide = true;
using Block = __m128i;
inline Block load16(const void* p) { return _mm_loadu_si128(static_cast<const __m128i*>(p)); }
inline void store16(void* p, Block v) { _mm_storeu_si128(static_cast<__m128i*>(p), v); }
inline Block equal16(Block v, unsigned char b) {
  return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b)));
}
// Bytes below n, for 0 < n.
inline Block below16(Block v, unsigned char n) {
  return _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(static_cast<char>(n - 1))), v);
}
// Bytes from lo to hi, both included.
inline Block between16(Block v, unsigned char lo, unsigned char hi) {
  const Block d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
}
inline Block or16(Block a, Block b) { return _mm_or_si128(a, b); }
inline Block and16(Block a, Block b) { return _mm_and_si128(a, b); }
inline Block same16(Block a, Block b) { return _mm_cmpeq_epi8(a, b); }
inline Block splat16(unsigned char b) { return _mm_set1_epi8(static_cast<char>(b)); }
// Byte k becomes byte k - n; the first n bytes become 0.
template <int n>
inline Block shift16(Block v) { return _mm_slli_si128(v, n); }
inline unsigned mask16(Block v) { return static_cast<unsigned>(_mm_movemask_epi8(v)); }
// The first n bytes of v (n <= 16), the rest zero: cuts a word out of a block.
inline Block first16(Block v, std::size_t n) {
  static constexpr auto kMasks = [] {
    std::array<std::array<unsigned char, 16>, 17> t{};
    for (std::size_t m = 0; m <= 16; ++m)
      for (std::size_t k = 0; k < m; ++k) t[m][k] = 0xFF;
    return t;
  }();
  return _mm_and_si128(v, load16(kMasks[n].data()));
}
#else
constexpr bool kWide = false;
struct Block {};
inline Block load16(const void*) { return {}; }
inline void store16(void*, Block) {}
inline Block equal16(Block, unsigned char) { return {}; }
inline Block below16(Block, unsigned char) { return {}; }
inline Block between16(Block, unsigned char, unsigned char) { return {}; }
inline Block or16(Block, Block) { return {}; }
inline Block and16(Block, Block) { return {}; }
inline Block same16(Block, Block) { return {}; }
inline Block splat16(unsigned char) { return {}; }
template <int n>
inline Block shift16(Block) { return {}; }
inline unsigned mask16(Block) { return 0; }
inline Block first16(Block, std::size_t) { return {}; }
#endif

}  // namespace hark::swar
