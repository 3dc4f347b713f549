#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "hark/classify.hpp"

namespace hark::model {

// A multinomial naive Bayes reading of hashed text features. Each bucket has a row: per class
// the log of how likely the class's texts are to hold the bucket, centred over the classes
// (what all classes share changes no softmax). A text's reading is the sum of its features'
// rows times their value: linear in the very features a model weighs, so train() can fold it
// into the model's own weights and prediction costs nothing more.
class NaiveBayes {
 public:
  // `smoothing` is added to every count (additive smoothing).
  NaiveBayes(std::size_t buckets, double smoothing);

  // Counts one labeled text's buckets in, or takes them back out.
  void add(std::span<const std::uint32_t> buckets, Label label);
  void remove(std::span<const std::uint32_t> buckets, Label label);

  // Recomputes the rows from the counts. A bucket no text holds gets a row of zeros.
  void fit();

  // A bucket's row, one value per class in Label order (as of the last fit()).
  std::span<const float, kLabels> row(std::uint32_t bucket) const {
    return std::span<const float, kLabels>(&rows_[std::size_t{bucket} * kLabels], kLabels);
  }

  // The reading of a text whose features are `buckets`, each with the value `value`.
  std::array<double, kLabels> read(std::span<const std::uint32_t> buckets, float value) const;

 private:
  std::size_t buckets_;
  double smoothing_;
  std::vector<std::uint32_t> counts_;  // bucket-major, like the rows
  std::array<std::uint64_t, kLabels> totals_{};
  std::vector<float> rows_;
};

}  // namespace hark::model
