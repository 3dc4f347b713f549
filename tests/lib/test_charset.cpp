#include <doctest/doctest.h>
#include <iconv.h>

#include <string>

#include "hark/charset.hpp"

using hark::charset_from_content_type;
using hark::decode_to_utf8;
using hark::xml_declared_encoding;
using namespace std::string_literals;

TEST_CASE("charset labels from HTTP and the XML declaration") {
  CHECK(charset_from_content_type("text/xml; charset=ISO-8859-1") == "iso-8859-1");
  CHECK(charset_from_content_type("application/rss+xml;charset=\"UTF-8\"") == "utf-8");
  CHECK(charset_from_content_type("text/xml") == "");
  CHECK(xml_declared_encoding("\n <?xml version='1.0' encoding='Windows-1252'?><rss/>") == "windows-1252");
  CHECK(xml_declared_encoding("<?xml version=\"1.0\"?><rss/>") == "");
  CHECK(xml_declared_encoding("<rss/>") == "");
}

TEST_CASE("the byte order mark wins over HTTP and the declaration") {
  const auto d = decode_to_utf8("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xC3\xA9</a>",
                                "iso-8859-1");
  CHECK(d.encoding == "utf-8");
  CHECK(d.text == "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xC3\xA9</a>");
}

TEST_CASE("HTTP charset wins over the declaration, which wins over the UTF-8 default") {
  const std::string doc = "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>\xE9</a>";
  const auto declared = decode_to_utf8(doc, "");
  CHECK(declared.encoding == "windows-1252");
  CHECK(declared.text.find("<a>\xC3\xA9</a>") != std::string::npos);
  const auto http = decode_to_utf8(doc, "utf-8");
  CHECK(http.encoding == "utf-8");
  CHECK(http.replaced);
  CHECK(http.text.find("<a>\xEF\xBF\xBD</a>") != std::string::npos);
}

TEST_CASE("latin-1 and us-ascii labels read as windows-1252, as browsers do") {
  CHECK(decode_to_utf8("\x93q\x94 \x80", "iso-8859-1").text == "\u201cq\u201d \u20ac");
  CHECK(decode_to_utf8("\x92", "us-ascii").text == "\u2019");
  // 0x81 is undefined in windows-1252: replaced, the rest kept.
  const auto d = decode_to_utf8("a\x81" "b", "windows-1252");
  CHECK(d.text == "a\uFFFDb");
  CHECK(d.replaced);
}

TEST_CASE("windows-1252 by table reads every byte as glibc's iconv does") {
  // Each byte value after ASCII runs of every length up to 17, so both the 8-byte and the
  // byte-by-byte steps meet it; iconv's answer, with U+FFFD for what it refuses, is the truth.
  std::string doc;
  for (int b = 0; b < 256; ++b) doc += std::string(static_cast<std::size_t>(b % 18), 'x') + static_cast<char>(b);
  std::string want;
  iconv_t cd = iconv_open("UTF-8", "windows-1252");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  for (char c : doc) {
    char in[1] = {c}, out[8];
    char* src = in;
    char* dst = out;
    std::size_t left = 1, room = sizeof out;
    if (iconv(cd, &src, &left, &dst, &room) == static_cast<std::size_t>(-1)) want += "\uFFFD";
    else want.append(out, static_cast<std::size_t>(dst - out));
  }
  iconv_close(cd);
  const auto d = decode_to_utf8(doc, "windows-1252");
  CHECK(d.text == want);
  CHECK(d.replaced);
  CHECK_FALSE(decode_to_utf8("plain \xE9t\xE9", "iso-8859-1").replaced);
}

TEST_CASE("UTF-16 with and without a byte order mark") {
  CHECK(decode_to_utf8("\xFF\xFE<\0a\0>\0\xE9\0"s, "").text == "<a>\xC3\xA9");
  CHECK(decode_to_utf8("\xFE\xFF\0<\0a\0>"s, "").text == "<a>");
  CHECK(decode_to_utf8("\0<\0?\0x"s, "").text == "<?x");
  CHECK(decode_to_utf8("<\0?\0x\0"s, "").text == "<?x");
  // A lone high surrogate is invalid: U+FFFD, and the text after it survives.
  const auto d = decode_to_utf8("\xFF\xFE" "a\0\x00\xD8" "b\0"s, "");
  CHECK(d.text == "a\uFFFDb");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD, unknown labels are read as UTF-8") {
  const auto d = decode_to_utf8("caf\xE9 ok", "");
  CHECK(d.text == "caf\uFFFD ok");
  CHECK(d.replaced);
  const auto u = decode_to_utf8("plain", "x-no-such-charset");
  CHECK(u.unknown);
  CHECK(u.text == "plain");
}

TEST_CASE("a UTF-16 label on 8-bit text is ignored, a UTF-16 BOM is always believed") {
  CHECK(decode_to_utf8("<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", "").encoding == "utf-8");
  CHECK(decode_to_utf8("\xFF\xFE\xE9\x00<\x00"s, "").text == "\xC3\xA9<");
}

TEST_CASE("utf8_as_is: only valid UTF-8 without a BOM that every rule reads as UTF-8") {
  CHECK(hark::utf8_as_is("<?xml version=\"1.0\"?><a>\xC3\xA9</a>", ""));
  CHECK(hark::utf8_as_is("<a/>", "utf-8"));
  CHECK_FALSE(hark::utf8_as_is("\xEF\xBB\xBF<a/>", ""));
  CHECK_FALSE(hark::utf8_as_is("<a/>", "iso-8859-1"));
  CHECK_FALSE(hark::utf8_as_is("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a/>", ""));
  CHECK_FALSE(hark::utf8_as_is("<a>\xE9</a>", ""));
}
