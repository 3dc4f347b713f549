#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include "../../lib/src/classify/tokenize.hpp"
#include "../../lib/src/classify/word_hash.hpp"
#include "random_text.hpp"

using hark::classify::Token;
using hark::classify::TokenKind;

namespace {

std::vector<Token> tokens_of(std::string_view text, std::string& store) {
  std::vector<Token> tokens;
  hark::classify::tokenize(text, tokens, store);
  return tokens;
}

}  // namespace

TEST_CASE("a word's case, elongation and end are read the same near the end of the text and away from it") {
  // Words within 16 bytes of the end are scanned a byte at a time, the others 16 bytes at a
  // time: the same words with and without padding after them take both ways.
  const std::array<std::string_view, 16> pieces = {
      "SOOOO ", "good ", "Goood ", "WiFi ", "don't ", "wi-fi ", "Café ", "ABC ", "ab1 ",
      "OK ", "12,5 ", "!!! ", "heeeeeelp ", "verylongwordofmorethansixteen ", "l'hotel ", "NOT! "};
  RandomText random(7);
  for (int n = 0; n < 3000; ++n) {
    const std::string text = random.next(pieces, 1 + n % 6);
    const std::string padded = text + std::string(20, ' ');  // tokens point into it
    std::string store_a, store_b;
    const std::vector<Token> a = tokens_of(text, store_a);
    const std::vector<Token> b = tokens_of(padded, store_b);
    REQUIRE(a.size() == b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      INFO(text, " token ", k);
      CHECK(a[k].kind == b[k].kind);
      CHECK(a[k].begin == b[k].begin);
      CHECK(a[k].end == b[k].end);
      CHECK(a[k].folded == b[k].folded);
      CHECK(a[k].collapsed == b[k].collapsed);
      CHECK(a[k].squeezed == b[k].squeezed);
      CHECK(a[k].tail == b[k].tail);
      CHECK(a[k].caps == b[k].caps);
      CHECK(a[k].sentence_start == b[k].sentence_start);
      // Hashed from the register or from the folded bytes, a word's hash is the same.
      CHECK(a[k].hash == hark::classify::word_hash(a[k].folded));
      CHECK(b[k].hash == hark::classify::word_hash(b[k].folded));
    }
  }
}

TEST_CASE("shouted and elongated words, away from the end of the text") {
  std::string store;
  const std::vector<Token> t = tokens_of("SOOOO GOOD and Heeelp me please, the end is near", store);
  REQUIRE(t.size() >= 4);
  CHECK(t[0].folded == "soooo");
  CHECK(t[0].caps);
  CHECK(t[0].collapsed == "soo");
  CHECK(t[0].squeezed == "so");
  CHECK(t[1].folded == "good");
  CHECK(t[1].caps);
  CHECK(t[1].collapsed.empty());  // two o's are spelling, not elongation
  CHECK_FALSE(t[2].caps);
  CHECK(t[3].folded == "heeelp");
  CHECK_FALSE(t[3].caps);
  CHECK(t[3].collapsed == "heelp");
  CHECK(t[3].squeezed == "help");
}

TEST_CASE("a word's hash reads its bytes as a little-endian number, without reading past them") {
  const std::string bytes = "\x01\x02\x03\x04\x05\x06\x07\x08\xff";
  for (std::size_t n = 0; n <= 8; ++n) {
    std::uint64_t expected = 0;
    for (std::size_t k = 0; k < n; ++k) expected |= std::uint64_t{static_cast<unsigned char>(bytes[k])} << (8 * k);
    CHECK(hark::classify::load_up_to_8(bytes.data(), n) == expected);
  }
  // Every length and every byte counts.
  const std::string word = "abcdefghijklmnopqrstuvwxyzabcdefghij";
  for (std::size_t n = 1; n <= word.size(); ++n) {
    const std::uint64_t h = hark::classify::word_hash(std::string_view(word).substr(0, n));
    CHECK(h != hark::classify::word_hash(std::string_view(word).substr(0, n - 1)));
    std::string other = word.substr(0, n);
    other[n - 1] = '#';
    CHECK(h != hark::classify::word_hash(other));
  }
}
