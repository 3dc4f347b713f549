#include <cstdlib>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/report.hpp"

namespace hark::report {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;
// Trailing buckets a spike is judged against: a week of hours, four weeks of days.
constexpr std::size_t kHourlyBaseline = 7 * 24;
constexpr std::size_t kDailyBaseline = 28;
constexpr std::int64_t kMaxRangeDays = 3660;

[[noreturn]] void bad_period(std::string_view period) {
  throw Error(fmt::format("--period: expected day, week, a date YYYY-MM-DD or FROM..TO, not '{}'",
                          period),
              Exit::usage);
}

// Days since the epoch of a "YYYY-MM-DD".
std::int64_t day_number(std::string_view s, std::string_view period) {
  if (s.size() != 10) bad_period(period);
  const auto t = parse_date(s);
  if (!t) bad_period(period);
  return *t / kDay;
}

// A zone name is checked against the tz database, because glibc silently treats an unknown
// TZ as UTC.
void check_zone(std::string_view tz) {
  if (tz == "UTC") return;
  const char* dir = std::getenv("TZDIR");
  const std::filesystem::path base = dir && *dir ? dir : "/usr/share/zoneinfo";
  const bool plausible = !tz.empty() && tz.front() != '/' && tz.find("..") == std::string::npos;
  std::error_code ec;
  if (!plausible || !std::filesystem::is_regular_file(base / std::string(tz), ec))
    throw Error(fmt::format("--tz: unknown time zone '{}' (expected a name such as "
                            "Europe/Amsterdam from the tz database)",
                            tz),
                Exit::usage);
}

// Local midnights of days [first, last] in `tz`. g++ 12's libstdc++ has no chrono::zoned_time,
// so this goes through mktime with TZ set for the call and restored after.
std::vector<UnixTime> local_midnights(std::int64_t first, std::int64_t last, std::string_view tz) {
  std::vector<UnixTime> out;
  if (tz == "UTC") {
    for (std::int64_t d = first; d <= last; ++d) out.push_back(d * kDay);
    return out;
  }
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  setenv("TZ", std::string(tz).c_str(), 1);
  tzset();
  for (std::int64_t d = first; d <= last; ++d) {
    std::int64_t y;
    unsigned m, day;
    civil_from_days(d, y, m, day);
    std::tm tm{};
    tm.tm_year = static_cast<int>(y - 1900);
    tm.tm_mon = static_cast<int>(m) - 1;
    tm.tm_mday = static_cast<int>(day);
    tm.tm_isdst = -1;  // let the zone say whether DST applies
    out.push_back(static_cast<UnixTime>(mktime(&tm)));
  }
  if (old)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  return out;
}

}  // namespace

Window make_window(std::string_view period, std::string_view tz, UnixTime now) {
  check_zone(tz);
  constexpr UnixTime kYear10000 = 253402300800;  // keeps bucket arithmetic far from overflow
  if (now < 0 || now >= kYear10000)
    throw Error("--now: expected a time between 1970 and 9999", Exit::usage);
  Window w;
  w.period = std::string(period);
  w.tz = std::string(tz);
  w.now = now;
  if (period == "day" || period == "week") {
    // Rolling windows end at now; their buckets are whole hours or days back from it.
    w.hourly = period == "day";
    const std::int64_t step = w.hourly ? kHour : kDay;
    const std::size_t n = w.hourly ? 24 : 7;
    const std::size_t before = w.hourly ? kHourlyBaseline : kDailyBaseline;
    for (std::size_t i = 0; i <= before + n; ++i)
      w.edges.push_back(now - static_cast<std::int64_t>(before + n - i) * step);
    w.first = before;
  } else {
    const auto dots = period.find("..");
    const std::int64_t d0 = day_number(period.substr(0, dots), period);
    const std::int64_t d1 =
        dots == std::string_view::npos ? d0 : day_number(period.substr(dots + 2), period);
    if (d1 < d0 || d1 - d0 >= kMaxRangeDays) bad_period(period);
    w.hourly = dots == std::string_view::npos;
    if (w.hourly) {
      // One calendar day in hours: 23, 24 or 25 of them, as the zone's clocks change.
      const auto mid = local_midnights(d0, d0 + 1, tz);
      const auto hours = static_cast<std::size_t>((mid[1] - mid[0]) / kHour);
      for (std::size_t i = 0; i <= kHourlyBaseline + hours; ++i)
        w.edges.push_back(mid[0] + (static_cast<std::int64_t>(i) -
                                    static_cast<std::int64_t>(kHourlyBaseline)) * kHour);
      w.first = kHourlyBaseline;
    } else {
      const std::int64_t n = d1 - d0 + 1;
      const std::int64_t before = std::max<std::int64_t>(n, kDailyBaseline);
      w.edges = local_midnights(d0 - before, d1 + 1, tz);
      w.first = static_cast<std::size_t>(before);
    }
  }
  w.from = w.edges[w.first];
  w.to = w.edges.back();
  return w;
}

}  // namespace hark::report
