// Atom 1.0 (RFC 4287) and Atom 0.3: which elements fill which slot.
#include "feeds/xml_feed.hpp"

#include "hark/html_text.hpp"

namespace hark::feeds {
namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

}  // namespace

// The kind of an Atom text construct from its type (and Atom 0.3's mode); nullopt for
// content that is not text (an image, base64, or content@src pointing elsewhere).
std::optional<TextKind> XmlFeedReader::atom_text_kind(bool content) {
  if (content && !attr("src").empty()) return std::nullopt;
  const std::string type = lower(attr("type"));
  const std::string mode = lower(attr("mode"));
  if (mode == "base64") return std::nullopt;
  if (type.empty() || type == "text" || type == "text/plain")
    return atom03_ && mode == "escaped" && type.empty() ? TextKind::html : TextKind::plain;
  if (type == "xhtml" || type == "application/xhtml+xml")
    return atom03_ && mode == "escaped" ? TextKind::html : TextKind::xhtml;
  if (type == "html" || type.find("html") != std::string::npos) return TextKind::html;
  if (type.rfind("text/", 0) == 0) return TextKind::plain;
  return std::nullopt;
}

// Ranks an Atom link: 3 for rel="alternate" (the default) to an HTML page or of no type,
// 2 for another alternate, 1 for a link of a rel that still points at the item ("related",
// "via"); keeps the best one seen.
void XmlFeedReader::atom_link(std::string& link, std::string& link_base, int& rank) {
  const std::string href = collapse_whitespace(attr("href"));
  if (href.empty()) return;
  const std::string rel = lower(attr("rel"));
  const std::string type = lower(attr("type"));
  int r = 0;
  if (rel.empty() || rel == "alternate")
    r = type.empty() || type.find("html") != std::string::npos ? 3 : 2;
  else if (rel == "related" || rel == "via" || rel == "shorturl")
    r = 1;
  if (r <= rank) return;
  rank = r;
  link = href;
  link_base = bases_.empty() ? std::string() : bases_.back();
}

void XmlFeedReader::atom_start(const Frame& f) {
  const int d = depth();
  const std::string_view n = f.local;
  const bool atom = is_atom(f.ns);
  if (atom && n == "source" && in_item()) {
    skip_depth_ = d;  // the entry's copy of its original feed: not the entry's own fields
    return;
  }
  if (author_depth_ >= 0 && d == author_depth_ + 1) {
    const bool entry_author = in_item();
    if (atom && n == "name")
      capture(entry_author ? Slot::item_author_name : Slot::feed_author_name, TextKind::plain);
    else if (atom && n == "email")
      capture(entry_author ? Slot::item_author_email : Slot::feed_author_email, TextKind::plain);
    return;
  }
  if (atom && n == "entry") {
    begin_item();  // an http id with no link is the entry's address, as feed readers take it
    return;
  }
  if (!in_item()) {
    if (d != 1) return;
    if (atom && n == "title") {
      if (auto kind = atom_text_kind(false)) capture(Slot::feed_title, *kind);
    } else if (atom && n == "link") {
      atom_link(feed_.link, feed_.link_base, feed_.link_rank);
    } else if (atom && n == "author") {
      author_depth_ = d;
    } else if (f.ns == Ns::dc && n == "language") {
      capture(Slot::feed_lang, TextKind::plain);
    }
    return;
  }
  if (group_depth_ >= 0 && d == group_depth_ + 1) {
    if (f.ns == Ns::media && n == "description")
      capture(Slot::item_media_description, attr("type") == "html" ? TextKind::html : TextKind::plain);
    return;
  }
  if (d != item_depth_ + 1) return;
  if (atom) {
    if (n == "id") capture(Slot::item_guid, TextKind::plain);
    else if (n == "title") {
      if (auto kind = atom_text_kind(false)) capture(Slot::item_title, *kind);
    } else if (n == "link") atom_link(item_.alt_link, item_.alt_link_base, item_.alt_link_rank);
    else if (n == "published" || n == "issued" || n == "created")
      capture(Slot::item_published, TextKind::plain);
    else if (n == "updated" || n == "modified") capture(Slot::item_updated, TextKind::plain);
    else if (n == "author") author_depth_ = d;
    else if (n == "content") {
      if (auto kind = atom_text_kind(true)) capture(Slot::item_content, *kind);
    } else if (n == "summary") {
      if (auto kind = atom_text_kind(false)) capture(Slot::item_summary, *kind);
    } else if (n == "category") {
      std::string term = collapse_whitespace(attr("term"));
      if (term.empty()) term = collapse_whitespace(attr("label"));
      if (!term.empty()) item_.tags.push_back(std::move(term));
    }
  } else if (f.ns == Ns::media) {
    if (n == "group") group_depth_ = d;
    else if (n == "description")
      capture(Slot::item_media_description, attr("type") == "html" ? TextKind::html : TextKind::plain);
  } else if (f.ns == Ns::dc) {
    if (n == "creator") capture(Slot::item_creator, TextKind::plain);
    else if (n == "date") capture(Slot::item_dc_date, TextKind::plain);
    else if (n == "subject") capture(Slot::item_tag, TextKind::plain);
    else if (n == "language") capture(Slot::item_lang, TextKind::plain);
  }
}

}  // namespace hark::feeds
