#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"

namespace hark::cli {

void setup_eval(CLI::App& app, Status& status) {
  auto* sub = app.add_subcommand("eval", "Measure a classifier on labeled JSON lines");
  sub->allow_extras();
  sub->callback([&status] {
    // Not built yet: say so rather than pretend (docs/hark.md, exit status 2).
    fmt::print(stderr, "hark eval: not implemented yet\n");
    status.code = static_cast<int>(Exit::usage);
  });
}

}  // namespace hark::cli
