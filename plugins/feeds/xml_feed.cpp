#include "feeds/xml_feed.hpp"

#include "hark/html_text.hpp"

namespace hark::feeds {
namespace {

Ns ns_from_uri(std::string_view uri) {
  if (uri == "http://www.w3.org/2005/Atom") return Ns::atom;
  if (uri == "http://purl.org/atom/ns#") return Ns::atom03;
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/RSS2" ||
      uri == "http://purl.org/net/rss1.1#")
    return Ns::rss;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::rdf;
  if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/elements/1.0/")
    return Ns::dc;
  if (uri == "http://purl.org/dc/terms/") return Ns::dcterms;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::content;
  if (uri.rfind("http://search.yahoo.com/mrss", 0) == 0) return Ns::media;
  return Ns::other;
}

// Feeds that use a prefix without declaring it mean the usual namespace.
Ns ns_from_prefix(std::string_view prefix) {
  if (prefix.empty()) return Ns::none;
  if (prefix == "dc") return Ns::dc;
  if (prefix == "dcterms") return Ns::dcterms;
  if (prefix == "content") return Ns::content;
  if (prefix == "media") return Ns::media;
  if (prefix == "atom") return Ns::atom;
  if (prefix == "rdf") return Ns::rdf;
  return Ns::other;
}

// Appends text escaped for use as markup, so html_to_text decodes it exactly once.
void append_escaped(std::string& out, std::string_view s) {
  std::size_t run = 0;  // start of the bytes not yet appended, copied at once
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '<' && s[i] != '&') continue;
    out.append(s.data() + run, i - run);
    out.append(s[i] == '<' ? "&lt;" : "&amp;");
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

// collapse_whitespace(raw_text_value(v)), without the two passes and their strings when
// the raw text is already plain.
std::string plain_value(const RawText& v) {
  if (is_plain_text(v.raw)) return std::string(v.raw);
  return collapse_whitespace(raw_text_value(v));
}

}  // namespace

Ns XmlFeedReader::resolve_ns(std::string_view prefix) const {
  for (auto it = ns_bindings_.rbegin(); it != ns_bindings_.rend(); ++it)
    if (it->first == prefix) return it->second;
  return ns_from_prefix(prefix);
}

std::string XmlFeedReader::attr(std::string_view local) const {
  for (const XmlAttr& a : scanner_.attrs()) {
    std::string_view name = a.name;
    if (local.find(':') == std::string_view::npos) {
      const std::size_t colon = name.find(':');
      if (colon != std::string_view::npos) {
        if (name.substr(0, colon) == "xmlns" || name.substr(0, colon) == "xml") continue;
        name.remove_prefix(colon + 1);
      }
    }
    if (name == local) {
      std::string out;
      append_entities_decoded(out, a.value);
      return out;
    }
  }
  return {};
}

const std::string& XmlFeedReader::base() const {
  return bases_.empty() ? doc_url_ : bases_.back();
}

void XmlFeedReader::begin_item() {
  if (in_item()) finish_item();  // an item opened inside another: the first one is done
  item_ = RawItem{};
  item_depth_ = depth();
  stack_.back().item = true;
  if (!bases_.empty()) item_.base = bases_.back();
  item_.lang = attr("xml:lang");
}

void XmlFeedReader::finish_item() {
  feed_.items.push_back(std::move(item_));  // begin_item clears item_ for the next one
  item_depth_ = -1;
  group_depth_ = -1;
  skip_depth_ = -1;
  if (author_depth_ > 0) author_depth_ = -1;
}

void XmlFeedReader::capture(Slot slot, TextKind kind) {
  capture_depth_ = depth();
  capture_start_ = scanner_.position();
  capture_slot_ = slot;
  capture_kind_ = kind;
}

void XmlFeedReader::store(Slot slot, RawText&& v) {
  // The first element of a kind wins, as in browsers' feed readers; categories add up.
  // Short fields are decoded now; long text waits until a record needs it.
  auto set = [&](std::string& dest) {
    if (dest.empty()) dest = plain_value(v);
  };
  auto set_text = [&](RawText& dest) {
    if (dest.empty() && !v.empty()) dest = v;
  };
  switch (slot) {
    case Slot::item_title: set_text(item_.title); break;
    case Slot::item_link: set(item_.link); if (item_.link_base.empty() && !bases_.empty()) item_.link_base = bases_.back(); break;
    case Slot::item_guid: set(item_.guid); break;
    case Slot::item_content: set_text(item_.content); break;
    case Slot::item_summary: set_text(item_.summary); break;
    case Slot::item_media_description: set_text(item_.media_description); break;
    case Slot::item_rss_author: {
      // "jane@example.com (Jane Doe)", "Jane Doe <jane@example.com>", or either part alone.
      const std::string s = plain_value(v);
      const std::size_t open = s.find_first_of("(<");
      std::string name, email;
      if (open != std::string::npos) {
        const std::size_t close = s.find_first_of(")>", open);
        std::string inner = s.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        std::string outer = collapse_whitespace(s.substr(0, open));
        if (inner.find('@') != std::string::npos && outer.find('@') == std::string::npos) std::swap(inner, outer);
        email = outer;
        name = collapse_whitespace(inner);
      } else if (s.find('@') != std::string::npos && s.find(' ') == std::string::npos) {
        email = s;
      } else {
        name = s;
      }
      if (item_.author_email.empty()) item_.author_email = email;
      item_.email_is_handle = !email.empty();
      if (item_.author_name.empty()) item_.author_name = name;
      break;
    }
    case Slot::item_creator:
    case Slot::item_author_name: set(item_.author_name); break;
    case Slot::item_author_email: set(item_.author_email); break;
    case Slot::item_published: set(item_.published); break;
    case Slot::item_dc_date: set(item_.dc_date); break;
    case Slot::item_updated: set(item_.updated); break;
    case Slot::item_lang: set(item_.lang); break;
    case Slot::item_tag: {
      std::string tag = plain_value(v);
      if (!tag.empty()) item_.tags.push_back(std::move(tag));
      break;
    }
    case Slot::feed_title: set_text(feed_.title); break;
    case Slot::feed_link: if (feed_.link.empty()) { feed_.link = plain_value(v); if (!bases_.empty()) feed_.link_base = bases_.back(); } break;
    case Slot::feed_lang: set(feed_.lang); break;
    case Slot::feed_author_name: set(feed_.author_name); break;
    case Slot::feed_author_email: set(feed_.author_email); break;
  }
}

void XmlFeedReader::start_element(bool self_closing) {
  const std::string_view qname = scanner_.name();
  Frame f{qname, qname, Ns::none, static_cast<std::uint32_t>(ns_bindings_.size()),
          static_cast<std::uint32_t>(bases_.size())};
  for (const XmlAttr& a : scanner_.attrs()) {
    if (a.name == "xmlns") ns_bindings_.emplace_back("", ns_from_uri(a.value));
    else if (a.name.rfind("xmlns:", 0) == 0) ns_bindings_.emplace_back(a.name.substr(6), ns_from_uri(a.value));
    else if (a.name == "xml:base") {
      std::string value;
      append_entities_decoded(value, a.value);
      bases_.push_back(resolve_url(collapse_whitespace(value), base()));
    }
  }
  const std::size_t colon = qname.find(':');
  if (colon != std::string_view::npos) f.local = qname.substr(colon + 1);
  f.ns = resolve_ns(colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon));
  // An unknown default namespace on RSS or Atom elements is a mistake, not another vocabulary.
  if (f.ns == Ns::other && colon == std::string_view::npos) f.ns = Ns::none;
  f.empty = self_closing;
  stack_.push_back(f);

  if (capture_depth_ >= 0) {
    // Markup inside a captured value is part of the value (decode_xml_content).
  } else if (format_ == Format::unknown) {
    if (f.local == "rss" || f.local == "channel") format_ = Format::rss;
    else if (f.local == "RDF") format_ = Format::rdf;
    else if (f.local == "feed") format_ = Format::atom, atom03_ = f.ns == Ns::atom03;
    else format_ = Format::not_feed;  // read() stops
    if (format_ != Format::not_feed) {
      const std::string lang = attr("xml:lang");
      if (!lang.empty()) feed_.lang = lang;
      if (!bases_.empty()) feed_.base = bases_.back();
    }
    if (format_ == Format::rss && f.local == "channel") channel_depth_ = depth();
  } else if (skip_depth_ < 0) {
    if (format_ == Format::atom) atom_start(f);
    else rss_start(f);
  }
  if (self_closing) end_element(stack_.size() - 1);
}

void XmlFeedReader::end_element(std::size_t index) {
  if (index + 1 < stack_.size() && capture_depth_ < 0 && malformed_.empty())
    malformed_ = "<" + std::string(stack_.back().qname) + "> not closed";
  while (stack_.size() > index) {
    const Frame f = stack_.back();
    const int d = depth();
    if (d == capture_depth_) {
      const std::size_t end = scanner_.tag_start();
      RawText value;
      value.kind = capture_kind_;
      if (!f.empty && end > capture_start_) value.raw = doc_.substr(capture_start_, end - capture_start_);
      store(capture_slot_, std::move(value));
      capture_depth_ = -1;
    }
    if (f.item && d == item_depth_) finish_item();
    if (d == author_depth_) author_depth_ = -1;
    if (d == group_depth_) group_depth_ = -1;
    if (d == skip_depth_) skip_depth_ = -1;
    if (d == channel_depth_) channel_depth_ = -1;
    ns_bindings_.resize(f.ns_mark);
    bases_.resize(f.base_mark);
    stack_.pop_back();
  }
}

std::string XmlFeedReader::read(std::vector<std::string>& warnings) {
  for (XmlToken t; (t = scanner_.next()) != XmlToken::done;) {
    switch (t) {
      case XmlToken::start:
        start_element(scanner_.self_closing());
        if (format_ == Format::not_feed) {
          const bool html = scanner_.name() == "html" || scanner_.name() == "HTML";
          warnings.push_back(html ? "not a feed: an HTML page"
                                  : "not a feed: the root element is <" + std::string(scanner_.name()) + ">");
          return {};
        }
        break;
      case XmlToken::end: {
        // Matched against the innermost 256 open elements only, so a flood of stray
        // closing tags over a deep stack stays linear.
        std::size_t i = stack_.size();
        const std::size_t floor = i > 256 ? i - 256 : 0;
        while (i > floor && stack_[i - 1].qname != scanner_.name()) --i;
        if (i > floor) end_element(i - 1);
        break;
      }
      case XmlToken::text:
      case XmlToken::cdata:
        break;  // text is read from the captured span when a record needs it
      case XmlToken::done:
        break;
    }
  }
  if (format_ == Format::unknown) {
    warnings.push_back("not a feed: no XML elements");
    return {};
  }
  if (scanner_.truncated() && malformed_.empty()) malformed_ = "the document is cut off";
  if (!stack_.empty() && malformed_.empty())
    malformed_ = "<" + std::string(stack_.back().qname) + "> not closed at the end";
  // An item still open at the end was cut off: its fields may be partial, so it is left out.
  if (!malformed_.empty())
    warnings.push_back("malformed XML (" + malformed_ + "); kept the " +
                       std::to_string(feed_.items.size()) + " complete items");
  return format_ == Format::rss ? "rss" : format_ == Format::rdf ? "rdf" : "atom";
}

std::string decode_xml_content(std::string_view raw, TextKind kind) {
  std::string out;
  out.reserve(raw.size());
  std::string scratch;
  XmlScanner scanner(raw);
  int children = 0;
  for (XmlToken t; (t = scanner.next()) != XmlToken::done;) {
    switch (t) {
      case XmlToken::start:
      case XmlToken::end:
        if (kind != TextKind::plain) {
          out.append(t == XmlToken::end ? "</" : "<");
          const std::string_view name = scanner.name();
          const std::size_t colon = name.find(':');
          out.append(colon == std::string_view::npos ? name : name.substr(colon + 1));
          out.append(t == XmlToken::start && scanner.self_closing() ? "/>" : ">");
        }
        if (t == XmlToken::start && !scanner.self_closing()) ++children;
        else if (t == XmlToken::end && children > 0) --children;
        break;
      case XmlToken::text:
      case XmlToken::cdata: {
        const bool cdata = t == XmlToken::cdata;
        const bool escape = kind == TextKind::xhtml || (kind != TextKind::plain && children > 0);
        if (!escape) {
          if (cdata) out.append(scanner.text());
          else append_entities_decoded(out, scanner.text());
        } else if (cdata) {
          append_escaped(out, scanner.text());
        } else {
          scratch.clear();
          append_entities_decoded(scratch, scanner.text());
          append_escaped(out, scratch);
        }
        break;
      }
      case XmlToken::done:
        break;
    }
  }
  return out;
}

std::string raw_text_value(const RawText& t) {
  return t.raw.empty() ? t.value : decode_xml_content(t.raw, t.kind);
}

std::string read_xml_feed(std::string_view doc, std::string_view doc_url, RawFeed& feed,
                          std::vector<std::string>& warnings) {
  XmlFeedReader reader(doc, doc_url, feed);
  return reader.read(warnings);
}

}  // namespace hark::feeds
