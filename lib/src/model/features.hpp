#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "hark/classify.hpp"

namespace hark::model {

// One hashed feature: a bucket in [0, 2^bits) and its value.
struct Feature {
  std::uint32_t bucket;
  float value;
};

// A mention's features: the text's come first and all have the value `text_value` (their own
// `value` field is not set), then the built-in reading's with their own values.
struct Features {
  std::span<const Feature> all;
  std::size_t text = 0;
  float text_value = 0;
};

// Turns a text and its built-in cues into hashed features; keeps its buffers between calls
// so that prediction does not allocate per mention.
class FeatureExtractor {
 public:
  // The features of `text` and of the built-in classifier's reading of it, hashed into
  // 2^bucket_bits buckets; valid until the next call.
  // When `rows` is set (rows of `row_bytes` per bucket), each feature's row is prefetched
  // as soon as its bucket is known, so the memory fetch overlaps with the rest of the work.
  Features extract(std::string_view text, const Analysis& builtin, unsigned bucket_bits,
                   const char* rows = nullptr, std::size_t row_bytes = 0);

 private:
  std::string folded_;
  std::unique_ptr<Feature[]> buffer_;  // not a vector: nothing is gained by zeroing it first
  std::size_t capacity_ = 0;
};

}  // namespace hark::model
