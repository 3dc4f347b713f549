#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hark {

// Seconds since the Unix epoch, UTC. Sub-second parts are dropped (floored).
using UnixTime = std::int64_t;

// Parses an RFC 3339 timestamp ("2026-11-24T09:13:00Z", "...+01:00", fractional seconds, a
// space or lower-case 't' instead of 'T'). Returns nullopt for anything else.
std::optional<UnixTime> parse_rfc3339(std::string_view s);

// Parses a calendar date "2026-11-24" as its midnight UTC.
std::optional<UnixTime> parse_date(std::string_view s);

// Parses a duration "90s", "30m", "24h", "7d", "2w" into seconds.
std::optional<std::int64_t> parse_duration(std::string_view s);

// Parses what a user types for an instant: RFC 3339, a date, or a duration back from `now`.
std::optional<UnixTime> parse_instant(std::string_view s, UnixTime now);

// Formats as RFC 3339 UTC with a 'Z': "2026-11-24T09:13:00Z".
std::string format_rfc3339(UnixTime t);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d);
void civil_from_days(std::int64_t days, std::int64_t& y, unsigned& m, unsigned& d);

// The current time.
UnixTime now_utc();

}  // namespace hark
