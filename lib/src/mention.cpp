#include "hark/mention.hpp"

#include <fmt/format.h>

#include <cctype>

#include "hark/error.hpp"
#include "hark/json.hpp"

namespace hark {
namespace {

std::optional<std::string> opt_string(simdjson::dom::object rec, std::string_view name) {
  auto v = get_string(rec, name);
  if (!v) return std::nullopt;
  return std::string(*v);
}

std::optional<std::int64_t> opt_int(simdjson::dom::object parent, std::string_view name,
                                    std::string_view where) {
  simdjson::dom::element v;
  if (parent.at_key(name).get(v) || v.is_null()) return std::nullopt;
  std::int64_t n;
  if (v.get_int64().get(n)) {
    double d;
    if (v.get_double().get(d) || d != static_cast<double>(static_cast<std::int64_t>(d)))
      throw RecordError(fmt::format("\"{}\" must be an integer or null", where));
    n = static_cast<std::int64_t>(d);
  }
  return n;
}

}  // namespace

std::optional<std::string_view> get_string(simdjson::dom::object record, std::string_view name) {
  simdjson::dom::element v;
  if (record.at_key(name).get(v) || v.is_null()) return std::nullopt;
  std::string_view s;
  if (v.get_string().get(s))
    throw RecordError(fmt::format("\"{}\" must be a string or null", name));
  return s;
}

bool text_starts_with_title(std::string_view title, std::string_view text) {
  for (std::string_view cut : {"\xE2\x80\xA6", "..."})
    if (title.size() > cut.size() && title.substr(title.size() - cut.size()) == cut) {
      title.remove_suffix(cut.size());
      while (!title.empty() && title.back() == ' ') title.remove_suffix(1);
    }
  if (title.empty() || text.substr(0, title.size()) != title) return false;
  // "Outage" does not open "Outages are ...": the title must end where a word does.
  if (text.size() == title.size()) return true;
  const auto next = static_cast<unsigned char>(text[title.size()]);
  return !(std::isalnum(next) || next >= 0x80);
}

std::string_view title_and_text(std::string_view title, std::string_view text, std::string& buffer) {
  if (title.empty()) return text;
  if (text.empty()) return title;
  if (text_starts_with_title(title, text)) return text;
  buffer.assign(title);
  buffer.push_back('\n');
  buffer.append(text);
  return buffer;
}

void append_mention(std::string& out, const Mention& m) {
  // Keys are literals with their comma: this runs for every record hark writes.
  const auto str = [&](std::string_view comma_key, const std::optional<std::string>& v) {
    out.append(comma_key);
    append_json_nullable(out, v);
  };
  out.append("{\"id\":");
  append_json_string(out, m.id);
  out.append(",\"source\":");
  append_json_string(out, m.source);
  out.append(",\"feed\":");
  if (m.feed_url || m.feed_title) {
    out.append("{\"url\":");
    append_json_nullable(out, m.feed_url);
    out.append(",\"title\":");
    append_json_nullable(out, m.feed_title);
    out.push_back('}');
  } else {
    out.append("null");
  }
  out.append(",\"channel\":");
  append_json_string(out, m.channel);
  str(",\"url\":", m.url);
  str(",\"title\":", m.title);
  str(",\"text\":", m.text);
  str(",\"author\":", m.author);
  str(",\"author_name\":", m.author_name);
  str(",\"published\":", m.published);
  str(",\"fetched\":", m.fetched);
  str(",\"lang\":", m.lang);
  out.append(",\"tags\":");
  out.push_back('[');
  for (std::size_t i = 0; i < m.tags.size(); ++i) {
    if (i) out.push_back(',');
    append_json_string(out, m.tags[i]);
  }
  out.push_back(']');
  str(",\"parent\":", m.parent);
  str(",\"thread\":", m.thread);
  out.append(",\"engagement\":");
  out.append("{\"replies\":");
  append_json_int(out, m.engagement.replies);
  out.append(",\"likes\":");
  append_json_int(out, m.engagement.likes);
  out.append(",\"shares\":");
  append_json_int(out, m.engagement.shares);
  out.push_back('}');
  out.append(",\"reach\":");
  append_json_int(out, m.reach);
  str(",\"answered_at\":", m.answered_at);
  str(",\"answered_by\":", m.answered_by);
  out.push_back('}');
}

Mention read_mention(simdjson::dom::object rec) {
  Mention m;
  m.id = std::string(get_string(rec, "id").value_or(""));
  m.source = std::string(get_string(rec, "source").value_or(""));
  simdjson::dom::element feed;
  if (!rec.at_key("feed").get(feed) && !feed.is_null()) {
    simdjson::dom::object fo;
    if (feed.get_object().get(fo)) throw RecordError("\"feed\" must be an object or null");
    m.feed_url = opt_string(fo, "url");
    m.feed_title = opt_string(fo, "title");
  }
  m.channel = std::string(get_string(rec, "channel").value_or("public"));
  m.url = opt_string(rec, "url");
  m.title = opt_string(rec, "title");
  m.text = opt_string(rec, "text");
  m.author = opt_string(rec, "author");
  m.author_name = opt_string(rec, "author_name");
  m.published = opt_string(rec, "published");
  m.fetched = opt_string(rec, "fetched");
  m.lang = opt_string(rec, "lang");
  simdjson::dom::element tags;
  if (!rec.at_key("tags").get(tags) && !tags.is_null()) {
    simdjson::dom::array arr;
    if (tags.get_array().get(arr)) throw RecordError("\"tags\" must be an array of strings");
    for (auto t : arr) {
      std::string_view s;
      if (t.get_string().get(s)) throw RecordError("\"tags\" must be an array of strings");
      m.tags.emplace_back(s);
    }
  }
  m.parent = opt_string(rec, "parent");
  m.thread = opt_string(rec, "thread");
  simdjson::dom::element eng;
  if (!rec.at_key("engagement").get(eng) && !eng.is_null()) {
    simdjson::dom::object eo;
    if (eng.get_object().get(eo)) throw RecordError("\"engagement\" must be an object or null");
    m.engagement.replies = opt_int(eo, "replies", "engagement.replies");
    m.engagement.likes = opt_int(eo, "likes", "engagement.likes");
    m.engagement.shares = opt_int(eo, "shares", "engagement.shares");
  }
  m.reach = opt_int(rec, "reach", "reach");
  m.answered_at = opt_string(rec, "answered_at");
  m.answered_by = opt_string(rec, "answered_by");
  return m;
}

}  // namespace hark
