#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"

namespace hark::cli {

void setup_fetch(CLI::App& app, Status& status) {
  auto* sub = app.add_subcommand("fetch", "Fetch mentions from feeds and platforms as JSON lines");
  sub->allow_extras();
  sub->callback([&status] {
    // Not built yet: say so rather than pretend (docs/hark.md, exit status 2).
    fmt::print(stderr, "hark fetch: not implemented yet\n");
    status.code = static_cast<int>(Exit::usage);
  });
}

}  // namespace hark::cli
