#pragma once

#include <deque>
#include <string>
#include <vector>

#include "feeds/feeds.hpp"

namespace hark::feeds {

// How a captured value is to be read: plain text, HTML source, XHTML markup (text already
// escaped), or text of no declared type that may be HTML (RSS titles).
enum class TextKind { plain, html, xhtml, maybe_html };

// A text field: either already decoded (JSON) or the raw content of an XML element, a span
// of the document decoded only if the record needs it (decode_xml_content).
struct RawText {
  std::string value;     // decoded text (JSON Feed)
  std::string_view raw;  // undecoded element content (XML); the document outlives it
  TextKind kind = TextKind::plain;
  bool empty() const { return value.empty() && raw.empty(); }
};

// One item as a format reader found it, before normalisation (items.cpp).
struct RawItem {
  std::string guid;               // RSS guid, Atom id, JSON Feed id
  bool guid_permalink = true;     // RSS guid@isPermaLink
  std::string about;              // RSS 1.0 rdf:about
  std::string link;               // RSS link text, JSON Feed url
  std::string link_base;          // xml:base in scope where the link was, resolved
  std::string alt_link;           // Atom-style link@href (best rel so far), external_url
  std::string alt_link_base;
  int alt_link_rank = 0;
  std::string base;               // xml:base in scope at the item, resolved
  RawText title, content, summary, media_description;
  std::string author_name, author_email;
  bool email_is_handle = false;   // RSS <author> is an address first ("mail (Name)")
  std::string published, dc_date, updated;  // date strings as written
  std::string lang;
  std::vector<std::string> tags;
};

// A whole feed: its own fields and its items in document order.
struct RawFeed {
  RawText title;
  std::string link, link_base;  // the feed's home page
  int link_rank = 0;
  std::string base;             // xml:base of the root, resolved
  std::string lang;
  std::string author_name, author_email;
  std::deque<RawItem> items;    // a deque: items are large, and growing never moves them
};

// Decodes the content of an XML element as captured: character references decoded once,
// CDATA literal; for HTML kinds, child elements are kept as tags (and, inside them or for
// XHTML, text is escaped again) so html_to_text sees HTML source.
std::string decode_xml_content(std::string_view raw, TextKind kind);

// The text of a field as written (references decoded, markup kept for HTML kinds).
std::string raw_text_value(const RawText& t);

// Turns raw items into records: ids, absolute URLs, plain text, dates (items.cpp).
void finish_items(const RawFeed& feed, const FeedMeta& meta, std::vector<Mention>& out);

// Format readers. Each fills `feed` and returns the format name, or "" when `doc` is not
// that kind of feed; problems go to `warnings` (one line each, at most one per kind).
std::string read_xml_feed(std::string_view doc, std::string_view doc_url, RawFeed& feed,
                          std::vector<std::string>& warnings);
std::string read_json_feed(std::string_view doc, RawFeed& feed,
                           std::vector<std::string>& warnings);

// Resolves `ref` against `base` (RFC 3986); returns `ref` unchanged when it is absolute or
// no absolute base is known.
std::string resolve_url(std::string_view ref, std::string_view base);

// True for an absolute URI: a scheme ("http:", "urn:", "tag:") and something after it.
bool is_absolute_uri(std::string_view s);

}  // namespace hark::feeds
