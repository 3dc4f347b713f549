#include "feeds/xml_scan.hpp"

#include <array>
#include <cstring>

namespace hark::feeds {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// 1: may start a name; 2: may only follow in one. A table: names are read a byte at a time.
constexpr auto kNameClass = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80)
      t[c] = 1;
    else if ((c >= '0' && c <= '9') || c == '-' || c == '.')
      t[c] = 2;
  }
  return t;
}();
bool is_name_start(char c) { return kNameClass[static_cast<unsigned char>(c)] == 1; }
bool is_name_char(char c) { return kNameClass[static_cast<unsigned char>(c)] != 0; }

}  // namespace

std::size_t XmlScanner::skip_past(std::size_t from, std::string_view end) {
  const std::size_t at = doc_.find(end, from);
  if (at == std::string_view::npos) {
    truncated_ = true;
    return doc_.size();
  }
  return at + end.size();
}

XmlToken XmlScanner::next() {
  while (pos_ < doc_.size()) {
    const char* base = doc_.data();
    const void* hit = std::memchr(base + pos_, '<', doc_.size() - pos_);
    std::size_t lt = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base)
                         : doc_.size();
    // A '<' that starts no markup ("a < b") belongs to the text around it.
    while (lt + 1 < doc_.size() && !is_name_start(doc_[lt + 1]) && doc_[lt + 1] != '/' &&
           doc_[lt + 1] != '!' && doc_[lt + 1] != '?') {
      hit = std::memchr(base + lt + 1, '<', doc_.size() - lt - 1);
      lt = hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : doc_.size();
    }
    if (lt > pos_) {
      text_ = doc_.substr(pos_, lt - pos_);
      pos_ = lt;
      return XmlToken::text;
    }
    if (lt + 1 >= doc_.size()) {
      truncated_ = true;
      pos_ = doc_.size();
      break;
    }
    const char c = doc_[lt + 1];
    if (c == '!') {
      if (doc_.compare(lt, 9, "<![CDATA[") == 0) {
        const std::size_t end = doc_.find("]]>", lt + 9);
        const std::size_t stop = end == std::string_view::npos ? doc_.size() : end;
        if (end == std::string_view::npos) truncated_ = true;
        text_ = doc_.substr(lt + 9, stop - lt - 9);
        pos_ = end == std::string_view::npos ? doc_.size() : end + 3;
        return XmlToken::cdata;
      }
      if (doc_.compare(lt, 4, "<!--") == 0) {
        pos_ = skip_past(lt + 4, "-->");
      } else {
        // <!DOCTYPE ...>, possibly with an internal subset in brackets.
        std::size_t i = lt + 2;
        int depth = 0;
        for (; i < doc_.size(); ++i) {
          if (doc_[i] == '[') ++depth;
          else if (doc_[i] == ']') --depth;
          else if (doc_[i] == '>' && depth <= 0) break;
        }
        if (i >= doc_.size()) truncated_ = true;
        pos_ = i < doc_.size() ? i + 1 : i;
      }
    } else if (c == '?') {
      pos_ = skip_past(lt + 2, "?>");
    } else if (read_tag(lt)) {
      tag_start_ = lt;
      return doc_[lt + 1] == '/' ? XmlToken::end : XmlToken::start;
    }
  }
  return XmlToken::done;
}

// Reads the tag at doc_[lt] == '<'. Returns false (and moves past the input) when it ends
// before its '>'.
bool XmlScanner::read_tag(std::size_t lt) {
  const bool closing = doc_[lt + 1] == '/';
  std::size_t i = lt + (closing ? 2 : 1);
  const std::size_t name_start = i;
  while (i < doc_.size() && is_name_char(doc_[i])) ++i;
  name_ = doc_.substr(name_start, i - name_start);
  attrs_.clear();
  self_closing_ = false;
  while (i < doc_.size()) {
    const char c = doc_[i];
    if (c == '>') {
      pos_ = i + 1;
      return true;
    }
    if (c == '/' && i + 1 < doc_.size() && doc_[i + 1] == '>') {
      self_closing_ = !closing;
      pos_ = i + 2;
      return true;
    }
    if (closing || !is_name_start(c)) {
      ++i;  // stray characters inside a tag are ignored
      continue;
    }
    const std::size_t an = i;
    while (i < doc_.size() && is_name_char(doc_[i])) ++i;
    const std::string_view attr_name = doc_.substr(an, i - an);
    while (i < doc_.size() && is_space(doc_[i])) ++i;
    if (i >= doc_.size() || doc_[i] != '=') {
      attrs_.push_back({attr_name, {}});
      continue;
    }
    ++i;
    while (i < doc_.size() && is_space(doc_[i])) ++i;
    if (i >= doc_.size()) break;
    if (doc_[i] == '"' || doc_[i] == '\'') {
      const char quote = doc_[i];
      const std::size_t close = doc_.find(quote, i + 1);
      if (close == std::string_view::npos) break;
      attrs_.push_back({attr_name, doc_.substr(i + 1, close - i - 1)});
      i = close + 1;
    } else {
      const std::size_t vs = i;
      while (i < doc_.size() && !is_space(doc_[i]) && doc_[i] != '>') ++i;
      attrs_.push_back({attr_name, doc_.substr(vs, i - vs)});
    }
  }
  truncated_ = true;
  pos_ = doc_.size();
  return false;
}

}  // namespace hark::feeds
