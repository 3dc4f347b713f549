#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "features.hpp"
#include "hark/error.hpp"
#include "hark/model.hpp"

namespace hark {

// Stochastic gradient descent on the softmax cross-entropy with dropout, the learning rate
// falling linearly to zero over the run and L2 decay kept as one scale factor for all weights,
// so an update touches only the example's own features.
Model train(const std::vector<Example>& examples, const TrainOptions& options) {
  if (examples.empty()) throw Error("no labeled examples to train on");
  const std::size_t buckets = std::size_t{1} << options.bucket_bits;

  std::vector<std::vector<model::Feature>> features(examples.size());
  model::FeatureExtractor extractor;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const model::Features f = extractor.extract(examples[i].text, examples[i].builtin, options.bucket_bits);
    features[i].assign(f.all.begin(), f.all.end());
    for (std::size_t k = 0; k < f.text; ++k) features[i][k].value = f.text_value;
  }

  std::vector<float> v(buckets * kLabels, 0.0f);  // the weights are scale * v
  double scale = 1.0;
  std::array<double, kLabels> bias{};
  std::vector<std::size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  const double steps = static_cast<double>(options.epochs) * static_cast<double>(examples.size());
  double step = 0;
  std::uniform_real_distribution<double> keep(0.0, 1.0);
  std::vector<model::Feature> kept;

  for (unsigned epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t i : order) {
      const double rate = options.learning_rate * (1.0 - step / steps);
      ++step;
      // Dropout: each feature is left out of this step with probability `dropout` (the rest
      // scaled up to match), so no single word carries a decision the others cannot back.
      kept.clear();
      for (const model::Feature& f : features[i])
        if (options.dropout <= 0 || keep(rng) >= options.dropout)
          kept.push_back({f.bucket, static_cast<float>(f.value / (1.0 - options.dropout))});
      std::array<double, kLabels> z = bias;
      for (const model::Feature& f : kept)
        for (std::size_t k = 0; k < kLabels; ++k)
          z[k] += scale * f.value * v[std::size_t{f.bucket} * kLabels + k];
      const double top = *std::max_element(z.begin(), z.end());
      double sum = 0;
      for (double& x : z) sum += x = std::exp(x - top);
      std::array<double, kLabels> gradient;  // p - y, per class
      for (std::size_t k = 0; k < kLabels; ++k)
        gradient[k] = z[k] / sum - (static_cast<std::size_t>(examples[i].label) == k ? 1.0 : 0.0);

      scale *= 1.0 - rate * options.l2;
      for (const model::Feature& f : kept)
        for (std::size_t k = 0; k < kLabels; ++k)
          v[std::size_t{f.bucket} * kLabels + k] -=
              static_cast<float>(rate * gradient[k] * f.value / scale);
      for (std::size_t k = 0; k < kLabels; ++k) bias[k] -= rate * gradient[k];
      if (scale < 1e-6) {  // fold the scale in before v grows out of float range
        for (float& x : v) x = static_cast<float>(x * scale);
        scale = 1.0;
      }
    }
  }
  for (float& x : v) x = static_cast<float>(x * scale);
  std::array<float, kLabels> b;
  for (std::size_t k = 0; k < kLabels; ++k) b[k] = static_cast<float>(bias[k]);
  return Model(options.bucket_bits, std::move(v), b);
}

}  // namespace hark
