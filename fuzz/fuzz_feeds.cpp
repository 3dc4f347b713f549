// Feeds arbitrary bytes to the feed parser (every format, every encoding path) and writes
// each record, so the JSON writer sees whatever text the parser produces.
#include <cstdint>
#include <string>
#include <string_view>

#include "feeds/feeds.hpp"
#include "hark/mention.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  // The first byte picks an HTTP charset, so the precedence paths are reached too.
  static const char* const kTypes[] = {"", "text/xml; charset=utf-8",
                                       "application/rss+xml; charset=iso-8859-1",
                                       "text/xml; charset=utf-16"};
  const char* type = size > 0 ? kTypes[data[0] % 4] : "";
  const hark::feeds::ParseResult r =
      hark::feeds::parse(body, {"https://fuzz.example/feed", type, "2026-11-25T00:00:00Z"});
  std::string out;
  for (const hark::Mention& m : r.items) {
    out.clear();
    hark::append_mention(out, m);
  }
  return 0;
}
