#include <fstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"
#include "hark/filter.hpp"
#include "stage.hpp"

namespace hark::cli {
namespace {

struct FilterOptions {
  StageInput input;
  FilterSpec spec;
  std::vector<std::string> match_files;
  std::string since, until, now, shard;
  bool verbose = false;
};

std::vector<std::string> read_terms(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(fmt::format("--match-file {}: cannot open", path), Exit::usage);
  std::vector<std::string> terms;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') terms.push_back(line);
  }
  return terms;
}

UnixTime instant(const std::string& option, const std::string& value, UnixTime now) {
  if (auto t = parse_instant(value, now)) return *t;
  throw Error(fmt::format("{} '{}': expected an RFC 3339 time, a date (2026-11-24) or a "
                          "duration (24h, 7d)",
                          option, value),
              Exit::usage);
}

int run_filter(FilterOptions& opt) {
  FilterSpec& spec = opt.spec;
  for (const std::string& f : opt.match_files)
    for (std::string& t : read_terms(f)) spec.match.push_back(std::move(t));
  UnixTime now = now_utc();
  if (!opt.now.empty()) {
    const auto t = parse_rfc3339(opt.now);
    if (!t) throw Error(fmt::format("--now '{}': expected an RFC 3339 time", opt.now), Exit::usage);
    now = *t;
  }
  if (!opt.since.empty()) spec.since = instant("--since", opt.since, now);
  if (!opt.until.empty()) spec.until = instant("--until", opt.until, now);
  if (!opt.shard.empty()) {
    unsigned long long k = 0, n = 0;
    char extra;
    if (std::sscanf(opt.shard.c_str(), "%llu/%llu%c", &k, &n, &extra) != 2 || n == 0 || k >= n)
      throw Error(fmt::format("--shard '{}': expected K/N with 0 <= K < N", opt.shard),
                  Exit::usage);
    spec.shard_index = k;
    spec.shard_count = n;
  }
  if (spec.near_dupes) spec.dedupe = true;
  Filter filter(spec);
  LineWriter out;
  // Kept records are copied byte for byte: the record's own text, never a re-serialisation.
  const int status = run_stage("hark filter", opt.input, out,
                               [&](simdjson::dom::object rec, std::string_view raw,
                                   const Position&) {
                                 if (filter.keep(rec, raw)) out.line(raw);
                               });
  if (opt.verbose) {
    const FilterCounts& c = filter.counts();
    fmt::print(stderr,
               "hark filter: read {}, kept {}; dropped {} not selected, {} in other shards, "
               "{} duplicate ids, {} near-duplicates\n",
               c.read, c.kept, c.unselected, c.other_shard, c.duplicate_id, c.near_duplicate);
  }
  return status;
}

}  // namespace

void setup_filter(CLI::App& app, Status& status) {
  auto opt = std::make_shared<FilterOptions>();
  FilterSpec& s = opt->spec;
  auto* sub = app.add_subcommand("filter", "Keep the mentions that match; JSON lines in and out");
  add_stage_input(*sub, opt->input);
  sub->add_option("--match", s.match,
                  "Brand term or phrase, whole words, case and accents ignored (repeatable)");
  sub->add_option("--match-file", opt->match_files, "File of --match terms, one a line, # comments");
  sub->add_option("--exclude", s.exclude, "Term whose occurrences do not count as a match");
  sub->add_option("--regex", s.regex, "RE2 pattern over title and text, e.g. '(?i)outage'");
  sub->add_option("--lang", s.lang, "Language, BCP-47 prefix (nl also selects nl-BE)")
      ->delimiter(',');
  sub->add_option("--class", s.cls, "Class added by classify")->delimiter(',');
  sub->add_option("--source", s.source, "Source plugin (feed, mastodon, ...)")->delimiter(',');
  sub->add_option("--channel", s.channel, "public or private")->delimiter(',');
  sub->add_option("--author", s.author, "Author handle, exactly")->delimiter(',');
  sub->add_option("--advice", s.advice, "Advice added by classify")->delimiter(',');
  sub->add_option("--min-confidence", s.min_confidence, "Keep confidence >= X")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--since", opt->since, "Published at or after: RFC 3339, date or duration (7d)");
  sub->add_option("--until", opt->until, "Published before: RFC 3339, date or duration");
  sub->add_option("--now", opt->now, "The time durations count back from (default: the clock)");
  sub->add_flag("--keep-undated", s.keep_undated, "With --since/--until, keep undated records");
  sub->add_flag("--invert", s.invert, "Keep what the predicates would drop");
  sub->add_flag("--dedupe", s.dedupe, "Keep only the first record of each id");
  sub->add_flag("--near-dupes", s.near_dupes,
                "Also drop near-duplicate texts (copies, retweets); implies --dedupe");
  sub->add_option("--dedupe-memory", s.dedupe_memory, "Ids and texts remembered for deduping")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  sub->add_option("--shard", opt->shard, "Keep shard K of N (K/N, 0 <= K < N) by id hash");
  sub->add_flag("--verbose", opt->verbose, "Count what was dropped and why, on stderr");
  sub->footer(
      "Different kinds of predicate AND together; repeating one kind ORs its values.\n"
      "\n"
      "Examples:\n"
      "  hark filter --match acme --exclude 'acme arena' mentions.jsonl\n"
      "  hark filter --lang nl,de --since 24h --class complaint,question\n"
      "  hark filter --regex '(?i)storing|outage' --dedupe --near-dupes\n"
      "  hark filter --shard 0/4 big.jsonl > part0.jsonl");
  one_value_per_use(*sub);
  sub->callback([opt, &status] { status.code = run_filter(*opt); });
}

}  // namespace hark::cli
