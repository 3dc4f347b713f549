#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "hark/time.hpp"

namespace hark {

// Parses a date as feeds write them: RFC 822/2822 and its broken variants (no weekday or a
// wrong one, 2-digit years, missing seconds, long month names, month before day, missing
// spaces or extra commas, asctime order, named zones such as EST/CEST, "GMT+01:00", no zone
// = UTC), and ISO 8601 / RFC 3339 / W3C-DTF (partial dates "2026" and "2026-11", fractions,
// no zone = UTC). Anything it cannot read unambiguously, including out-of-range fields and
// unknown zone names, gives nullopt: never a wrong date.
std::optional<UnixTime> parse_feed_date(std::string_view s);

// parse_feed_date formatted as RFC 3339 UTC ("2026-11-24T09:13:00Z"), or nullopt.
std::optional<std::string> normalize_feed_date(std::string_view s);

}  // namespace hark
