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

TEST_SUITE_END();
