#pragma once

#include <span>
#include <string_view>

#include "hark/source.hpp"

namespace hark {

// The built-in sources, in the order `hark fetch --list` shows them.
std::span<const SourceInfo> builtin_sources();

// Returns the source called `name`, or nullptr.
const SourceInfo* find_source(std::string_view name);

}  // namespace hark
