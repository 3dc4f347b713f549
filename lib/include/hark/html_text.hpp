#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hark {

// Looks up an HTML named character reference without its '&' and ';' ("eacute" -> U+00E9),
// covering XML's five and HTML 4's 253 names. Returns 0 when the name is unknown.
std::uint32_t html_entity(std::string_view name);

// Appends `raw` with character references decoded once: numeric ones, XML's five and HTML's
// named ones. A '&' that starts no known reference is kept as it is (bare '&' in URLs).
// References to characters XML forbids (NUL, C0 controls, surrogates) are dropped.
void append_entities_decoded(std::string& out, std::string_view raw);

// Appends the UTF-8 encoding of code point `cp`.
void append_utf8(std::string& out, std::uint32_t cp);

// Returns `s` with runs of white space made one space, C0 control characters dropped and
// the ends trimmed. Used for text that is not HTML: titles, names, categories.
std::string collapse_whitespace(std::string_view s);

// True when `s` is text already: no markup, no character references, no controls or 0xC2
// (which may start U+00A0), single spaces between words and none at the ends. Decoding
// it, collapse_whitespace and html_to_text all return it as it is.
bool is_plain_text(std::string_view s);

// Converts an HTML fragment to plain text: tags stripped, script/style/head contents
// dropped, block elements turned into line breaks (a blank line between paragraphs),
// entities decoded once, white space collapsed and the ends trimmed.
std::string html_to_text(std::string_view html);

// Guesses whether text from a field of no declared type (an RSS title) is HTML: it holds a
// character reference or a tag of a known HTML element ("<b>", "</p>", "<br/>"). Text such as
// "<antirez>" or "AT&T" is not.
bool looks_like_html(std::string_view s);

}  // namespace hark
