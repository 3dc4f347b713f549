#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "hark/mention.hpp"

namespace hark {

// Receives mentions as a source produces them (push model), so fetch streams its output.
using MentionSink = std::function<void(Mention&&)>;

// A source adapter; implementations live under plugins/<name>/.
class Source {
 public:
  virtual ~Source() = default;
};

// One row of the plugin registry (plugins/registry.cpp).
struct SourceInfo {
  std::string_view name;     // as used on the command line
  std::string_view summary;  // one line for `hark fetch --list`
  std::unique_ptr<Source> (*make)();
};

}  // namespace hark
