#include <doctest/doctest.h>

#include <string>

#include "hark/json.hpp"
#include "random_text.hpp"

using hark::append_json_string;

namespace {
std::string quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}
// The escaping rules one byte at a time, as plainly as they can be written.
std::string quoted_slowly(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\b') out += "\\b";
    else if (c == '\f') out += "\\f";
    else if (c < 0x20) out += "\\u00" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    else if (c < 0x80) out += static_cast<char>(c);
    else {
      std::size_t n = 0;  // the shortest prefix that is valid: one whole sequence
      for (std::size_t k = 2; k <= 4 && i + k <= s.size() && n == 0; ++k)
        if (hark::valid_utf8(s.substr(i, k))) n = k;
      out += n ? s.substr(i, n) : "\xEF\xBF\xBD";
      i += n ? n : 1;
      continue;
    }
    ++i;
  }
  return out + "\"";
}
}  // namespace

TEST_SUITE_BEGIN("json");

TEST_CASE("escaping 16 and 8 bytes at a time gives what escaping byte by byte gives") {
  // Pieces that matter to the word step: escapes, UTF-8 of every length, invalid bytes,
  // placed at every offset by strings of many lengths.
  const std::string_view pieces[] = {"a", "bc", "\"", "\\", "\n", std::string_view("\0", 1), "\x1f",
                                     "\x7f", "é", "☕", "😀", "\xff", "\xe2\x82", "\xc0\xaf",
                                     "plain words ", "        "};
  RandomText random(12345);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random.next(pieces, round % 23);
    REQUIRE_MESSAGE(quoted(s) == quoted_slowly(s), "round ", round);
  }
}

TEST_CASE("quotes, backslashes and control characters are escaped") {
  CHECK(quoted("a\"b\\c") == R"("a\"b\\c")");
  CHECK(quoted("line\nnext\ttab\rcr") == R"("line\nnext\ttab\rcr")");
  CHECK(quoted(std::string("\x01\x1f\b\f", 4)) == R"("\u0001\u001f\b\f")");
  CHECK(quoted(std::string("nul\0x", 5)) == R"("nul\u0000x")");
}

TEST_CASE("valid UTF-8 passes unchanged, including emoji and 4-byte sequences") {
  CHECK(quoted("café ☕ 😀 日本") == "\"café ☕ 😀 日本\"");
  CHECK(quoted("\x7f") == "\"\x7f\"");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, one per bad byte, never dropped") {
  CHECK(quoted("a\xffz") == "\"a\xEF\xBF\xBDz\"");
  CHECK(quoted("caf\xe9!") == "\"caf\xEF\xBF\xBD!\"");           // latin-1 é
  CHECK(quoted("\xc0\xaf") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong '/'
  CHECK(quoted("\xed\xa0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  CHECK(quoted("\xf4\x90\x80\x80").size() == 2 + 4 * 3);                      // > U+10FFFF
  CHECK(quoted("end\xe2\x82") == "\"end\xEF\xBF\xBD\xEF\xBF\xBD\"");          // truncated
}

TEST_CASE("valid_utf8 agrees with the repair") {
  CHECK(hark::valid_utf8("plain ascii"));
  CHECK(hark::valid_utf8("Ünïcödé 😀"));
  CHECK_FALSE(hark::valid_utf8("\xff"));
  CHECK_FALSE(hark::valid_utf8("\xe2\x82"));
  std::string out;
  hark::append_utf8_repaired(out, "ok\xfe!");
  CHECK(out == "ok\xEF\xBF\xBD!");
}

TEST_CASE("numbers: integers, nulls and non-finite doubles") {
  std::string out;
  hark::append_json_int(out, 42);
  out.push_back(' ');
  hark::append_json_int(out, std::nullopt);
  out.push_back(' ');
  hark::append_json_double(out, 0.25);
  out.push_back(' ');
  hark::append_json_double(out, 1.0 / 0.0);
  CHECK(out == "42 null 0.25 null");
}

TEST_SUITE_END();
