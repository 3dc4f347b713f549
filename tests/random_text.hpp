#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

// Strings glued from pieces in a fixed pseudo-random order, for tests that check a fast
// routine against a plain reference on thousands of inputs. The same seed gives the same
// strings on every run and machine.
class RandomText {
 public:
  explicit RandomText(std::uint32_t seed) : seed_(seed) {}

  // `parts` pieces, each picked by the next value of a linear congruential generator.
  std::string next(std::span<const std::string_view> pieces, int parts) {
    std::string s;
    for (int k = 0; k < parts; ++k) {
      seed_ = seed_ * 1103515245 + 12345;
      s += pieces[(seed_ >> 16) % pieces.size()];
    }
    return s;
  }

 private:
  std::uint32_t seed_;
};
