// RSS 0.9x, 2.0 and 1.0 (RDF): which elements fill which slot.
#include "feeds/xml_feed.hpp"

namespace hark::feeds {

void XmlFeedReader::rss_start(const Frame& f) {
  const int d = depth();
  const std::string_view n = f.local;
  if (is_rss(f.ns) && n == "item") {
    begin_item();
    item_.about = attr("rdf:about");
    if (item_.about.empty()) item_.about = attr("about");
    return;
  }
  if (!in_item()) {
    if (is_rss(f.ns) && n == "channel") {
      channel_depth_ = d;
      const std::string lang = attr("xml:lang");
      if (!lang.empty() && feed_.lang.empty()) feed_.lang = lang;
      return;
    }
    if (channel_depth_ < 0 || d != channel_depth_ + 1) return;
    if (is_rss(f.ns) && n == "title") capture(Slot::feed_title, TextKind::maybe_html);
    else if (is_rss(f.ns) && n == "link") capture(Slot::feed_link, TextKind::plain);
    else if ((is_rss(f.ns) && n == "language") || (f.ns == Ns::dc && n == "language"))
      capture(Slot::feed_lang, TextKind::plain);
    else if (f.ns == Ns::atom && n == "link" && feed_.link.empty()) {
      std::string link, base;
      atom_link(link, base, feed_.link_rank);
      if (!link.empty()) feed_.link = link, feed_.link_base = base;
    }
    return;
  }
  if (d == group_depth_ + 1 && group_depth_ >= 0) {
    if (f.ns == Ns::media && n == "description")
      capture(Slot::item_media_description, attr("type") == "html" ? TextKind::html : TextKind::plain);
    return;
  }
  if (d != item_depth_ + 1) return;  // only the item's own children, not their children
  if (is_rss(f.ns)) {
    if (n == "title") capture(Slot::item_title, TextKind::maybe_html);
    else if (n == "link") capture(Slot::item_link, TextKind::plain);
    else if (n == "description") capture(Slot::item_summary, TextKind::html);
    else if (n == "guid") {
      item_.guid_permalink = attr("isPermaLink") != "false";
      capture(Slot::item_guid, TextKind::plain);
    } else if (n == "pubDate") capture(Slot::item_published, TextKind::plain);
    else if (n == "author") capture(Slot::item_rss_author, TextKind::plain);
    else if (n == "category") capture(Slot::item_tag, TextKind::plain);
    else if (n == "language") capture(Slot::item_lang, TextKind::plain);
  } else if (f.ns == Ns::content && n == "encoded") {
    capture(Slot::item_content, TextKind::html);
  } else if (f.ns == Ns::dc) {
    if (n == "creator") capture(Slot::item_creator, TextKind::plain);
    else if (n == "date") capture(Slot::item_dc_date, TextKind::plain);
    else if (n == "subject") capture(Slot::item_tag, TextKind::plain);
    else if (n == "language") capture(Slot::item_lang, TextKind::plain);
    else if (n == "title") capture(Slot::item_title, TextKind::maybe_html);
    else if (n == "description") capture(Slot::item_summary, TextKind::html);
  } else if (f.ns == Ns::dcterms) {
    if (n == "issued" || n == "created") capture(Slot::item_published, TextKind::plain);
    else if (n == "modified") capture(Slot::item_updated, TextKind::plain);
  } else if (f.ns == Ns::media) {
    if (n == "group") group_depth_ = d;
    else if (n == "description")
      capture(Slot::item_media_description, attr("type") == "html" ? TextKind::html : TextKind::plain);
  } else if (f.ns == Ns::atom) {
    if (n == "link") atom_link(item_.alt_link, item_.alt_link_base, item_.alt_link_rank);
    else if (n == "published") capture(Slot::item_published, TextKind::plain);
    else if (n == "updated") capture(Slot::item_updated, TextKind::plain);
  }
}

}  // namespace hark::feeds
