#include <doctest/doctest.h>

#include "hark/dates.hpp"

using hark::normalize_feed_date;

static std::string norm(std::string_view s) { return normalize_feed_date(s).value_or("null"); }

TEST_CASE("RFC 822 dates and their zones") {
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 +0100") == "2026-11-24T08:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 GMT") == "2026-11-24T09:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 UT") == "2026-11-24T09:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 Z") == "2026-11-24T09:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 EST") == "2026-11-24T14:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 EDT") == "2026-11-24T13:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 PST") == "2026-11-24T17:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 CET") == "2026-11-24T08:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 CEST") == "2026-11-24T07:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 -05:00") == "2026-11-24T14:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 GMT+01:00") == "2026-11-24T08:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 +0000 (UTC)") == "2026-11-24T09:13:00Z");
}

TEST_CASE("broken RFC 822 variants feeds write") {
  CHECK(norm("24 Nov 2026 09:13:00 +0000") == "2026-11-24T09:13:00Z");        // no weekday
  CHECK(norm("Mon, 24 Nov 2026 09:13:00 +0000") == "2026-11-24T09:13:00Z");   // wrong weekday
  CHECK(norm("Tue, 24 Nov 26 09:13:00 GMT") == "2026-11-24T09:13:00Z");       // 2-digit year
  CHECK(norm("Tue, 24 Nov 99 09:13:00 GMT") == "1999-11-24T09:13:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13 GMT") == "2026-11-24T09:13:00Z");        // no seconds
  CHECK(norm("Tuesday, 24 November 2026 09:13:00 GMT") == "2026-11-24T09:13:00Z");
  CHECK(norm("Tue,24 Nov 2026 09:13:00 GMT") == "2026-11-24T09:13:00Z");      // no space
  CHECK(norm("Tue, 24 Nov, 2026, 09:13:00 GMT") == "2026-11-24T09:13:00Z");   // extra commas
  CHECK(norm("Tue, Nov 24 2026 09:13:00 GMT") == "2026-11-24T09:13:00Z");     // month first
  CHECK(norm("Tue Nov 24 09:13:00 2026") == "2026-11-24T09:13:00Z");          // asctime
  CHECK(norm("5 November 2025 - 09:01") == "2025-11-05T09:01:00Z");
  CHECK(norm("24 Nov 2026 9:13:00 pm +0000") == "2026-11-24T21:13:00Z");
  CHECK(norm("  Tue, 24 Nov 2026 09:13:00 GMT\n") == "2026-11-24T09:13:00Z");
  CHECK(norm("24 Nov 2026") == "2026-11-24T00:00:00Z");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 +0100 CET") == "2026-11-24T08:13:00Z");
  CHECK(norm("November 24, 2026 at 9:13 am") == "2026-11-24T09:13:00Z");
}

TEST_CASE("ISO 8601, RFC 3339 and W3C-DTF") {
  CHECK(norm("2026-11-24T09:13:00Z") == "2026-11-24T09:13:00Z");
  CHECK(norm("2026-11-24T09:13:00+01:00") == "2026-11-24T08:13:00Z");
  CHECK(norm("2026-11-24T09:13:00.123456-05:00") == "2026-11-24T14:13:00Z");
  CHECK(norm("2026-11-24t09:13:00z") == "2026-11-24T09:13:00Z");
  CHECK(norm("2026-11-24 09:13:00") == "2026-11-24T09:13:00Z");  // no zone: UTC
  CHECK(norm("2026-11-24T09:13+0100") == "2026-11-24T08:13:00Z");
  CHECK(norm("2026-11-24T09:13:00 UTC") == "2026-11-24T09:13:00Z");
  CHECK(norm("20261124T091300Z") == "2026-11-24T09:13:00Z");
  CHECK(norm("2026-11-24") == "2026-11-24T00:00:00Z");
  CHECK(norm("2026-11") == "2026-11-01T00:00:00Z");
  CHECK(norm("2026") == "2026-01-01T00:00:00Z");
  CHECK(norm("2016-12-31T23:59:60Z") == "2016-12-31T23:59:59Z");  // leap second kept in its minute
}

TEST_CASE("what cannot be read for sure is null, never a wrong date") {
  CHECK(norm("") == "null");
  CHECK(norm("yesterday") == "null");
  CHECK(norm("gisteren") == "null");
  CHECK(norm("2026-13-45T99:00:00Z") == "null");
  CHECK(norm("2026-02-30") == "null");
  CHECK(norm("2026-02-29") == "null");
  CHECK(norm("2024-02-29") == "2024-02-29T00:00:00Z");
  CHECK(norm("Tue, 31 Nov 2026 09:13:00 GMT") == "null");
  CHECK(norm("Tue, 24 Nov 2026 25:14:00 GMT") == "null");
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 XYZ") == "null");  // unknown zone name
  CHECK(norm("Tue, 24 Nov 2026 09:13:00 IST") == "null");  // India, Ireland or Israel
  CHECK(norm("Tue, 24 Nov 10000 09:13:00 GMT") == "null");
  CHECK(norm("24.11.2026") == "null");
  CHECK(norm("Tue, 99 Nov 2026 09:13:00 GMT") == "null");
  CHECK(norm("2026-11-24T09:13:00+25:00") == "null");
}
