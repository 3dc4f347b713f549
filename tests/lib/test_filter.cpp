#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "hark/error.hpp"
#include "hark/filter.hpp"

using namespace hark;

namespace {

// Runs a filter over records and returns the ids it kept.
std::vector<std::string> kept(const FilterSpec& spec, const std::vector<std::string>& lines) {
  Filter f(spec);
  simdjson::dom::parser parser;
  std::vector<std::string> ids;
  for (const std::string& line : lines) {
    simdjson::dom::object rec = parser.parse(line).get_object();
    if (f.keep(rec, line)) ids.emplace_back(std::string_view(rec["id"]));
  }
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_SUITE_BEGIN("filter");

TEST_CASE("terms match whole words, ignoring case and accents") {
  CHECK(find_terms(match_form("Ziggo #ziggo @ziggo ZIGGO's ziggodome"), "ziggo").size() == 4);
  CHECK(find_terms(match_form("déjà vu"), match_form("DEJA")).size() == 1);
  CHECK(find_terms(match_form("ziggo_nl"), "ziggo").empty());
  CHECK(find_terms(match_form("x5ziggo"), "ziggo").empty());
  CHECK(find_terms(match_form("ziggoé"), "ziggo").empty());  // é folds to e: still a letter
  CHECK(find_terms(match_form("Ziggo\n\t Dome"), match_form("ziggo dome")).size() == 1);
  CHECK(find_terms(match_form("i love c++!"), "c++").size() == 1);
  CHECK(find_terms(match_form("日本ziggo"), "ziggo").size() == 1);  // no spaces in Japanese
  CHECK(find_terms(match_form("東京タワー"), "東京").size() == 1);
  CHECK(find_terms(match_form("Ελληνικάziggo"), "ziggo").empty());  // Greek letters count
  CHECK(find_terms(match_form("😀ziggo😀"), "ziggo").size() == 1);
}

TEST_CASE("match, exclude and the masking of excluded phrases") {
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"Ziggo is down"})",
      R"({"id":"b","text":"Tonight in the Ziggo Dome"})",
      R"({"id":"c","text":"Ziggo down, so no Ziggo Dome stream"})",
      R"({"id":"d","title":"ZIGGO","text":null})",
      R"({"id":"e","text":"nothing here"})",
      R"({"id":"f"})",
  };
  FilterSpec spec;
  spec.match = {"ziggo"};
  spec.exclude = {"ziggo dome"};
  CHECK(kept(spec, lines) == Ids{"a", "c", "d"});
  FilterSpec only_exclude;
  only_exclude.exclude = {"ziggo dome"};
  CHECK(kept(only_exclude, lines) == Ids{"a", "d", "e", "f"});
}

TEST_CASE("kinds AND together, values of one kind OR, missing keys are false") {
  const std::vector<std::string> lines = {
      R"({"id":"1","lang":"nl","class":"complaint"})",
      R"({"id":"2","lang":"nl-BE","class":"question"})",
      R"({"id":"3","lang":"NL","class":"praise"})",
      R"({"id":"4","lang":"de","class":"complaint"})",
      R"({"id":"5","class":"complaint"})",
      R"({"id":"6","lang":7,"class":"complaint"})",
      R"({"id":"7","lang":"nld","class":"complaint"})",
  };
  FilterSpec spec;
  spec.lang = {"nl"};
  CHECK(kept(spec, lines) == Ids{"1", "2", "3"});
  spec.cls = {"complaint", "question"};
  CHECK(kept(spec, lines) == Ids{"1", "2"});
  spec.lang = {"nl", "de"};
  CHECK(kept(spec, lines) == Ids{"1", "2", "4"});
  spec.invert = true;
  CHECK(kept(spec, lines) == Ids{"3", "5", "6", "7"});
}

TEST_CASE("time windows: since inclusive, until exclusive, undated only on request") {
  const std::vector<std::string> lines = {
      R"({"id":"a","published":"2026-11-23T23:59:59Z"})",
      R"({"id":"b","published":"2026-11-24T00:00:00Z"})",
      R"({"id":"c","published":"2026-11-24T23:59:59+00:00"})",
      R"({"id":"d","published":"2026-11-25T01:00:00+01:00"})",
      R"({"id":"e","published":null})",
      R"({"id":"f","published":"yesterday"})",
  };
  FilterSpec spec;
  spec.since = parse_date("2026-11-24");
  spec.until = parse_date("2026-11-25");
  CHECK(kept(spec, lines) == Ids{"b", "c"});  // d is 2026-11-25T00:00:00Z: the until itself
  spec.keep_undated = true;
  CHECK(kept(spec, lines) == Ids{"b", "c", "e", "f"});
}

TEST_CASE("regex over title and text, invalid regex is a usage error") {
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"Customer SERVICE was slow"})",
      R"({"id":"b","title":"service update","text":"x"})",
      R"({"id":"c","text":"servic"})",
  };
  FilterSpec spec;
  spec.regex = {"(?i)service"};
  CHECK(kept(spec, lines) == Ids{"a", "b"});
  FilterSpec bad;
  bad.regex = {"(unclosed"};
  try {
    Filter f(bad);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == Exit::usage);
    CHECK(std::string(e.what()).find("--regex '(unclosed'") == 0);
  }
}

TEST_CASE("confidence and advice predicates") {
  const std::vector<std::string> lines = {
      R"({"id":"a","confidence":0.9,"advice":"respond"})",
      R"({"id":"b","confidence":0.5,"advice":"respond-private"})",
      R"({"id":"c","confidence":"high","advice":"none"})",
  };
  FilterSpec spec;
  spec.min_confidence = 0.5;
  CHECK(kept(spec, lines) == Ids{"a", "b"});
  FilterSpec advice;
  advice.advice = {"respond-private", "none"};
  CHECK(kept(advice, lines) == Ids{"b", "c"});
}

TEST_CASE("dedupe keeps the first of each id, near-dupes drops copies") {
  const std::vector<std::string> lines = {
      R"({"id":"a","text":"The Acme app crashes every time I open the settings page"})",
      R"({"id":"a","text":"edited"})",
      R"({"id":"b","text":"RT @someone: The Acme app crashes every time I open the settings page https://t.co/x"})",
      R"({"id":"c","text":"The acme app crashes every time I open the settings page!!"})",
      R"({"id":"d","text":"The Acme website is fast and the settings page works for me"})",
      R"({"id":"e"})",
  };
  FilterSpec spec;
  spec.dedupe = true;
  CHECK(kept(spec, lines) == Ids{"a", "b", "c", "d", "e"});
  spec.near_dupes = true;
  CHECK(kept(spec, lines) == Ids{"a", "d", "e"});
}

TEST_CASE("shards are disjoint and complete") {
  std::vector<std::string> lines;
  for (int i = 0; i < 200; ++i) lines.push_back(R"({"id":"x)" + std::to_string(i) + R"("})");
  lines.push_back(R"({"noid":1})");
  std::size_t total = 0;
  std::vector<std::string> all;
  for (std::uint64_t k = 0; k < 3; ++k) {
    FilterSpec spec;
    spec.shard_index = k;
    spec.shard_count = 3;
    Filter f(spec);
    simdjson::dom::parser parser;
    for (const std::string& line : lines)
      if (f.keep(parser.parse(line).get_object(), line)) all.push_back(line);
    total = all.size();
  }
  CHECK(total == lines.size());
  std::sort(all.begin(), all.end());
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(fnv1a64("") == 0xcbf29ce484222325ULL);
  CHECK(fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
}

TEST_CASE("bounded id memory remembers at least the last capacity/2 ids") {
  RecentSet set(100);
  for (std::uint64_t i = 1; i <= 1000; ++i) REQUIRE(set.insert(i));
  for (std::uint64_t i = 951; i <= 1000; ++i) CHECK_FALSE(set.insert(i));
  CHECK(set.insert(1));  // long forgotten
}

TEST_SUITE_END();
