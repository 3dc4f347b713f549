#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "../../lib/src/model/features.hpp"

namespace {

using hark::model::Feature;

struct Extracted {
  std::size_t text_features;
  std::vector<Feature> all;
  float text_value;
};

Extracted extract(std::string_view text) {
  hark::model::FeatureExtractor extractor;
  const hark::model::Features f = extractor.extract(text, hark::Analysis{}, 18);
  return {f.text, std::vector<Feature>(f.all.begin(), f.all.end()), f.text_value};
}

std::vector<std::uint32_t> buckets(const Extracted& e) {
  std::vector<std::uint32_t> b;
  for (std::size_t i = 0; i < e.text_features; ++i) b.push_back(e.all[i].bucket);
  std::sort(b.begin(), b.end());
  return b;
}

}  // namespace

TEST_CASE("a text's features: four per word token, one per character 5-gram, five scores") {
  // Tokens great, app, !, </s>: each a unigram and a bigram, both also tagged with the kind
  // of text (16). Character 5-grams over " great app ": " grea" "great" "reat " "eat a"
  // "at ap" "t app" " app " (7). No cues; the five built-in scores come last.
  const Extracted e = extract("Great app!");
  CHECK(e.text_features == 16 + 7);
  CHECK(e.all.size() == 16 + 7 + 5);
  // Text features share unit length.
  CHECK(e.text_value == doctest::Approx(1 / std::sqrt(23.0)));
  // Five scores of 0 from an empty reading.
  for (std::size_t i = 23; i < e.all.size(); ++i) CHECK(e.all[i].value == 0.0f);
}

TEST_CASE("a social post and a sentence share their plain word features, not their tagged ones") {
  // A "#" is no token and no n-gram letter: the only change is the kind of text.
  const std::vector<std::uint32_t> sentence = buckets(extract("great app"));
  const std::vector<std::uint32_t> post = buckets(extract("great app #"));
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
