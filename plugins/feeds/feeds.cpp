// parse(): decoding and format detection, then the format reader and normalisation.
#include "feeds/feeds.hpp"

#include "feeds/raw.hpp"
#include "hark/charset.hpp"

namespace hark::feeds {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

ParseResult parse(std::string_view body, const FeedMeta& meta) {
  ParseResult result;
  // JSON is UTF-8 by definition (RFC 8259) unless a BOM says otherwise; XML declares.
  std::size_t first = 0;
  while (first < body.size() && (is_space(body[first]) || body[first] == '\xEF' ||
                                 body[first] == '\xBB' || body[first] == '\xBF'))
    ++first;
  const bool json = first < body.size() && (body[first] == '{' || body[first] == '[');
  const std::string charset = charset_from_content_type(meta.content_type);
  Decoded decoded;
  std::string_view doc = body;
  if (!utf8_as_is(body, charset, !json)) {
    decoded = decode_to_utf8(body, charset, !json);
    if (decoded.unknown) result.warnings.push_back("unknown character encoding, read as UTF-8");
    doc = decoded.text;
  }
  while (!doc.empty() && is_space(doc.front())) doc.remove_prefix(1);  // before <?xml, too
  RawFeed feed;
  if (!doc.empty() && doc.front() == '{') {
    result.format = read_json_feed(doc, feed, result.warnings);
  } else if (!doc.empty() && doc.front() == '<') {
    result.format = read_xml_feed(doc, meta.url, feed, result.warnings);
  } else {
    result.warnings.push_back(doc.empty() ? "not a feed: the document is empty"
                                          : "not a feed: neither XML nor JSON");
  }
  if (!result.format.empty()) finish_items(feed, meta, result.items);
  return result;
}

}  // namespace hark::feeds
