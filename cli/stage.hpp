#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "hark/json.hpp"
#include "hark/jsonl.hpp"

namespace hark::cli {

// The input options every JSON-lines stage shares.
struct StageInput {
  std::vector<std::string> files;  // none, or "-", means stdin
  bool strict = false;
  std::size_t max_line = JsonlReader::kDefaultMaxLine;
};

// Registers FILE..., --strict and --max-line on a stage's subcommand.
void add_stage_input(CLI::App& sub, StageInput& in);

// Makes every option of `sub` take one value per use, so `--match a FILE` does not swallow
// FILE as a second term (CLI11's default for vector options). Call after adding options.
void one_value_per_use(CLI::App& sub);

// Reads every input in order, handing each good record to `fn`. Bad lines and unreadable
// inputs get one stderr line each ("hark filter: a.jsonl:3: reason"); with --strict the
// first one stops the run. Flushes `out` after every chunk so slow producers flow through.
// Returns the exit status: 0, or 1 when anything was bad.
int run_stage(std::string_view command, const StageInput& in, LineWriter& out,
              const RecordFn& fn);

}  // namespace hark::cli
