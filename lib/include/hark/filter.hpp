#pragma once

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hark/dedupe.hpp"
#include "hark/time.hpp"

namespace re2 {
class RE2;
}

namespace hark {

// What `hark filter` selects. Different kinds AND together; the values of one kind OR.
struct FilterSpec {
  std::vector<std::string> match;    // brand terms: whole words or phrases, folded
  std::vector<std::string> exclude;  // terms whose occurrences do not count as matches
  std::vector<std::string> regex;    // RE2 patterns over title and text
  std::vector<std::string> lang;     // BCP-47 prefixes: "nl" selects "nl" and "nl-BE"
  std::vector<std::string> cls, source, channel, author, advice;
  std::optional<UnixTime> since;  // inclusive
  std::optional<UnixTime> until;  // exclusive
  bool keep_undated = false;
  std::optional<double> min_confidence;
  bool invert = false;  // negates the predicates above
  bool dedupe = false;
  bool near_dupes = false;
  std::size_t dedupe_memory = 4'000'000;  // ids (and texts) remembered, see RecentSet
  std::uint64_t shard_index = 0, shard_count = 0;  // count 0: no sharding
};

// Why a record was dropped, for --verbose.
struct FilterCounts {
  std::uint64_t read = 0, kept = 0, unselected = 0, other_shard = 0, duplicate_id = 0,
                near_duplicate = 0;
};

class Filter {
 public:
  // Throws Error with Exit::usage for an invalid regex.
  explicit Filter(FilterSpec spec);
  ~Filter();

  // Decides on one record; `raw` is its line, which places id-less records in a shard.
  bool keep(simdjson::dom::object record, std::string_view raw);

  const FilterCounts& counts() const { return counts_; }

 private:
  bool selected(simdjson::dom::object record);
  bool matches_terms(simdjson::dom::object record);

  FilterSpec spec_;
  std::vector<std::string> match_, exclude_;  // folded, whitespace collapsed
  std::vector<std::unique_ptr<re2::RE2>> regex_;
  std::unique_ptr<RecentSet> ids_;
  std::unique_ptr<NearDupes> near_;
  FilterCounts counts_;
  std::string scratch_;
};

// Returns `s` folded (case, accents) with every run of whitespace made one space: the form
// in which --match compares terms and text.
std::string match_form(std::string_view s);

// Finds whole-word occurrences of `term` (in match form) in `text` (in match form): the
// characters around an occurrence must not be letters, digits or '_'. Returns their
// [begin, end) byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> find_terms(std::string_view text,
                                                            std::string_view term);

}  // namespace hark
