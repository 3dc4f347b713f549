#pragma once

#include <CLI/CLI.hpp>

#include <memory>

namespace hark::cli {

// The exit status a subcommand's callback leaves for run() to return.
struct Status {
  int code = 0;
};

// Builds the command line: every subcommand registered, nothing parsed yet.
std::unique_ptr<CLI::App> make_app(Status& status);

// Parses argv, runs the chosen subcommand and returns the process exit status.
int run(int argc, char** argv);

}  // namespace hark::cli
