#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hark/mention.hpp"
#include "hark/source.hpp"

namespace hark::feeds {

// What the transport knows about a fetched document.
struct FeedMeta {
  std::string url;           // the document's URL (after redirects) or file path
  std::string content_type;  // the HTTP Content-Type header, with any charset; may be empty
  std::string fetched;       // RFC 3339 UTC, copied to every record's `fetched`
};

// The items of one document, in document order.
struct ParseResult {
  std::string format;                 // "rss", "rdf", "atom", "jsonfeed"; empty if not a feed
  std::vector<Mention> items;
  std::vector<std::string> warnings;  // at most one per problem kind, for the caller to print
};

// Parses an RSS 0.9x/2.0, RSS 1.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 document, detected from
// the content. Pure: no I/O. Recovers what it can from a malformed document.
ParseResult parse(std::string_view body, const FeedMeta& meta);

}  // namespace hark::feeds
