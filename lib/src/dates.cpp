#include "hark/dates.hpp"

#include <array>
#include <cstdint>
#include <vector>

// Written by hand: strptime is locale-bound and strict, and no Debian library reads the
// broken RFC 822 variants feeds carry while refusing what it cannot read for sure.
namespace hark {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

struct Fields {
  std::int64_t year = -1;
  int month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset = 0;  // seconds east of UTC
};

std::optional<UnixTime> to_unix(const Fields& f) {
  if (f.year < 0 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1 ||
      f.day > days_in_month(f.year, f.month) || f.hour > 23 || f.minute > 59 || f.second > 60)
    return std::nullopt;
  const int second = f.second == 60 ? 59 : f.second;  // a leap second, kept in its minute
  return days_from_civil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day)) *
             86400 +
         f.hour * 3600 + f.minute * 60 + second - f.offset;
}

// Reads exactly n digits at s[i]; advances i.
bool read_digits(std::string_view s, std::size_t& i, std::size_t n, int& v) {
  if (i + n > s.size()) return false;
  v = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (!is_digit(s[i + k])) return false;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return true;
}

int month_number(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kFull[m];
    if (iequals(w, full) || iequals(w, full.substr(0, 3))) return m + 1;
  }
  if (iequals(w, "sept")) return 9;
  return 0;
}

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view d : kDays)
    if (iequals(w, d) || iequals(w, d.substr(0, 3))) return true;
  return iequals(w, "tues") || iequals(w, "thur") || iequals(w, "thurs");
}

// Zone names seen in feeds, with their offsets in minutes. CST is taken as US Central, as
// most feeds that write it mean; names used for several zones (IST, BST is kept) are left out.
bool named_zone(std::string_view w, int& minutes) {
  struct Zone {
    std::string_view name;
    int minutes;
  };
  static constexpr Zone kZones[] = {
      {"z", 0},       {"ut", 0},      {"utc", 0},     {"gmt", 0},     {"wet", 0},
      {"west", 60},   {"bst", 60},    {"cet", 60},    {"met", 60},    {"cest", 120},
      {"mest", 120},  {"eet", 120},   {"eest", 180},  {"msk", 180},   {"est", -300},
      {"edt", -240},  {"cst", -360},  {"cdt", -300},  {"mst", -420},  {"mdt", -360},
      {"pst", -480},  {"pdt", -420},  {"akst", -540}, {"akdt", -480}, {"hst", -600},
      {"ast", -240},  {"adt", -180},  {"nst", -210},  {"ndt", -150},  {"jst", 540},
      {"kst", 540},   {"hkt", 480},   {"sgt", 480},   {"awst", 480},  {"acst", 570},
      {"aest", 600},  {"aedt", 660},  {"nzst", 720},  {"nzdt", 780}};
  for (const Zone& z : kZones)
    if (iequals(w, z.name)) {
      minutes = z.minutes;
      return true;
    }
  return false;
}

// Reads "+hh:mm", "+hhmm", "+hh" or "+h" at s[i] (s[i] is '+' or '-'); advances i.
bool read_numeric_zone(std::string_view s, std::size_t& i, int& offset) {
  const int sign = s[i] == '-' ? -1 : 1;
  std::size_t k = i + 1;
  std::size_t digits = 0;
  while (k + digits < s.size() && is_digit(s[k + digits])) ++digits;
  int h = 0, m = 0;
  if (digits == 4) {
    read_digits(s, k, 2, h);
    read_digits(s, k, 2, m);
  } else if (digits == 1 || digits == 2) {
    read_digits(s, k, digits, h);
    if (k < s.size() && s[k] == ':') {
      ++k;
      if (!read_digits(s, k, 2, m)) return false;
    }
  } else {
    return false;
  }
  if (h > 14 || m > 59) return false;
  offset = sign * (h * 3600 + m * 60);
  i = k;
  return true;
}

// Reads "hh:mm[:ss[.fff]]" at s[i]; advances i.
bool read_time(std::string_view s, std::size_t& i, Fields& f) {
  std::size_t k = i;
  std::size_t n = 0;
  while (k + n < s.size() && is_digit(s[k + n])) ++n;
  if ((n != 1 && n != 2) || !read_digits(s, k, n, f.hour)) return false;
  if (k >= s.size() || s[k] != ':') return false;
  ++k;
  if (!read_digits(s, k, 2, f.minute)) return false;
  f.second = 0;
  if (k < s.size() && s[k] == ':') {
    ++k;
    if (!read_digits(s, k, 2, f.second)) return false;
    if (k < s.size() && (s[k] == '.' || s[k] == ',')) {
      ++k;
      const std::size_t start = k;
      while (k < s.size() && is_digit(s[k])) ++k;
      if (k == start) return false;
    }
  }
  i = k;
  return true;
}

// Reads a zone after the time: numeric, named, "GMT+01:00"-style, or nothing. The rest
// of the string must be empty or a "(comment)".
bool read_trailing_zone(std::string_view s, std::size_t i, Fields& f) {
  auto skip_space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
  };
  skip_space();
  f.offset = 0;
  if (i < s.size() && is_alpha(s[i])) {
    std::size_t k = i;
    while (k < s.size() && is_alpha(s[k])) ++k;
    int minutes = 0;
    if (!named_zone(s.substr(i, k - i), minutes)) return false;
    f.offset = minutes * 60;
    i = k;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {  // "GMT+01:00", "UTC-5"
      int extra = 0;
      if (!read_numeric_zone(s, i, extra)) return false;
      f.offset += extra;
    }
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    if (!read_numeric_zone(s, i, f.offset)) return false;
    skip_space();
    // "+0100 CET": a zone name after the offset only repeats it.
    std::size_t k = i;
    while (k < s.size() && is_alpha(s[k])) ++k;
    int ignored = 0;
    if (k > i && named_zone(s.substr(i, k - i), ignored)) i = k;
  }
  skip_space();
  if (i < s.size() && s[i] == '(') {
    const std::size_t close = s.find(')', i);
    if (close == std::string_view::npos) return false;
    i = close + 1;
    skip_space();
  }
  return i == s.size();
}

// ISO 8601 / RFC 3339 / W3C-DTF: YYYY[-MM[-DD[(T|' ')hh:mm[:ss[.f]][zone]]]], also the
// basic form YYYYMMDDThhmmss.
std::optional<UnixTime> parse_iso(std::string_view s) {
  Fields f;
  std::size_t i = 0;
  int y = 0;
  if (!read_digits(s, i, 4, y)) return std::nullopt;
  f.year = y;
  f.month = 1;
  f.day = 1;
  if (i == s.size()) return to_unix(f);
  if (s[i] == '-') {
    ++i;
    if (!read_digits(s, i, 2, f.month)) return std::nullopt;
    if (i == s.size()) return to_unix(f);
    if (s[i] != '-') return std::nullopt;
    ++i;
    if (!read_digits(s, i, 2, f.day)) return std::nullopt;
  } else if (!read_digits(s, i, 2, f.month) || !read_digits(s, i, 2, f.day)) {
    return std::nullopt;
  }
  if (i == s.size()) return to_unix(f);
  if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i + 6 <= s.size() && is_digit(s[i + 2]) && s.find(':', i) == std::string_view::npos) {
    // basic time "091300"
    if (!read_digits(s, i, 2, f.hour) || !read_digits(s, i, 2, f.minute) ||
        !read_digits(s, i, 2, f.second))
      return std::nullopt;
  } else if (!read_time(s, i, f)) {
    return std::nullopt;
  }
  if (!read_trailing_zone(s, i, f)) return std::nullopt;
  return to_unix(f);
}

// RFC 822 and relatives, read as tokens in any reasonable order.
std::optional<UnixTime> parse_rfc822(std::string_view s) {
  Fields f;
  bool have_time = false, have_zone = false;
  std::vector<int> numbers;  // day and year candidates, in order
  std::vector<std::size_t> number_widths;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == ',' || c == '.' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '-' && !have_time) {
      ++i;  // "24-Nov-2026", "5 November 2025 - 09:01"
    } else if (c == '(') {
      const std::size_t close = s.find(')', i);
      if (close == std::string_view::npos) return std::nullopt;
      i = close + 1;
    } else if (is_digit(c)) {
      std::size_t k = i;
      while (k < s.size() && is_digit(s[k])) ++k;
      if (k < s.size() && s[k] == ':') {
        if (have_time || !read_time(s, i, f)) return std::nullopt;
        have_time = true;
      } else {
        if (k - i > 4 || numbers.size() == 2) return std::nullopt;
        int v = 0;
        std::size_t p = i;
        read_digits(s, p, k - i, v);
        numbers.push_back(v);
        number_widths.push_back(k - i);
        i = k;
      }
    } else if (is_alpha(c)) {
      std::size_t k = i;
      while (k < s.size() && is_alpha(s[k])) ++k;
      const std::string_view word = s.substr(i, k - i);
      int minutes = 0;
      if (const int m = month_number(word); m && !f.month) {
        f.month = m;
        i = k;
      } else if (is_weekday(word) || iequals(word, "at")) {
        i = k;  // "Tuesday", "November 24, 2026 at 9:13"
      } else if ((iequals(word, "am") || iequals(word, "pm")) && have_time) {
        if (f.hour < 1 || f.hour > 12) return std::nullopt;
        f.hour = f.hour % 12 + (iequals(word, "pm") ? 12 : 0);
        i = k;
      } else if (named_zone(word, minutes) && have_time && !have_zone) {
        if (!read_trailing_zone(s, i, f)) return std::nullopt;
        have_zone = true;
        i = s.size();
      } else {
        return std::nullopt;
      }
    } else if ((c == '+' || c == '-') && have_time && !have_zone) {
      if (!read_trailing_zone(s, i, f)) return std::nullopt;
      have_zone = true;
      i = s.size();
    } else {
      return std::nullopt;
    }
  }
  if (!f.month || numbers.size() != 2) return std::nullopt;
  // The day comes first unless the first number is a 4-digit year ("2026 Nov 24").
  std::size_t day_at = number_widths[0] == 4 ? 1 : 0;
  if (number_widths[day_at] > 2) return std::nullopt;
  f.day = numbers[day_at];
  const int year = numbers[1 - day_at];
  const std::size_t year_width = number_widths[1 - day_at];
  if (year_width == 4) f.year = year;
  else if (year_width == 2) f.year = year < 50 ? 2000 + year : 1900 + year;  // RFC 2822 §4.3
  else return std::nullopt;
  return to_unix(f);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' ||
                        s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<UnixTime> parse_feed_date(std::string_view s) {
  s = trim(s);
  if (s.size() > 80) return std::nullopt;
  if (s.size() >= 4 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]))
    if (auto t = parse_iso(s)) return t;
  return parse_rfc822(s);
}

std::optional<std::string> normalize_feed_date(std::string_view s) {
  if (auto t = parse_feed_date(s)) return format_rfc3339(*t);
  return std::nullopt;
}

}  // namespace hark
