#include "hark/html_text.hpp"

#include <libxml/HTMLparser.h>

#include <array>
#include <cstring>
#include <unordered_map>

#include "hark/charset.hpp"
#include "swar.hpp"

namespace hark {
namespace {

// libxml2 holds the HTML 4 entity table but looks names up by a linear scan; we index it
// once by walking its reverse (code point -> name) lookup over the range the table uses.
const std::unordered_map<std::string_view, std::uint32_t>& entity_table() {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::uint32_t> t;
    for (unsigned cp = 1; cp < 0x2700; ++cp)
      if (const htmlEntityDesc* d = htmlEntityValueLookup(cp))
        t.emplace(reinterpret_cast<const char*>(d->name), d->value);
    t.emplace("apos", 0x27);  // XML's, missing from HTML 4
    return t;
  }();
  return table;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// 0: a byte copied as it is; 1: a space; 2: anything TextSink looks at one by one (other
// white space, controls, and 0xC2, which may start U+00A0).
constexpr auto kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 2;
  t[' '] = 1;
  t[0x7F] = 2;
  t[0xC2] = 2;
  return t;
}();
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool allowed_char(std::uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp <= 0x10FFFF;
}

// Parses a reference at s[0] == '&'; returns its length (0 if none) and the code point
// (0 when the reference names a forbidden character, which is then dropped).
std::size_t parse_reference(std::string_view s, std::uint32_t& cp) {
  std::size_t i = 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t start = i;
    std::uint64_t v = 0;
    for (; i < s.size() && i - start < 8; ++i) {
      const char c = s[i];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else break;
      v = v * (hex ? 16 : 10) + static_cast<unsigned>(d);
    }
    if (i == start || i >= s.size() || s[i] != ';') return 0;
    // HTML reads 0x80..0x9F as the windows-1252 characters authors meant ("&#146;" is ’).
    if (v >= 0x80 && v <= 0x9F) v = windows1252_high(static_cast<unsigned char>(v));
    cp = allowed_char(static_cast<std::uint32_t>(v)) ? static_cast<std::uint32_t>(v) : 0;
    return i + 1;
  }
  const std::size_t start = i;
  while (i < s.size() && i - start <= 32 && is_alnum(s[i])) ++i;
  if (i == start || i >= s.size() || s[i] != ';') return 0;
  const std::string_view name = s.substr(start, i - start);
  // XML's own five first: they are most of the references in escaped HTML.
  if (name == "lt") cp = '<';
  else if (name == "gt") cp = '>';
  else if (name == "amp") cp = '&';
  else if (name == "quot") cp = '"';
  else cp = html_entity(name);
  return cp ? i + 1 : 0;
}

// Writes text with white space collapsed and line breaks asked for by block elements.
class TextSink {
 public:
  explicit TextSink(std::string& out) : out_(out) {}

  void text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      // Copy a run of ordinary bytes at once; stop at white space, controls and U+00A0.
      // The loop keeps going on an ordinary byte, or on one space between two ordinary
      // bytes, without a branch per space (spaces come every few bytes, unpredictably).
      const auto* p = reinterpret_cast<const unsigned char*>(s.data());
      const std::size_t n = s.size();
      std::size_t run = i;
      while (run < n) {
        // The same test on 16 bytes at once where there is SSE2.
        if (swar::kWide && run + 16 < n) {
          const swar::Block v = swar::load16(s.data() + run);
          const unsigned stop = swar::mask16(swar::or16(
              swar::or16(swar::below16(v, 0x20), swar::equal16(v, 0x7F)), swar::equal16(v, 0xC2)));
          const unsigned sp = swar::mask16(swar::equal16(v, ' '));
          if (stop == 0 && (sp & (sp << 1)) == 0 && !(run == i && (sp & 1)) &&
              !((sp >> 15) && kByteClass[p[run + 16]] != 0)) {
            run += 16;
            continue;
          }
        }
        // Eight bytes at once when all of them would go: no white space but single
        // spaces with ordinary bytes after them, no controls, no 0xC2.
        if (swar::kEnabled && run + 8 < n) {
          const std::uint64_t w = swar::load(s.data() + run);
          const std::uint64_t stop =
              swar::below(w, 0x20) | swar::equal(w, 0x7F) | swar::equal(w, 0xC2);
          const std::uint64_t sp = swar::equal(w, ' ');
          if (stop == 0 && (sp & (sp << 8)) == 0 && !(run == i && (sp & 0x80)) &&
              !((sp >> 63) && kByteClass[p[run + 8]] != 0)) {
            run += 8;
            continue;
          }
        }
        const unsigned k = kByteClass[p[run]];
        const unsigned next = run + 1 < n ? kByteClass[p[run + 1]] : 2u;
        const bool go = (k == 0) | ((k == 1) & (next == 0) & (run > i));
        if (!go) break;
        ++run;
      }
      if (run > i) {
        separate();
        out_.append(s.data() + i, run - i);
        i = run;
        continue;
      }
      const auto c = static_cast<unsigned char>(s[i]);
      if (is_space(static_cast<char>(c))) {
        space_ = true;
      } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        space_ = true;  // a no-break space separates words like any other
        ++i;
      } else if (c == 0xC2) {
        separate();
        out_.push_back(static_cast<char>(c));
      }
      // other control characters never reach the text
      ++i;
    }
  }
  void block(int level) {
    if (level > breaks_) breaks_ = level;
  }
  void line_break() {
    if (breaks_ < 2) ++breaks_;
  }

 private:
  // Writes the pending line breaks or space before more text.
  void separate() {
    if (!out_.empty()) {
      if (breaks_) out_.append(breaks_ > 1 ? "\n\n" : "\n");
      else if (space_) out_.push_back(' ');
    }
    breaks_ = 0;
    space_ = false;
  }

  std::string& out_;
  int breaks_ = 0;
  bool space_ = false;
};

// What html_to_text does at a tag: nothing, a line break (<br>), a space (table cells),
// drop the content (script, style, ...), or start a line or a paragraph (blank line around).
enum class TagKind : unsigned char { inline_, br, cell, dropped, line, paragraph };

// One lookup per tag, the name lower-cased.
TagKind tag_kind(std::string_view tag) {
  static const std::unordered_map<std::string_view, TagKind> kTags = [] {
    std::unordered_map<std::string_view, TagKind> t;
    for (std::string_view n : {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul",
                               "ol", "dl", "table", "figure", "hr", "section", "article", "header",
                               "footer", "aside", "nav", "main", "address", "details", "fieldset",
                               "form"})
      t.emplace(n, TagKind::paragraph);
    for (std::string_view n : {"div", "li", "dt", "dd", "tr", "caption", "figcaption", "summary",
                               "center", "tbody", "thead", "tfoot", "option", "legend"})
      t.emplace(n, TagKind::line);
    // Elements whose content is never text a reader sees.
    for (std::string_view n : {"script", "style", "head", "template", "svg", "noscript", "title"})
      t.emplace(n, TagKind::dropped);
    t.emplace("br", TagKind::br);
    t.emplace("td", TagKind::cell);
    t.emplace("th", TagKind::cell);
    return t;
  }();
  const auto it = kTags.find(tag);
  return it == kTags.end() ? TagKind::inline_ : it->second;
}

bool known_element(std::string_view tag) {
  static const std::string_view kTags[] = {
      "a",    "abbr", "b",      "big",    "blockquote", "br",  "center", "cite", "code",
      "del",  "div",  "em",     "font",   "h1",         "h2",  "h3",     "h4",   "h5",
      "h6",   "hr",   "i",      "img",    "ins",        "li",  "ol",     "p",    "pre",
      "q",    "s",    "small",  "span",   "strike",     "strong", "sub", "sup",  "table",
      "td",   "th",   "tr",     "tt",     "u",          "ul",  "iframe", "script", "style"};
  for (std::string_view t : kTags)
    if (t == tag) return true;
  return false;
}

// Reads a tag name at s[i] (lower-cased into `name`); returns the index after it.
std::size_t read_tag_name(std::string_view s, std::size_t i, std::string& name) {
  name.clear();
  while (i < s.size() && (is_alnum(s[i]) || s[i] == '-' || s[i] == ':' || s[i] == '_')) {
    name.push_back(lower(s[i]));
    ++i;
  }
  return i;
}

// Returns the index just past the '>' closing a tag whose attributes start at i.
std::size_t skip_tag(std::string_view s, std::size_t i) {
  char quote = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

// Finds "</name" (any case) from i; returns its position or npos.
std::size_t find_end_tag(std::string_view s, std::size_t i, std::string_view name) {
  while ((i = s.find("</", i)) != std::string_view::npos) {
    std::size_t k = 0;
    while (k < name.size() && i + 2 + k < s.size() && lower(s[i + 2 + k]) == name[k]) ++k;
    if (k == name.size()) return i;
    i += 2;
  }
  return std::string_view::npos;
}

}  // namespace

std::uint32_t html_entity(std::string_view name) {
  const auto& t = entity_table();
  const auto it = t.find(name);
  return it == t.end() ? 0 : it->second;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void append_entities_decoded(std::string& out, std::string_view raw) {
  std::size_t i = 0;
  while (i < raw.size()) {
    const void* amp = std::memchr(raw.data() + i, '&', raw.size() - i);
    const std::size_t at = amp ? static_cast<std::size_t>(static_cast<const char*>(amp) - raw.data())
                               : raw.size();
    out.append(raw.data() + i, at - i);
    if (at == raw.size()) break;
    // "&lt;", "&gt;" and "&amp;" first, without the general parser: in escaped HTML they
    // come every few words.
    const char* r = raw.data() + at;
    const std::size_t left = raw.size() - at;
    if (left >= 4 && r[3] == ';' && r[2] == 't' && (r[1] == 'l' || r[1] == 'g')) {
      out.push_back(r[1] == 'l' ? '<' : '>');
      i = at + 4;
      continue;
    }
    if (left >= 5 && r[4] == ';' && r[1] == 'a' && r[2] == 'm' && r[3] == 'p') {
      out.push_back('&');
      i = at + 5;
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = parse_reference(raw.substr(at), cp);
    if (n == 0) {
      out.push_back('&');
      i = at + 1;
    } else {
      if (cp) append_utf8(out, cp);
      i = at + n;
    }
  }
}

bool is_plain_text(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  std::size_t i = 0;
  if (swar::kWide) {
    unsigned last_space = 0;  // the previous block ended with a space
    for (; i + 16 <= s.size(); i += 16) {
      const swar::Block v = swar::load16(s.data() + i);
      const unsigned stop = swar::mask16(swar::or16(
          swar::or16(swar::or16(swar::below16(v, 0x20), swar::equal16(v, 0x7F)), swar::equal16(v, 0xC2)),
          swar::or16(swar::equal16(v, '&'), swar::equal16(v, '<'))));
      const unsigned sp = swar::mask16(swar::equal16(v, ' '));
      if (stop != 0 || (sp & ((sp << 1) | last_space)) != 0) return false;
      last_space = sp >> 15;
    }
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F || c == 0xC2 || c == '&' || c == '<' ||
        (c == ' ' && i > 0 && s[i - 1] == ' '))
      return false;
  }
  return true;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  TextSink(out).text(s);
  return out;
}

std::string html_to_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  TextSink sink(out);
  std::string decoded;
  std::string name;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t lt = s.find('<', i);
    const std::size_t run_end = lt == std::string_view::npos ? s.size() : lt;
    if (run_end > i) {
      const std::string_view run = s.substr(i, run_end - i);
      if (run.find('&') == std::string_view::npos) {
        sink.text(run);  // nothing to decode: the common case
      } else {
        decoded.clear();
        append_entities_decoded(decoded, run);
        sink.text(decoded);
      }
    }
    if (lt == std::string_view::npos) break;
    i = lt + 1;
    if (i >= s.size()) {
      sink.text("<");
      break;
    }
    if (s[i] == '!' && s.compare(i, 3, "!--") == 0) {
      const std::size_t end = s.find("-->", i + 3);
      i = end == std::string_view::npos ? s.size() : end + 3;
    } else if (s[i] == '!' && s.compare(i, 8, "![CDATA[") == 0) {
      const std::size_t end = s.find("]]>", i + 8);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end;
      sink.text(s.substr(i + 8, stop - i - 8));
      i = end == std::string_view::npos ? s.size() : end + 3;
    } else if (s[i] == '!' || s[i] == '?') {
      i = skip_tag(s, i);
    } else if (s[i] == '/' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) {
      const bool closing = s[i] == '/';
      const std::size_t after = read_tag_name(s, i + (closing ? 1 : 0), name);
      i = skip_tag(s, after);
      switch (tag_kind(name)) {
        case TagKind::inline_: break;
        case TagKind::br: sink.line_break(); break;
        case TagKind::cell: sink.text(" "); break;
        case TagKind::dropped:
          if (!closing) {
            const std::size_t end = find_end_tag(s, i, name);
            i = end == std::string_view::npos ? s.size() : skip_tag(s, end + 2);
          }
          break;
        case TagKind::line: sink.block(1); break;
        case TagKind::paragraph: sink.block(2); break;
      }
    } else {
      sink.text("<");  // a '<' that starts no tag is text ("a < b")
    }
  }
  return out;
}

bool looks_like_html(std::string_view s) {
  std::string name;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      std::uint32_t cp = 0;
      if (parse_reference(s.substr(i), cp)) return true;
    } else if (s[i] == '<' && i + 1 < s.size()) {
      const std::size_t start = i + 1 + (s[i + 1] == '/' ? 1 : 0);
      const std::size_t after = read_tag_name(s, start, name);
      if (after < s.size() && (s[after] == '>' || s[after] == '/' || is_space(s[after])) &&
          known_element(name))
        return true;
    }
  }
  return false;
}

}  // namespace hark
