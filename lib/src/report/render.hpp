#pragma once

#include <cmath>
#include <string>

#include "hark/report.hpp"

namespace hark::report {

std::string render_json(const Report& r);
std::string render_csv(const Report& r);
std::string render_text(const Report& r, bool colour);
std::string render_markdown(const Report& r);
std::string render_html(const Report& r);

std::uint64_t total(const ClassCounts& c);
// Hours to one decimal.
double age_hours(std::int64_t seconds);
// "1 complaint", "2 complaints".
std::string count_of(std::uint64_t n, std::string_view noun);
// A mention's text on one line for tables: each run of line breaks (between a feed item's
// title and body, or between paragraphs) becomes " · ", tabs become spaces.
std::string one_line(std::string_view text);
// part/whole as a percentage to one decimal; nullopt when whole is 0.
std::optional<double> rate(std::uint64_t part, std::uint64_t whole);

// Formats times as "2026-11-24 09:00" on the wall clock of a zone. The zone is applied by
// setting TZ while formatting (no chrono::zoned_time in g++ 12), and restored after.
class LocalClock {
 public:
  explicit LocalClock(std::string_view tz);
  ~LocalClock();
  LocalClock(const LocalClock&) = delete;
  LocalClock& operator=(const LocalClock&) = delete;
  std::string format(UnixTime t) const;                // "2026-11-24 09:00"
  std::string format(UnixTime t, const char* fmt) const;  // strftime format

 private:
  bool utc_;
  bool had_tz_ = false;
  std::string saved_;
};

}  // namespace hark::report
