#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hark {

// Counts a source reports; nullopt means the source does not say.
struct Engagement {
  std::optional<std::int64_t> replies{};
  std::optional<std::int64_t> likes{};
  std::optional<std::int64_t> shares{};
};

// One post, comment or item: the record v1 of docs/format.md. Absent values are written as
// null; keys are always written, in the order of the members below.
struct Mention {
  std::string id{};      // "<source>:<native id>", stable across runs
  std::string source{};  // plugin name: "feed", "mastodon", ...
  std::optional<std::string> feed_url{};
  std::optional<std::string> feed_title{};
  std::string channel = "public";  // "public" or "private"
  std::optional<std::string> url{};
  std::optional<std::string> title{};
  std::optional<std::string> text{};
  std::optional<std::string> author{};
  std::optional<std::string> author_name{};
  std::optional<std::string> published{};  // RFC 3339 UTC
  std::optional<std::string> fetched{};    // RFC 3339 UTC
  std::optional<std::string> lang{};       // BCP-47
  std::vector<std::string> tags{};
  std::optional<std::string> parent{};
  std::optional<std::string> thread{};
  Engagement engagement{};
  std::optional<std::int64_t> reach{};
  std::optional<std::string> answered_at{};
  std::optional<std::string> answered_by{};
};

// Appends `m` as one JSON object (no line end), core keys in the fixed order.
void append_mention(std::string& out, const Mention& m);

// Reads the core keys of a record; unknown keys are ignored, wrong types throw RecordError
// naming the key.
Mention read_mention(simdjson::dom::object record);

// Whether `text` already opens with `title`, as a feed item's text does (docs/feeds.md): the
// title, less a trailing "…" or "...", followed in `text` by the end or a non-word byte.
bool text_starts_with_title(std::string_view title, std::string_view text);

// What is read of a record for its meaning: `text`, with `title` and a line break put in front
// when the text does not already open with it. Classification and training read this, and cue
// spans index into it. Returns `text` itself when it needs no title; else joins into `buffer`.
std::string_view title_and_text(std::string_view title, std::string_view text, std::string& buffer);

// Returns the string value of `key`, or nullopt when absent or null. Throws RecordError when
// the value is present but not a string.
std::optional<std::string_view> get_string(simdjson::dom::object record, std::string_view key);

}  // namespace hark
