#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <fmt/format.h>

#include "features.hpp"
#include "naive_bayes.hpp"
#include "hark/error.hpp"
#include "hark/model.hpp"

namespace hark {
namespace {

// A feature of one training example: its row of the weight table (at most 2^24 buckets and
// the built-in reading's ten) and its value; eight bytes, as there are a few hundred an example.
struct Feature {
  std::uint32_t row;
  float value;
};

// splitmix64: a small generator of uniform numbers in [0, 1) from a 64-bit seed.
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : state_(seed) {}
  double next() {
    std::uint64_t z = state_ += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_;
};

// The sharpness (one over the temperature) that makes `model`'s probabilities, raised to it
// and renormalized, best fit the labels of `held_out`: the least cross-entropy, found by
// golden-section search, as the cross-entropy is convex in the sharpness.
double fit_sharpness(const Model& model, const std::vector<const Example*>& held_out) {
  std::vector<std::array<double, kLabels>> logs;
  std::vector<std::size_t> truth;
  for (const Example* e : held_out) {
    const Prediction p = model.predict(e->text, e->builtin);
    std::array<double, kLabels> l;
    for (std::size_t k = 0; k < kLabels; ++k) l[k] = std::log(std::max(p.scores[k], 1e-300));
    logs.push_back(l);
    truth.push_back(static_cast<std::size_t>(e->label));
  }
  const auto cross_entropy = [&](double sharpness) {
    double sum = 0;
    for (std::size_t i = 0; i < logs.size(); ++i) {
      const double top = *std::max_element(logs[i].begin(), logs[i].end());
      double z = 0;
      for (const double l : logs[i]) z += std::exp(sharpness * (l - top));
      sum += std::log(z) - sharpness * (logs[i][truth[i]] - top);
    }
    return sum;
  };
  const double golden = (std::sqrt(5.0) - 1) / 2;
  double low = 0.25, high = 4.0;
  for (int step = 0; step < 60; ++step) {
    const double a = high - golden * (high - low), b = low + golden * (high - low);
    if (cross_entropy(a) < cross_entropy(b))
      high = b;
    else
      low = a;
  }
  return (low + high) / 2;
}

// Stochastic gradient descent on the softmax cross-entropy with dropout, the learning rate
// falling linearly to zero over the run and L2 decay kept as one scale factor for all weights,
// so an update touches only the example's own features. All weights are multiplied by
// `sharpness` at the end.
Model fit(const std::vector<const Example*>& examples, const TrainOptions& options, double sharpness) {
  const std::size_t buckets = std::size_t{1} << options.bucket_bits;
  const auto reading_row = [&](std::size_t k) { return static_cast<std::uint32_t>(buckets + k); };
  const auto bayes_row = [&](std::size_t k) { return reading_row(kReadingFeatures + k); };

  // Each example's text features (hashed buckets sharing one value) and the built-in reading.
  std::vector<std::vector<std::uint32_t>> text(examples.size());
  std::vector<float> text_value(examples.size());
  model::FeatureExtractor extractor;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const model::Features f = extractor.extract(examples[i]->text, examples[i]->builtin, options.bucket_bits);
    text[i].assign(f.text.begin(), f.text.end());
    text_value[i] = f.text_value;
  }

  // A naive Bayes reading of the text comes in as five more features. Each example's is
  // read out of fold, by naive Bayes counted on the other examples only, so that the
  // regression learns how far to trust it on texts naive Bayes has not seen (read on its own
  // counts, it would look right on every training text). +0.005 in cross-validation.
  model::NaiveBayes bayes(buckets, options.bayes_smoothing);
  for (std::size_t i = 0; i < examples.size(); ++i) bayes.add(text[i], examples[i]->label);
  std::vector<std::array<double, kLabels>> bayes_reading(examples.size());
  constexpr std::size_t kBayesFolds = 5;
  for (std::size_t fold = 0; fold < kBayesFolds; ++fold) {
    for (std::size_t i = fold; i < examples.size(); i += kBayesFolds) bayes.remove(text[i], examples[i]->label);
    bayes.fit();
    for (std::size_t i = fold; i < examples.size(); i += kBayesFolds) bayes_reading[i] = bayes.read(text[i], text_value[i]);
    for (std::size_t i = fold; i < examples.size(); i += kBayesFolds) bayes.add(text[i], examples[i]->label);
  }
  bayes.fit();  // on all examples: the reading the model is left with
  // Scaled to a root mean square of 1 over the examples, so the learning rate suits it as it
  // suits the other features.
  double squares = 0;
  for (const auto& reading : bayes_reading)
    for (const double x : reading) squares += x * x;
  const double bayes_scale =
      squares > 0 ? std::sqrt(static_cast<double>(examples.size() * kLabels) / squares) : 0.0;

  // Each example's features as rows of the weight table and their values: the text's
  // buckets, then the built-in reading's and the naive Bayes reading's rows after the buckets.
  // The cues come one at a time, not summed per class as in prediction, so that dropout
  // leaves out single cues (0.002 better in cross-validation).
  std::vector<std::vector<Feature>> features(examples.size());
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const Analysis& builtin = examples[i]->builtin;
    for (const std::uint32_t bucket : text[i]) features[i].push_back({bucket, text_value[i]});
    for (const Cue& cue : builtin.cues)
      features[i].push_back({reading_row(static_cast<std::size_t>(cue.label)), static_cast<float>(cue.weight)});
    for (std::size_t k = 0; k < kLabels; ++k)
      features[i].push_back({reading_row(kLabels + k), static_cast<float>(builtin.scores[k])});
    for (std::size_t k = 0; k < kLabels; ++k)
      features[i].push_back({bayes_row(k), static_cast<float>(bayes_reading[i][k] * bayes_scale)});
    std::vector<std::uint32_t>().swap(text[i]);
  }

  std::vector<float> v((buckets + kReadingFeatures + kLabels) * kLabels, 0.0f);  // the weights are scale * v
  double scale = 1.0;
  std::array<double, kLabels> bias{};
  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 shuffler(options.seed);
  const double steps = static_cast<double>(options.epochs) * static_cast<double>(examples.size());
  double step = 0;
  std::vector<Feature> kept;

  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), shuffler);
    for (const std::size_t i : order) {
      const double rate = options.learning_rate * (1.0 - step / steps);
      ++step;
      // Dropout: each feature is left out of this step with probability `dropout` (the rest
      // scaled up to match), so no single word carries a decision the others cannot back.
      // The draws are the example's own in each epoch: a change to one example's features
      // leaves the order and every other example's draws as they were.
      Draws keep((options.seed * 0x9e3779b97f4a7c15ULL) ^ (epoch * 0xd1b54a32d192ed03ULL) ^
                 (i * 0x8cb92ba72f3d8dd7ULL));
      kept.clear();
      for (const Feature& f : features[i])
        if (options.dropout <= 0 || keep.next() >= options.dropout)
          kept.push_back({f.row, static_cast<float>(f.value / (1.0 - options.dropout))});
      std::array<double, kLabels> z = bias;
      for (const Feature& f : kept)
        for (std::size_t k = 0; k < kLabels; ++k) z[k] += scale * f.value * v[std::size_t{f.row} * kLabels + k];
      const double top = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double& x : z) sum += x = std::exp(x - top);
      std::array<double, kLabels> gradient;  // p - y, per class
      for (std::size_t k = 0; k < kLabels; ++k)
        gradient[k] = z[k] / sum - (static_cast<std::size_t>(examples[i]->label) == k ? 1.0 : 0.0);

      scale *= 1.0 - rate * options.l2;
      for (const Feature& f : kept) {
        if (f.row >= bayes_row(0)) {
          // A class's naive Bayes reading weighs for that class alone, and never against it:
          // on a few dozen examples the readings out of fold can point the wrong way.
          const std::size_t k = f.row - bayes_row(0);
          float& w = v[std::size_t{f.row} * kLabels + k];
          w = std::max(0.0f, w - static_cast<float>(rate * gradient[k] * f.value / scale));
          continue;
        }
        for (std::size_t k = 0; k < kLabels; ++k)
          v[std::size_t{f.row} * kLabels + k] -= static_cast<float>(rate * gradient[k] * f.value / scale);
      }
      for (std::size_t k = 0; k < kLabels; ++k) bias[k] -= rate * gradient[k];
      if (scale < 1e-6) {  // fold the scale in before v grows out of float range
        for (float& x : v) x = static_cast<float>(x * scale);
        scale = 1.0;
      }
    }
  }
  for (float& x : v) x = static_cast<float>(x * scale * sharpness);
  for (double& x : bias) x *= sharpness;
  ReadingWeights reading;
  for (std::size_t f = 0; f < kReadingFeatures; ++f)
    for (std::size_t k = 0; k < kLabels; ++k) reading[f][k] = v[(buckets + f) * kLabels + k];
  // The naive Bayes reading is linear in the text features: its weights fold into theirs.
  for (std::size_t b = 0; b < buckets; ++b) {
    const auto row = bayes.row(static_cast<std::uint32_t>(b));
    for (std::size_t k = 0; k < kLabels; ++k)
      v[b * kLabels + k] += static_cast<float>(bayes_scale * row[k] * v[bayes_row(k) * kLabels + k]);
  }
  v.resize(buckets * kLabels);
  std::array<float, kLabels> b;
  for (std::size_t k = 0; k < kLabels; ++k) b[k] = static_cast<float>(bias[k]);
  return Model(options.bucket_bits, v, reading, b);
}

}  // namespace

Model train(const std::vector<Example>& examples, const TrainOptions& options) {
  if (examples.empty()) throw Error("no labeled examples to train on");
  if (options.bucket_bits < Model::kMinBucketBits || options.bucket_bits > Model::kMaxBucketBits)
    throw Error(fmt::format("bucket bits {} outside {}..{}", options.bucket_bits, Model::kMinBucketBits,
                            Model::kMaxBucketBits));
  // Without smoothing a bucket one class never saw would weigh minus infinity.
  if (!(options.bayes_smoothing > 0))
    throw Error(fmt::format("naive Bayes smoothing {} is not above 0", options.bayes_smoothing));
  // The regression is overconfident on texts it has not seen, having fitted its training
  // texts' own words. A model trained on four fifths of the examples measures by how much on
  // the fifth, and the model's probabilities are tempered by as much. Too few examples
  // would measure noise.
  std::vector<const Example*> all, learn, held_out;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    all.push_back(&examples[i]);
    (i % 5 == 4 ? held_out : learn).push_back(&examples[i]);
  }
  double sharpness = 1.0;
  constexpr std::size_t kTemperingMinimum = 200;
  if (examples.size() >= kTemperingMinimum) sharpness = fit_sharpness(fit(learn, options, 1.0), held_out);
  return fit(all, options, sharpness);
}

}  // namespace hark
