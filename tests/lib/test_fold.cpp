#include <doctest/doctest.h>

#include "hark/fold.hpp"

TEST_SUITE_BEGIN("fold");

TEST_CASE("case and accents fold away, other characters stay") {
  CHECK(hark::folded("ZIGGO") == "ziggo");
  CHECK(hark::folded("Café Crème") == "cafe creme");
  CHECK(hark::folded("Straße") == "strasse");
  CHECK(hark::folded("ÅNGSTRÖM İ") == "angstrom i");
  CHECK(hark::folded("perché però") == "perche pero");
  CHECK(hark::folded("@Acme #Fail 😀") == "@acme #fail 😀");
}

TEST_CASE("invalid UTF-8 folds to U+FFFD") { CHECK(hark::folded("a\xff" "b") == "a\xEF\xBF\xBD" "b"); }

TEST_CASE("long ASCII runs are lowered the same 16 bytes at a time as byte by byte") {
  // Capitals, '@' and '[' (next to 'A' and 'Z'), and non-ASCII at every offset of a run.
  const std::string ascii = "The Quick @Brown [Fox] JUMPS over the Lazy Dog, AZaz@[`{ 0123456789!";
  for (std::size_t cut = 0; cut <= ascii.size(); ++cut) {
    const std::string text = ascii.substr(0, cut) + "\xC3\x89t\xC3\xA9 " + ascii;
    std::string expected;
    for (char c : ascii.substr(0, cut)) expected += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    expected += "ete ";
    for (char c : ascii) expected += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    CHECK(hark::folded(text) == expected);
  }
}

TEST_SUITE_END();
