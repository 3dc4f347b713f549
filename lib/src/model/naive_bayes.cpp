#include "naive_bayes.hpp"

#include <cmath>

namespace hark::model {

NaiveBayes::NaiveBayes(std::size_t buckets, double smoothing)
    : buckets_(buckets), smoothing_(smoothing), counts_(buckets * kLabels, 0), rows_(buckets * kLabels, 0.0f) {}

void NaiveBayes::add(std::span<const std::uint32_t> buckets, Label label) {
  const std::size_t k = static_cast<std::size_t>(label);
  for (const std::uint32_t b : buckets) ++counts_[std::size_t{b} * kLabels + k];
  totals_[k] += buckets.size();
}

void NaiveBayes::remove(std::span<const std::uint32_t> buckets, Label label) {
  const std::size_t k = static_cast<std::size_t>(label);
  for (const std::uint32_t b : buckets) --counts_[std::size_t{b} * kLabels + k];
  totals_[k] -= buckets.size();
}

void NaiveBayes::fit() {
  // The vocabulary is the buckets some text holds: smoothing spread over all 2^bits buckets
  // would drown the counts of a small labeled set.
  const auto held = [&](std::size_t b) {
    for (std::size_t k = 0; k < kLabels; ++k)
      if (counts_[b * kLabels + k] > 0) return true;
    return false;
  };
  std::size_t vocabulary = 0;
  for (std::size_t b = 0; b < buckets_; ++b) vocabulary += held(b);
  std::array<double, kLabels> log_total;
  for (std::size_t k = 0; k < kLabels; ++k)
    log_total[k] = std::log(static_cast<double>(totals_[k]) + smoothing_ * static_cast<double>(vocabulary));
  for (std::size_t b = 0; b < buckets_; ++b) {
    const std::uint32_t* n = &counts_[b * kLabels];
    float* row = &rows_[b * kLabels];
    if (!held(b)) {
      for (std::size_t k = 0; k < kLabels; ++k) row[k] = 0;
      continue;
    }
    std::array<double, kLabels> l;
    double mean = 0;
    for (std::size_t k = 0; k < kLabels; ++k) {
      l[k] = std::log(n[k] + smoothing_) - log_total[k];
      mean += l[k] / kLabels;
    }
    for (std::size_t k = 0; k < kLabels; ++k) row[k] = static_cast<float>(l[k] - mean);
  }
}

std::array<double, kLabels> NaiveBayes::read(std::span<const std::uint32_t> buckets, float value) const {
  std::array<double, kLabels> sum{};
  for (const std::uint32_t b : buckets)
    for (std::size_t k = 0; k < kLabels; ++k) sum[k] += rows_[std::size_t{b} * kLabels + k];
  for (double& s : sum) s *= value;
  return sum;
}

}  // namespace hark::model
