#include <cstdio>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"

namespace hark::cli {

void setup_classify(CLI::App& app, Status& status) {
  auto* sub = app.add_subcommand("classify", "Label mentions as complaint, question, praise, expert tip or other");
  sub->allow_extras();
  sub->callback([&status] {
    // Not built yet: say so rather than pretend (docs/hark.md, exit status 2).
    fmt::print(stderr, "hark classify: not implemented yet\n");
    status.code = static_cast<int>(Exit::usage);
  });
}

}  // namespace hark::cli
