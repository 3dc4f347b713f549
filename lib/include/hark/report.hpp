#pragma once

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hark/time.hpp"

// `hark report`: classified mentions in, a reputation report out (docs/report.md).
// Records are folded into a mergeable State; a Report is computed from a State and rendered.
namespace hark::report {

// complaint, question, praise, expert-tip, other, and records without a known class.
inline constexpr std::size_t kClasses = 6;
inline constexpr std::size_t kUnclassified = 5;
std::string_view class_name(std::size_t c);

using ClassCounts = std::array<std::uint64_t, kClasses>;

// The time frame of a report and the buckets it counts in. Buckets are hours for a one-day
// window and days (local calendar days for dates and ranges) for longer ones. Buckets before
// the window hold the previous period and the spike baselines.
struct Window {
  std::string period;  // as given: "day", "week", "2026-11-24", "2026-11-18..2026-11-24"
  std::string tz;      // IANA zone name for calendar days; "UTC" by default
  UnixTime now = 0;
  UnixTime from = 0;  // the window is [from, to)
  UnixTime to = 0;
  bool hourly = true;
  std::vector<UnixTime> edges;  // bucket boundaries, ascending; edges.back() == to
  std::size_t first = 0;        // index of the window's first bucket

  std::size_t buckets() const { return edges.size() - 1; }
  std::size_t window_buckets() const { return buckets() - first; }
  // The moment ages and answers are judged at: the window's end, or now if earlier.
  UnixTime as_of() const { return to < now ? to : now; }
};

// Builds the window for `period` ("day", "week", "YYYY-MM-DD" or "FROM..TO") in time zone
// `tz` at `now`. Throws Error (usage) for a period or zone it cannot read.
Window make_window(std::string_view period, std::string_view tz, UnixTime now);

// What is needed besides the window to fold records the same way in every shard.
struct Settings {
  std::int64_t sla = 48 * 3600;  // seconds to answer complaints and questions
  // Sources that look for the brand's answers: their records with `answered_at` null are
  // known to be unanswered. Anything else without an answer is "unknown". "*" = all sources.
  std::vector<std::string> answers_from;
};

// One mention as lists show it: the queue, amplify, privacy.
struct Item {
  std::string id;
  std::size_t cls = kUnclassified;
  UnixTime published = 0;
  std::string source;
  std::string url;
  std::string text;  // cut to a few hundred bytes
  std::int64_t engagement = 0;
  std::optional<std::int64_t> reach;
};

enum class SlaState { overdue, due, ok, unknown };
std::string_view sla_state_name(SlaState s);

struct QueueItem {
  Item item;
  SlaState state = SlaState::unknown;
};

// The partial aggregate of some records. Folding records into one State, or into several
// States over disjoint ids that are then merged, gives the same State (docs/report.md).
class State {
 public:
  State(Window window, Settings settings);
  ~State();
  State(State&&) noexcept;
  State& operator=(State&&) noexcept;

  // Folds one record in. Each id counts once, the first time it is seen. Throws RecordError
  // for a record it cannot use (no id, a key of the wrong type); nothing is counted then.
  void add(simdjson::dom::object record);

  // Folds another State over disjoint ids in. Throws Error (usage) when the windows or
  // settings differ.
  void merge(State&& other);

  // The state as one JSON object (no line end), and back. Throws Error on a bad state.
  std::string serialize() const;
  static State parse(std::string_view json, std::string_view name);

  const Window& window() const;
  const Settings& settings() const;

  struct Data;
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

struct Theme {
  std::string term;
  std::uint64_t complaints = 0;  // complaints that use it
  std::uint64_t all = 0;         // mentions that use it
  double score = 0.0;
  std::string example_id;
  std::string example_text;
};

struct LanguageThemes {
  std::string lang;
  std::uint64_t complaints = 0;
  std::uint64_t mentions = 0;
  std::vector<Theme> themes;
};

struct Spike {
  std::size_t cls = 0;
  UnixTime from = 0;
  UnixTime to = 0;
  std::uint64_t count = 0;
  double median = 0.0;
  double mad = 0.0;
  double z = 0.0;
  std::vector<std::pair<std::string, std::uint64_t>> terms;
};

struct Breakdown {
  std::string name;
  ClassCounts counts{};
};

// Everything a renderer shows, computed from a State.
struct Report {
  Window window;
  Settings settings;
  std::uint64_t read = 0, duplicates = 0, undated = 0, after_window = 0;
  std::optional<UnixTime> earliest;  // the earliest publication time seen
  ClassCounts totals{};
  std::optional<ClassCounts> previous;  // when the input covers the previous period
  std::optional<double> score;          // net reputation, -100..100, when anything is classified
  std::optional<double> previous_score;
  std::vector<ClassCounts> volume;  // one per window bucket
  std::vector<Breakdown> by_source, by_channel, by_lang;
  std::array<std::uint64_t, 4> queue_by_state{};  // indexed by SlaState
  std::uint64_t queue_total = 0;
  std::vector<QueueItem> queue;  // most urgent first, at most `top`
  std::uint64_t answers_known = 0, answered = 0, answered_within_sla = 0;
  std::optional<std::int64_t> median_response, p90_response;  // seconds
  std::vector<LanguageThemes> themes;
  std::uint64_t amplify_total = 0;
  std::vector<Item> amplify;
  std::uint64_t privacy_total = 0;
  std::vector<Item> privacy;
  std::vector<Spike> spikes;
};

// How many entries the lists keep; also what a State keeps, so merges stay exact.
inline constexpr std::size_t kTop = 10;

Report build_report(const State& state);

enum class Format { text, md, html, json, csv };

// Renders `r`; `colour` adds ANSI colours to the text format.
std::string render(const Report& r, Format format, bool colour = false);

// Spikes found in a report (for --fail-on-spike).
inline bool has_spike(const Report& r) { return !r.spikes.empty(); }

// Terms of a text for themes: folded, split into words, stopwords of `lang` dropped; words
// and two-word phrases, each once, sorted. Exposed for tests.
std::vector<std::string> terms_of(std::string_view text, std::string_view lang);

// The robust z-score of `x` against `baseline`: (x - median) / max(1.4826 * MAD, 1).
struct Robust {
  double median = 0.0;
  double mad = 0.0;
  double z = 0.0;
};
Robust robust_z(std::vector<std::uint64_t> baseline, std::uint64_t x);

}  // namespace hark::report
