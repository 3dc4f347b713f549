#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hark/classify.hpp"

namespace hark::model {

// One hashed feature: a bucket in [0, 2^bits) and its value.
struct Feature {
  std::uint32_t bucket;
  float value;
};

// Turns a text and its built-in cues into hashed features; keeps its buffers between calls
// so that prediction does not allocate per mention.
class FeatureExtractor {
 public:
  // Replaces the contents of `out` with the features of `text` and of the built-in
  // classifier's reading of it, hashed into 2^bucket_bits buckets. Returns how many come
  // from the text: those come first and share one value.
  // When `rows` is set (rows of `row_bytes` per bucket), each feature's row is prefetched
  // as soon as its bucket is known, so the memory fetch overlaps with the rest of the work.
  std::size_t extract(std::string_view text, const Analysis& builtin, unsigned bucket_bits,
               std::vector<Feature>& out, const char* rows = nullptr, std::size_t row_bytes = 0);

 private:
  std::string folded_;
};

}  // namespace hark::model
