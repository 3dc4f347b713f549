#include "hark/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace hark {

std::size_t Confusion::total() const {
  std::size_t n = 0;
  for (const auto& row : counts_)
    for (const std::size_t c : row) n += c;
  return n;
}

double Confusion::accuracy() const {
  std::size_t right = 0;
  for (std::size_t k = 0; k < kLabels; ++k) right += counts_[k][k];
  const std::size_t n = total();
  return n == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(n);
}

ClassScores Confusion::scores(Label l) const {
  const std::size_t k = index(l);
  ClassScores s;
  s.correct = counts_[k][k];
  for (std::size_t j = 0; j < kLabels; ++j) {
    s.support += counts_[k][j];
    s.predicted += counts_[j][k];
  }
  const auto ratio = [](std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  s.precision = ratio(s.correct, s.predicted);
  s.recall = ratio(s.correct, s.support);
  s.f1 = s.precision + s.recall == 0 ? 0.0
                                     : 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

double Confusion::macro_f1() const {
  double sum = 0;
  std::size_t classes = 0;
  for (std::size_t k = 0; k < kLabels; ++k) {
    const ClassScores s = scores(static_cast<Label>(k));
    if (s.support == 0 && s.predicted == 0) continue;
    sum += s.f1;
    ++classes;
  }
  return classes == 0 ? 0.0 : sum / static_cast<double>(classes);
}

void Calibration::add(double confidence, bool correct) {
  const auto bin = std::min(kBins - 1, static_cast<std::size_t>(std::max(0.0, confidence) * kBins));
  ++count_[bin];
  confidence_[bin] += confidence;
  correct_[bin] += correct ? 1 : 0;
}

double Calibration::error() const {
  double gap = 0;
  std::size_t n = 0;
  for (std::size_t b = 0; b < kBins; ++b) {
    gap += std::abs(confidence_[b] - static_cast<double>(correct_[b]));
    n += count_[b];
  }
  return n == 0 ? 0.0 : gap / static_cast<double>(n);
}

void Evaluation::add(std::string_view lang, Label truth, Label predicted, double confidence) {
  all.add(truth, predicted);
  auto it = by_language.find(lang);
  if (it == by_language.end()) it = by_language.emplace(std::string(lang), Confusion{}).first;
  it->second.add(truth, predicted);
  calibration.add(confidence, truth == predicted);
}

std::size_t fold_of(std::string_view id, std::size_t folds) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: stable across platforms and releases
  for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return static_cast<std::size_t>(h % folds);
}

}  // namespace hark
