#include "stage.hpp"

#include <fmt/format.h>

#include "hark/error.hpp"

namespace hark::cli {

void add_stage_input(CLI::App& sub, StageInput& in) {
  sub.add_option("files", in.files, "JSON-lines inputs; '-' or none reads stdin");
  sub.add_flag("--strict", in.strict, "Stop at the first bad line instead of skipping it");
  sub.add_option("--max-line", in.max_line, "Longest line accepted, in bytes")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void one_value_per_use(CLI::App& sub) {
  for (CLI::Option* opt : sub.get_options())
    if (!opt->get_positional()) opt->allow_extra_args(false);
}

int run_stage(std::string_view command, const StageInput& in, LineWriter& out,
              const RecordFn& fn) {
  const std::vector<std::string> files =
      in.files.empty() ? std::vector<std::string>{"-"} : in.files;
  JsonlReader reader(in.max_line);
  int status = 0;
  const auto on_bad = [&](const BadLine& bad) {
    out.flush();  // what came before the bad line is out before the message
    fmt::print(stderr, "{}: {}:{}: {}\n", command, bad.where.input, bad.where.line, bad.reason);
    status = 1;
    return !in.strict;
  };
  for (const std::string& path : files) {
    std::unique_ptr<Input> input;
    try {
      input = std::make_unique<Input>(path);
    } catch (const Error& e) {
      fmt::print(stderr, "{}: {}\n", command, e.what());
      if (in.strict) return 1;
      status = 1;
      continue;
    }
    if (!reader.read(input->fd(), input->name(), fn, on_bad, [&] { out.flush(); })) break;
  }
  out.flush();
  return status;
}

}  // namespace hark::cli
