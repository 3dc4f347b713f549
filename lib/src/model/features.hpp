#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "hark/model.hpp"

namespace hark::model {

// A mention's features: the text's hashed into buckets, all with the one value `text_value`
// (so that together they have unit length), and the built-in reading's, which are not hashed:
// per class the sum of its cues' weights, then the five built-in scores.
struct Features {
  std::span<const std::uint32_t> text;
  float text_value = 0;
  std::array<float, kReadingFeatures> reading{};
};

// Turns a text and its built-in cues into features; keeps its buffers between calls so that
// prediction does not allocate per mention.
class FeatureExtractor {
 public:
  // The features of `text` and of the built-in classifier's reading of it, the text's hashed
  // into 2^bucket_bits buckets; valid until the next call.
  // When `rows` is set (rows of `row_bytes` per bucket), each feature's row is prefetched
  // as soon as its bucket is known, so the memory fetch overlaps with the rest of the work.
  Features extract(std::string_view text, const Analysis& builtin, unsigned bucket_bits,
                   const void* rows = nullptr, std::size_t row_bytes = 0);

 private:
  std::string folded_;
  std::unique_ptr<std::uint32_t[]> buffer_;  // not a vector: nothing is gained by zeroing it first
  std::size_t capacity_ = 0;
};

}  // namespace hark::model
