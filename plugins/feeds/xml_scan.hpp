#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace hark::feeds {

// One attribute as written: the value still holds its character references.
struct XmlAttr {
  std::string_view name;
  std::string_view value;
};

enum class XmlToken { start, end, text, cdata, done };

// A forgiving, streaming XML tokenizer over a UTF-8 document held in memory. It never
// fails: a '<' that starts no markup is text, a broken attribute is skipped, and input that
// ends inside a tag, comment or CDATA section ends the tokens (truncated() tells). It does
// not check nesting or decode references; the reader above it does both, leniently.
// Hand-written for speed and tolerance; docs/feeds.md says why libxml2 was not used here.
class XmlScanner {
 public:
  explicit XmlScanner(std::string_view doc) : doc_(doc) {}

  XmlToken next();

  std::string_view name() const { return name_; }    // start and end tags: "dc:creator"
  bool self_closing() const { return self_closing_; }  // start tags: "<br/>"
  const std::vector<XmlAttr>& attrs() const { return attrs_; }
  std::string_view text() const { return text_; }  // text: raw; cdata: literal
  bool truncated() const { return truncated_; }
  std::size_t position() const { return pos_; }         // just past the last token
  std::size_t tag_start() const { return tag_start_; }   // the '<' of the last tag

 private:
  bool read_tag(std::size_t lt);
  std::size_t skip_past(std::size_t from, std::string_view end);

  std::string_view doc_;
  std::size_t pos_ = 0;
  std::size_t tag_start_ = 0;
  std::string_view name_, text_;
  bool self_closing_ = false;
  bool truncated_ = false;
  std::vector<XmlAttr> attrs_;
};

}  // namespace hark::feeds
