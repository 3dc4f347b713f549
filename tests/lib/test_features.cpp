#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <vector>

#include "../../lib/src/model/features.hpp"

namespace {

// A cue of the built-in reading with only the fields a model reads.
hark::Cue cue(hark::Label label, double weight) {
  hark::Cue c;
  c.label = label;
  c.weight = weight;
  return c;
}

struct Extracted {
  std::size_t text_features;
  std::vector<std::uint32_t> buckets;  // sorted
  float text_value;
  std::array<float, hark::kReadingFeatures> reading;
};

Extracted extract(std::string_view text, const hark::Analysis& builtin = {}) {
  hark::model::FeatureExtractor extractor;
  const hark::model::Features f = extractor.extract(text, builtin, 18);
  std::vector<std::uint32_t> buckets(f.text.begin(), f.text.end());
  std::sort(buckets.begin(), buckets.end());
  return {f.text.size(), buckets, f.text_value, f.reading};
}

}  // namespace

TEST_CASE("a text's features: four per word token, one per character 5-gram") {
  // Tokens great, app, !, </s>: each a unigram and a bigram, both also tagged with the kind
  // of text (16). Character 5-grams over " great app ": " grea" "great" "reat " "eat a"
  // "at ap" "t app" " app " (7).
  const Extracted e = extract("Great app!");
  CHECK(e.text_features == 16 + 7);
  for (const std::uint32_t b : e.buckets) CHECK(b < (1u << 18));
  // Text features share unit length.
  CHECK(e.text_value == doctest::Approx(1 / std::sqrt(23.0)));
  // An empty reading: no cues, scores of 0.
  for (const float x : e.reading) CHECK(x == 0.0f);
}

TEST_CASE("the built-in reading: cue weights summed per class, then the scores") {
  hark::Analysis builtin;
  builtin.cues = {cue(hark::Label::praise, 1.25),
                  cue(hark::Label::complaint, 0.5),
                  cue(hark::Label::praise, -0.25)};
  builtin.scores = {0.1, 0.2, 0.3, 0.15, 0.25};
  const Extracted e = extract("Great app!", builtin);
  const std::array<float, hark::kReadingFeatures> expected = {0.5f, 0, 1.0f, 0, 0,
                                                              0.1f, 0.2f, 0.3f, 0.15f, 0.25f};
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(e.reading[i] == doctest::Approx(expected[i]));
}

TEST_CASE("a social post and a sentence share their plain word features, not their tagged ones") {
  // A "#" is no token and no n-gram letter: the only change is the kind of text.
  const std::vector<std::uint32_t> sentence = extract("great app").buckets;
  const std::vector<std::uint32_t> post = extract("great app #").buckets;
  REQUIRE(sentence.size() == post.size());
  std::vector<std::uint32_t> shared;
  std::set_intersection(sentence.begin(), sentence.end(), post.begin(), post.end(),
                        std::back_inserter(shared));
  // great, app, </s>: 3 unigrams + 3 bigrams untagged, and the 7 character 5-grams.
  CHECK(shared.size() == 6 + 7);
}

TEST_CASE("a question mark after a link is the sentence's, not the link's") {
  // Tokens see, <url>, ?, </s> (16); 5-grams over " see https example com faq " (23).
  CHECK(extract("see https://example.com/faq?").text_features == 16 + 23);
  CHECK(extract("see https://example.com/faq").text_features == 12 + 23);
}

TEST_CASE("words end in the same place however long, and at a symbol written against them") {
  // great, ☺, app, </s> (16); 5-grams over " great☺app ", the symbol's three bytes as
  // letters: 13 bytes, 9 grams.
  CHECK(extract("great\xE2\x98\xBA" "app").text_features == 16 + 9);
  // A word of 16 and one of 21 bytes: word, </s> (8); 5-grams over 18 and 23 bytes.
  CHECK(extract("abcdefghijklmnop").text_features == 8 + 14);
  CHECK(extract("abcdefghijklmnopqrstu").text_features == 8 + 19);
  // Two words of 15 bytes with one byte between them: 12 word features, 5-grams over 33 bytes.
  CHECK(extract("abcdefghijklmno pqrstuvwxyzabcd").text_features == 12 + 29);
}
