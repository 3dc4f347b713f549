#include <doctest/doctest.h>

#include <string>

#include "hark/html_text.hpp"
#include "random_text.hpp"

using hark::collapse_whitespace;
using hark::html_to_text;
using hark::looks_like_html;

TEST_CASE("html_to_text strips tags and drops scripts and styles") {
  CHECK(html_to_text("<p>Hello <b>Acme</b> world</p>") == "Hello Acme world");
  CHECK(html_to_text("a<script>var x = '<p>no</p>';</script>b") == "ab");
  CHECK(html_to_text("a<STYLE type=\"text/css\">p{}</STYLE> b") == "a b");
  CHECK(html_to_text("<a href=\"x?a=1&amp;b=2\" title=\"a > b\">link</a>") == "link");
  CHECK(html_to_text("x <!-- <p>comment</p> --> y") == "x y");
  CHECK(html_to_text("a < b and c > d") == "a < b and c > d");
}

TEST_CASE("html_to_text turns block elements into line breaks") {
  CHECK(html_to_text("<p>one</p><p>two</p>") == "one\n\ntwo");
  CHECK(html_to_text("one<br>two<br/>three") == "one\ntwo\nthree");
  CHECK(html_to_text("one<br><br>two") == "one\n\ntwo");
  CHECK(html_to_text("<ul><li>a</li><li>b</li></ul>after") == "a\nb\n\nafter");
  CHECK(html_to_text("<div>x</div><div>y</div>") == "x\ny");
  CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr></table>") == "a b");
  CHECK(html_to_text("<p>  </p><p>\n</p>") == "");
}

TEST_CASE("html_to_text decodes entities exactly once") {
  CHECK(html_to_text("Caf&eacute; &amp; bar") == "Café & bar");
  CHECK(html_to_text("&amp;lt;b&amp;gt;") == "&lt;b&gt;");
  CHECK(html_to_text("&lt;b&gt;not a tag&lt;/b&gt;") == "<b>not a tag</b>");
  CHECK(html_to_text("it&#8217;s &#x20AC;5 &#146;q&#146;") == "it’s €5 ’q’");
  CHECK(html_to_text("AT&T &unknown; &") == "AT&T &unknown; &");
  CHECK(html_to_text("a&nbsp;&nbsp;b") == "a b");
  CHECK(html_to_text("x&#0;y&#1;z") == "xyz");
}

TEST_CASE("html_to_text collapses white space") {
  CHECK(html_to_text("  a \n\t b  ") == "a b");
  CHECK(html_to_text("a\x01\x7f b") == "a b");
  CHECK(collapse_whitespace("  Acme \n router\x0b ") == "Acme router");
}

TEST_CASE("collapse_whitespace 16 and 8 bytes at a time gives what the rules give byte by byte") {
  // The rules: white space and U+00A0 are one space between words, other controls vanish.
  const auto slowly = [](std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space = true;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        space = true;
        ++i;
      } else if (c >= 0x20 && c != 0x7F) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out += static_cast<char>(c);
      }
    }
    return out;
  };
  const std::string_view pieces[] = {"a", "bc", " ", "  ", "\n", "\t", "\x01", "\x7f",
                                     "\xC2\xA0", "\xC2\xA9", "\xC2", "é", "words and more ",
                                     "abcdefgh"};
  RandomText random(777);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random.next(pieces, round % 29);
    REQUIRE_MESSAGE(collapse_whitespace(s) == slowly(s), "round ", round);
  }
}

TEST_CASE("is_plain_text 16 bytes at a time gives what its rules give byte by byte") {
  const auto slowly = [](std::string_view s) {
    if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == 0x7F || c == 0xC2 || c == '&' || c == '<') return false;
      if (c == ' ' && s[i - 1] == ' ') return false;
    }
    return true;
  };
  const std::string_view pieces[] = {"a", "bc", " ", "  ", "\n", "\x01", "\x7f", "\xC2\xA0", "é",
                                     "&amp;", "<b>", "words and more ", "abcdefghijklmnop"};
  RandomText random(99);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random.next(pieces, round % 31);
    REQUIRE_MESSAGE(hark::is_plain_text(s) == slowly(s), "round ", round);
    // What it promises: the text functions give it back as it is.
    if (hark::is_plain_text(s)) REQUIRE((collapse_whitespace(s) == s && html_to_text(s) == s));
  }
}

TEST_CASE("looks_like_html tells markup from text that only resembles it") {
  CHECK(looks_like_html("Acme <b>update</b>"));
  CHECK(looks_like_html("one<br/>two"));
  CHECK(looks_like_html("it&#8217;s"));
  CHECK(looks_like_html("caf&eacute;"));
  CHECK_FALSE(looks_like_html("<antirez> on Redis"));
  CHECK_FALSE(looks_like_html("AT&T and Q&A"));
  CHECK_FALSE(looks_like_html("a < b"));
}
