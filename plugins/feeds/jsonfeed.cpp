// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/).
#include <simdjson.h>

#include <cmath>

#include "feeds/raw.hpp"
#include "hark/time.hpp"

namespace hark::feeds {
namespace {

std::string str(simdjson::dom::element e, std::string_view key) {
  std::string_view v;
  if (e[key].get_string().get(v) == simdjson::SUCCESS) return std::string(v);
  return {};
}

// JSON Feed dates are RFC 3339 strings; some generators write Unix seconds instead.
std::string date(simdjson::dom::element e, std::string_view key) {
  simdjson::dom::element v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  double seconds;
  if (v.is_number() && v.get_double().get(seconds) == simdjson::SUCCESS && std::isfinite(seconds) &&
      seconds > -1e11 && seconds < 1e11)
    return format_rfc3339(static_cast<UnixTime>(std::floor(seconds)));
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return {};
}

// 1.1 has "authors": [...]; 1.0 had "author": {...}. Takes the first.
void read_author(simdjson::dom::element e, std::string& name) {
  simdjson::dom::array authors;
  simdjson::dom::element author;
  if (e["authors"].get_array().get(authors) == simdjson::SUCCESS) {
    for (simdjson::dom::element a : authors) {
      author = a;
      break;
    }
  } else if (e["author"].get(author) != simdjson::SUCCESS) {
    return;
  }
  if (!author.is_object()) return;
  name = str(author, "name");
}

}  // namespace

std::string read_json_feed(std::string_view doc, RawFeed& feed, std::vector<std::string>& warnings) {
  thread_local simdjson::dom::parser parser;
  const simdjson::padded_string padded(doc);
  simdjson::dom::element root;
  if (auto err = parser.parse(padded).get(root)) {
    warnings.push_back(std::string("malformed JSON: ") + simdjson::error_message(err));
    return {};
  }
  simdjson::dom::array items;
  if (!root.is_object() || str(root, "version").find("jsonfeed.org") == std::string::npos ||
      root["items"].get_array().get(items) != simdjson::SUCCESS) {
    warnings.push_back("not a feed: JSON without a JSON Feed version and items");
    return {};
  }
  feed.title = RawText{str(root, "title"), {}, TextKind::maybe_html};
  feed.link = str(root, "home_page_url");
  feed.lang = str(root, "language");
  read_author(root, feed.author_name);
  for (simdjson::dom::element e : items) {
    if (!e.is_object()) continue;
    RawItem it;
    simdjson::dom::element id;
    if (e["id"].get(id) == simdjson::SUCCESS) {
      if (id.is_string()) it.guid = std::string(id.get_string().value());
      else if (id.is_int64()) it.guid = std::to_string(id.get_int64().value());
      else if (id.is_uint64()) it.guid = std::to_string(id.get_uint64().value());
    }
    it.guid_permalink = false;
    it.link = str(e, "url");
    it.alt_link = str(e, "external_url");
    it.title = RawText{str(e, "title"), {}, TextKind::maybe_html};
    it.content = RawText{str(e, "content_text"), {}, TextKind::plain};
    if (it.content.empty()) it.content = RawText{str(e, "content_html"), {}, TextKind::html};
    it.summary = RawText{str(e, "summary"), {}, TextKind::maybe_html};
    it.published = date(e, "date_published");
    it.updated = date(e, "date_modified");
    read_author(e, it.author_name);
    it.lang = str(e, "language");
    simdjson::dom::array tags;
    if (e["tags"].get_array().get(tags) == simdjson::SUCCESS)
      for (simdjson::dom::element t : tags) {
        std::string_view tag;
        if (t.get_string().get(tag) == simdjson::SUCCESS && !tag.empty()) it.tags.emplace_back(tag);
      }
    feed.items.push_back(std::move(it));
  }
  return "jsonfeed";
}

}  // namespace hark::feeds
