#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hark/classify.hpp"

namespace hark {

// What a model says about one text: a probability per class (in Label order, summing to 1)
// and the most probable class.
struct Prediction {
  Label label = Label::other;
  std::array<double, kLabels> scores{};
};

// The built-in reading comes into a model as 2 × 5 features: per class the sum of its cues'
// weights, then the built-in scores.
inline constexpr std::size_t kReadingFeatures = 2 * kLabels;
using ReadingWeights = std::array<std::array<float, kLabels>, kReadingFeatures>;

// One labeled text to learn from, with the built-in classifier's reading of it.
struct Example {
  std::string text;
  Analysis builtin;
  Label label = Label::other;
};

// How train() learns. The defaults were chosen by 5-fold cross-validation on the dev set
// (docs/classify-training.md); they are not tuned to any single item.
struct TrainOptions {
  unsigned bucket_bits = 18;  // 2^bits hashed feature buckets: a 5 MB table, few collisions
  unsigned epochs = 20;
  double learning_rate = 0.5;
  double dropout = 0.05;  // share of an example's features left out of each step
  double l2 = 1e-5;  // weight decay per example seen
  double bayes_smoothing = 0.25;  // added to each count of the naive Bayes reading
  std::uint64_t seed = 1;  // shuffling order
};

// A multinomial logistic regression over hashed features of the folded text (word uni- and
// bigrams, character n-grams), of the built-in classifier's cues and scores, and of a naive
// Bayes reading of the text (folded into the text weights). Immutable once built; predict()
// may be called from several threads at once.
class Model {
 public:
  // The file format version written by save() and accepted by load().
  static constexpr std::uint32_t kFormatVersion = 4;
  // The bucket bits a model may have.
  static constexpr unsigned kMinBucketBits = 10;
  static constexpr unsigned kMaxBucketBits = 24;

  // `weights` are the text features', bucket-major: weights[bucket * kLabels + label]. They
  // are kept as 8-bit integers times one scale, so that the table stays in a core's cache;
  // the error, below 1/254 of the largest weight, did not change cross-validated figures.
  // `reading` weighs the built-in reading's features, kept as they are.
  Model(unsigned bucket_bits, const std::vector<float>& weights, const ReadingWeights& reading,
        std::array<float, kLabels> bias);

  // `builtin` is analyze(text, lang): the model learns on top of the built-in reading.
  Prediction predict(std::string_view text, const Analysis& builtin) const;

  // Puts the model's verdict in place of the built-in one: `builtin` = analyze(text, lang)
  // gets the model's label, scores and confidence, and keeps its cues as the evidence.
  void overrule(std::string_view text, Analysis& builtin) const;

  // Writes the model file (docs/classify-training.md). Throws Error naming `path`.
  void save(const std::string& path) const;

  unsigned bucket_bits() const { return bucket_bits_; }

 private:
  friend Model read_model(std::string_view bytes, const std::string& name);
  Model(unsigned bucket_bits, float scale, std::vector<std::int8_t> weights,
        const ReadingWeights& reading, std::array<float, kLabels> bias);

  unsigned bucket_bits_;
  float scale_;                       // a text feature's weight is scale_ * weights_[i]
  std::vector<std::int8_t> weights_;  // bucket-major: weights_[bucket * kLabels + label]
  ReadingWeights reading_;
  std::array<float, kLabels> bias_;
};

// Reads and validates a model file. Throws Error naming `path` and what is wrong.
Model load_model(const std::string& path);

// Validates and reads the bytes of a model file; `name` is used in messages.
Model read_model(std::string_view bytes, const std::string& name);

// Learns a model from `examples`. Deterministic for the same examples and options.
Model train(const std::vector<Example>& examples, const TrainOptions& options = {});

}  // namespace hark
