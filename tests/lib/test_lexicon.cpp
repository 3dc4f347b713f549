#include <doctest/doctest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "../../lib/src/classify/lexicon.hpp"
#include "hark/error.hpp"

using hark::classify::Kind;
using hark::classify::parse_lexicon;

namespace {

// Whether an index has entries under `key`.
bool holds(const hark::classify::FlatIndex& index, std::string_view key) {
  return !index.find(hark::classify::word_hash(key), key).empty();
}

}  // namespace

TEST_CASE("a lexicon line is class, weight and phrase, folded like the text") {
  const auto lex = parse_lexicon(
      "t", "# comment\n\ncomplaint\t1.5\tWerkt NIET\nexpert-tip\t1.2\t^Probeer\npraise\t1\tottim*\nstopword\t0\tde\n"
           "expert-tip\t1.2\tneu starten$\n");
  REQUIRE(lex.entries.size() == 4);
  CHECK(lex.entries[0].kind == Kind::complaint);
  CHECK(lex.entries[0].weight == doctest::Approx(1.5));
  CHECK(lex.entries[0].words == std::vector<std::string>{"werkt", "niet"});
  CHECK(lex.entries[1].initial);
  CHECK(lex.entries[1].words == std::vector<std::string>{"probeer"});
  CHECK(lex.entries[2].prefix);
  CHECK(lex.entries[3].final);
  CHECK_FALSE(lex.entries[3].initial);
  CHECK(lex.entries[3].words == std::vector<std::string>{"neu", "starten"});
  CHECK(holds(lex.prefix, "ott"));
  CHECK(holds(lex.first, "werkt"));
  CHECK_FALSE(holds(lex.first, "ottim"));
  // Stopwords only serve language detection.
  CHECK(lex.stopwords.count("de") == 1);
  CHECK_FALSE(holds(lex.first, "de"));
}

TEST_CASE("a lone '#' in a phrase is a word that stands for any number") {
  const auto lex = parse_lexicon("t", "complaint\t0.8\tal # dagen\n");
  REQUIRE(lex.entries.size() == 1);
  CHECK(lex.entries[0].words == std::vector<std::string>{"al", hark::classify::kAnyNumber.data(), "dagen"});
  // Its second word asks for a number next, not for a word with a given hash.
  const auto candidates = lex.first.find(hark::classify::word_hash("al"), "al");
  REQUIRE(candidates.size() == 1);
  CHECK(candidates[0].number_next);
  CHECK_FALSE(candidates[0].any_next);
}

TEST_CASE("bad lexicon lines are refused with their line number") {
  const auto error = [](const std::string& text) {
    try {
      parse_lexicon("x", text);
    } catch (const hark::Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error("praise 1 good\n") == "lexicon x:1: expected class<TAB>weight<TAB>phrase");
  CHECK(error("# c\nnice\t1\tgood\n") == "lexicon x:2: unknown class");
  CHECK(error("praise\tmuch\tgood\n") == "lexicon x:1: bad weight");
  CHECK(error("praise\t1\t   \n") == "lexicon x:1: empty phrase");
  CHECK(error("praise\t1\tgo*\n") == "lexicon x:1: a prefix needs three letters");
  CHECK(error("praise\t1\tA+\n") == "lexicon x:1: phrase has characters no token keeps");
  CHECK(error("stopword\t0\tof the\n") == "lexicon x:1: a stopword is one word");
  CHECK(error("complaint\t1\t# days\n") == "lexicon x:1: a phrase cannot open with #");
  CHECK(error("complaint\t1\tal #*\n") == "lexicon x:1: a prefix needs three letters");
  CHECK(error("expert-tip\t1\tbuch*$\n") == "lexicon x:1: a phrase ending a clause cannot be a prefix");
}

TEST_CASE("every compiled-in lexicon loads, and each language reads with the universal cues") {
  CHECK(hark::classify::lexicons().size() == 7);
  for (const char* lang : {"en", "nl", "it", "de", "fr", "es"}) {
    CAPTURE(lang);
    REQUIRE(hark::classify::lexicon_for(lang) != nullptr);
    CHECK(holds(hark::classify::reading_lexicon(lang).first, "?"));
  }
  CHECK(hark::classify::lexicon_for("pt") == nullptr);
  CHECK(hark::classify::lexicon_for("EN-gb") == hark::classify::lexicon_for("en"));
}

TEST_CASE("no lexicon lists a phrase twice for the same class") {
  // A second entry would be dead weight: of two equal matches the stronger one wins.
  for (const hark::classify::Lexicon& lex : hark::classify::lexicons()) {
    std::set<std::tuple<Kind, bool, bool, std::vector<std::string>>> seen;
    for (const hark::classify::Entry& e : lex.entries) {
      CAPTURE(lex.name);
      CAPTURE(e.words.front());
      CHECK(seen.insert({e.kind, e.initial, e.prefix, e.words}).second);
    }
  }
}

TEST_CASE("an index's filter passes every key and turns most other words away") {
  for (const hark::classify::Lexicon& lex : hark::classify::lexicons()) {
    INFO(lex.name);
    for (const hark::classify::Entry& e : lex.entries) {
      if (e.kind == Kind::stopword) continue;
      const bool by_prefix = e.prefix && e.words.size() == 1;
      const std::string key = by_prefix ? e.words[0].substr(0, 3) : e.words[0];
      CHECK((by_prefix ? lex.prefix : lex.first).may_hold(hark::classify::word_hash(key)));
    }
    // Made-up three-letter heads: with sixteen bits a slot, a few in a hundred get through.
    int passed = 0, tried = 0;
    for (char a = 'q'; a <= 'z'; ++a)
      for (char b = 'q'; b <= 'z'; ++b)
        for (char c = '0'; c <= '9'; ++c, ++tried) passed += lex.prefix.may_hold(hark::classify::word_hash(std::string{a, b, c}));
    CHECK(passed * 5 < tried);
  }
}

TEST_CASE("same_bytes tells every length apart at every position") {
  const std::string a = "abcdefghijklmnopqrstuvwxyz";
  for (std::size_t n = 0; n <= 20; ++n) {
    CHECK(hark::classify::same_bytes(a.data(), std::string(a).data(), n));
    for (std::size_t k = 0; k < n; ++k) {
      std::string b = a;
      b[k] = '#';
      INFO("length ", n, " differing at ", k);
      CHECK_FALSE(hark::classify::same_bytes(a.data(), b.data(), n));
    }
  }
}

TEST_CASE("a word table finds each word it holds, with its value, and gives 0 for others") {
  hark::classify::WordTable<std::uint32_t> table(300);
  const auto word = [](int n) { return "w" + std::to_string(n) + (n % 3 ? "x" : ""); };
  for (int n = 0; n < 300; ++n) table.insert(word(n), static_cast<std::uint32_t>(n * 7 + 1));
  for (int n = 0; n < 300; ++n) {
    const std::string w = word(n);
    CHECK(table.find(hark::classify::word_hash(w), w) == static_cast<std::uint32_t>(n * 7 + 1));
  }
  for (int n = 300; n < 600; ++n) {
    const std::string w = word(n);
    CHECK(table.find(hark::classify::word_hash(w), w) == 0);
  }
  // The same hash with other bytes is not a match.
  CHECK(table.find(hark::classify::word_hash("w1x"), "w1y") == 0);
}
