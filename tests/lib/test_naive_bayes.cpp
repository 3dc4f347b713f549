#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "../../lib/src/model/naive_bayes.hpp"

namespace {

constexpr auto kComplaint = static_cast<std::size_t>(hark::Label::complaint);
constexpr auto kPraise = static_cast<std::size_t>(hark::Label::praise);
constexpr auto kOther = static_cast<std::size_t>(hark::Label::other);

}  // namespace

TEST_CASE("naive Bayes rows are smoothed log likelihoods centred over the classes") {
  // Complaint holds bucket 0 twice and bucket 1 once; praise buckets 1 and 2; bucket 3 is
  // never seen. Vocabulary 3, smoothing 0.5: a class's denominator is its count + 1.5.
  hark::model::NaiveBayes bayes(4, 0.5);
  const std::array<std::uint32_t, 3> complaint{0, 0, 1};
  const std::array<std::uint32_t, 2> praise{1, 2};
  bayes.add(complaint, hark::Label::complaint);
  bayes.add(praise, hark::Label::praise);
  bayes.fit();

  const auto row = bayes.row(0);
  double sum = 0;
  for (const float x : row) sum += x;
  CHECK(sum == doctest::Approx(0.0).epsilon(1e-6));
  // complaint: log(2.5 / 4.5); praise: log(0.5 / 3.5); the three empty classes: log(0.5 / 1.5)
  CHECK(row[kComplaint] - row[kPraise] == doctest::Approx(std::log(2.5 / 4.5) - std::log(0.5 / 3.5)));
  CHECK(row[kOther] - row[kPraise] == doctest::Approx(std::log(0.5 / 1.5) - std::log(0.5 / 3.5)));
  const double mean = (std::log(2.5 / 4.5) + std::log(0.5 / 3.5) + 3 * std::log(0.5 / 1.5)) / 5;
  CHECK(row[kComplaint] == doctest::Approx(std::log(2.5 / 4.5) - mean));
  for (const float x : bayes.row(3)) CHECK(x == 0.0f);

  // A reading is the value times the sum of the rows of the text's buckets.
  const std::array<std::uint32_t, 2> text{0, 2};
  const auto reading = bayes.read(text, 0.5f);
  for (std::size_t k = 0; k < hark::kLabels; ++k)
    CHECK(reading[k] == doctest::Approx(0.5 * (double{bayes.row(0)[k]} + double{bayes.row(2)[k]})));
}

TEST_CASE("naive Bayes forgets what is taken back out") {
  hark::model::NaiveBayes bayes(4, 0.5);
  const std::array<std::uint32_t, 2> a{0, 1};
  const std::array<std::uint32_t, 1> b{2};
  bayes.add(a, hark::Label::question);
  bayes.fit();
  std::array<float, hark::kLabels> alone;  // a copy: fit() rewrites the rows
  std::copy(bayes.row(0).begin(), bayes.row(0).end(), alone.begin());
  bayes.add(b, hark::Label::other);
  bayes.fit();
  CHECK(bayes.row(2)[kOther] > 0);
  bayes.remove(b, hark::Label::other);
  bayes.fit();
  for (const float x : bayes.row(2)) CHECK(x == 0.0f);
  for (std::size_t k = 0; k < hark::kLabels; ++k) CHECK(bayes.row(0)[k] == alone[k]);
}
