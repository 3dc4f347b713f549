#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/raw.hpp"
#include "feeds/xml_scan.hpp"

namespace hark::feeds {

// Namespaces the readers know; `none` is an element without one (RSS 0.9x/2.0, or an Atom
// feed that forgot its xmlns).
enum class Ns : std::uint8_t { none, rss, atom, atom03, rdf, dc, dcterms, content, media, other };

// Where a captured value goes.
enum class Slot : std::uint8_t {
  item_title, item_link, item_guid, item_content, item_summary, item_media_description,
  item_rss_author, item_creator, item_author_name, item_author_email,
  item_published, item_dc_date, item_updated, item_lang, item_tag,
  feed_title, feed_link, feed_lang, feed_author_name, feed_author_email,
};

struct Frame {
  std::string_view qname;
  std::string_view local;
  Ns ns;
  std::uint32_t ns_mark, base_mark;
  bool item = false;   // this element opened the item being read
  bool empty = false;  // written as <x/>
};

// Reads RSS 0.9x/2.0, RSS 1.0 and Atom 0.3/1.0 in one pass over XmlScanner's tokens: keeps
// the element stack (closing tags match by name, so stray HTML tags cannot unbalance it),
// namespaces, xml:base and captured text. The format files (rss.cpp, atom.cpp) decide
// which elements fill which slot.
class XmlFeedReader {
 public:
  XmlFeedReader(std::string_view doc, std::string_view doc_url, RawFeed& feed)
      : scanner_(doc), doc_url_(doc_url), feed_(feed), doc_(doc) {}

  // Returns "rss", "rdf", "atom", or "" when the root is not a feed (a warning says why).
  std::string read(std::vector<std::string>& warnings);

 private:
  // rss.cpp and atom.cpp
  void rss_start(const Frame& f);
  void atom_start(const Frame& f);
  std::optional<TextKind> atom_text_kind(bool content);
  void atom_link(std::string& link, std::string& base, int& rank);

  void start_element(bool self_closing);
  void end_element(std::size_t index);
  void begin_item();
  void finish_item();
  void capture(Slot slot, TextKind kind);
  void store(Slot slot, RawText&& value);
  Ns resolve_ns(std::string_view prefix) const;
  std::string attr(std::string_view local) const;  // decoded; "" when absent
  const std::string& base() const;
  int depth() const { return static_cast<int>(stack_.size()) - 1; }
  bool in_item() const { return item_depth_ >= 0; }
  bool is_rss(Ns ns) const { return ns == Ns::rss || (ns == Ns::none && format_ != Format::atom); }
  bool is_atom(Ns ns) const {
    return ns == Ns::atom || ns == Ns::atom03 || (ns == Ns::none && format_ == Format::atom);
  }

  XmlScanner scanner_;
  std::string doc_url_;
  RawFeed& feed_;
  // The root element's kind; an enum, since it is asked about at every element.
  enum class Format : std::uint8_t { unknown, rss, rdf, atom, not_feed };
  Format format_ = Format::unknown;
  bool atom03_ = false;
  std::vector<Frame> stack_;
  std::vector<std::pair<std::string_view, Ns>> ns_bindings_;
  std::vector<std::string> bases_;
  RawItem item_;
  int item_depth_ = -1;      // depth of the open item, -1 outside
  int channel_depth_ = -1;   // RSS channel
  int author_depth_ = -1;    // Atom author (of the item or the feed)
  int group_depth_ = -1;     // media:group inside an item
  int skip_depth_ = -1;      // Atom source: its children are not the entry's
  int capture_depth_ = -1;   // element whose text is being captured
  std::size_t capture_start_ = 0;  // where the captured element's content starts
  Slot capture_slot_{};
  TextKind capture_kind_{};
  std::string_view doc_;
  std::string malformed_;    // first structural problem seen
};

}  // namespace hark::feeds
