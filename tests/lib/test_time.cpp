#include <doctest/doctest.h>

#include "hark/time.hpp"

using namespace hark;

TEST_SUITE_BEGIN("time");

TEST_CASE("RFC 3339 timestamps parse to Unix seconds") {
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_rfc3339("2026-11-24T09:13:00Z") == 1795511580);
  CHECK(parse_rfc3339("2026-11-24T10:13:00+01:00") == 1795511580);
  CHECK(parse_rfc3339("2026-11-24T04:43:00-04:30") == 1795511580);
  CHECK(parse_rfc3339("2026-11-24t09:13:00.999z") == 1795511580);
  CHECK(parse_rfc3339("2026-11-24 09:13:00Z") == 1795511580);
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == 1709164800);
}

TEST_CASE("anything not RFC 3339 is rejected, never guessed") {
  CHECK_FALSE(parse_rfc3339("2026-11-24T09:13:00"));   // no zone
  CHECK_FALSE(parse_rfc3339("2026-02-30T00:00:00Z"));  // no such day
  CHECK_FALSE(parse_rfc3339("2025-02-29T00:00:00Z"));  // not a leap year
  CHECK_FALSE(parse_rfc3339("2026-11-24T24:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2026-11-24T09:13:00Zjunk"));
  CHECK_FALSE(parse_rfc3339("Tue, 24 Nov 2026 09:13:00 GMT"));
  CHECK_FALSE(parse_rfc3339(""));
}

TEST_CASE("formatting round-trips") {
  CHECK(format_rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(format_rfc3339(1795511580) == "2026-11-24T09:13:00Z");
  CHECK(format_rfc3339(-1) == "1969-12-31T23:59:59Z");
  for (UnixTime t : {UnixTime{951782400}, UnixTime{4102444800}, UnixTime{1795511580}})
    CHECK(parse_rfc3339(format_rfc3339(t)) == t);
  // The years that take the digit-by-hand path, at their edges, and those that do not.
  CHECK(format_rfc3339(-62167219200) == "0000-01-01T00:00:00Z");
  CHECK(format_rfc3339(-62135596801) == "0000-12-31T23:59:59Z");
  CHECK(format_rfc3339(253402300799) == "9999-12-31T23:59:59Z");
  CHECK(format_rfc3339(253402300800) == "10000-01-01T00:00:00Z");
  CHECK(format_rfc3339(-62167219201) == "-001-12-31T23:59:59Z");
}

TEST_CASE("durations and instants as users type them") {
  CHECK(parse_duration("90s") == 90);
  CHECK(parse_duration("24h") == 86400);
  CHECK(parse_duration("7d") == 604800);
  CHECK(parse_duration("2w") == 1209600);
  CHECK_FALSE(parse_duration("7"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("-1d"));
  CHECK(parse_date("2026-11-24") == 1795478400);
  CHECK(parse_instant("24h", 1795511580) == 1795511580 - 86400);
  CHECK(parse_instant("2026-11-24", 0) == 1795478400);
  CHECK_FALSE(parse_instant("yesterday", 0));
}

TEST_SUITE_END();
