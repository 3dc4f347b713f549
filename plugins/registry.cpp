#include "registry.hpp"

#include "feeds/source.hpp"

namespace hark {

// One line per source; the first row also takes every target without a "NAME:" prefix.
// Adding a plugin = one include + one line.
static const SourceInfo kSources[] = {
    {"feeds", "RSS, Atom and JSON Feed from URLs, files or stdin", &feeds::make},
};

std::span<const SourceInfo> builtin_sources() { return kSources; }

const SourceInfo* find_source(std::string_view name) {
  for (const SourceInfo& s : kSources)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace hark
