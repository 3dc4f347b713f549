#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "hark/classify.hpp"

namespace hark {

// Precision, recall and F1 of one class; 0 where a ratio has nothing to divide by.
struct ClassScores {
  std::size_t support = 0;    // mentions whose true class this is
  std::size_t predicted = 0;  // mentions given this class
  std::size_t correct = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// A confusion matrix: counts of (true class, predicted class).
class Confusion {
 public:
  void add(Label truth, Label predicted) { ++counts_[index(truth)][index(predicted)]; }
  std::size_t count(Label truth, Label predicted) const {
    return counts_[index(truth)][index(predicted)];
  }
  std::size_t total() const;
  double accuracy() const;
  ClassScores scores(Label l) const;
  // The mean F1 over the classes that occur, as true or predicted class; a class that
  // neither occurs nor is predicted says nothing and is left out.
  double macro_f1() const;

 private:
  static std::size_t index(Label l) { return static_cast<std::size_t>(l); }
  std::array<std::array<std::size_t, kLabels>, kLabels> counts_{};
};

// How well confidences match hit rates: mentions fall into ten confidence bins of width 0.1,
// and the error is the mention-weighted mean gap between a bin's mean confidence and the
// share of it that was right (expected calibration error).
class Calibration {
 public:
  void add(double confidence, bool correct);
  double error() const;

 private:
  static constexpr std::size_t kBins = 10;
  std::array<std::size_t, kBins> count_{};
  std::array<double, kBins> confidence_{};
  std::array<std::size_t, kBins> correct_{};
};

// Everything `hark eval` reports, gathered one mention at a time.
struct Evaluation {
  Confusion all;
  std::map<std::string, Confusion, std::less<>> by_language;  // "" for records without lang
  Calibration calibration;

  void add(std::string_view lang, Label truth, Label predicted, double confidence);
};

// The cross-validation fold (0..folds-1) of a record, from a hash of its id: the same id
// always lands in the same fold, whatever the order or the other records.
std::size_t fold_of(std::string_view id, std::size_t folds);

}  // namespace hark
