#pragma once

#include <CLI/CLI.hpp>

#include "app.hpp"

namespace hark::cli {

// One per subcommand, each in its own cmd_<name>.cpp; make_app() calls them in this order.
void setup_fetch(CLI::App& app, Status& status);
void setup_filter(CLI::App& app, Status& status);
void setup_classify(CLI::App& app, Status& status);
void setup_train(CLI::App& app, Status& status);
void setup_eval(CLI::App& app, Status& status);
void setup_report(CLI::App& app, Status& status);

}  // namespace hark::cli
