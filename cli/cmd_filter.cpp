#include <fmt/format.h>

#include "commands.hpp"
#include "stage.hpp"

namespace hark::cli {
namespace {

struct FilterOptions {
  StageInput input;
};

int run_filter(const FilterOptions& opt) {
  LineWriter out;
  // Kept records are copied byte for byte: the record's own text, never a re-serialisation.
  return run_stage("hark filter", opt.input, out,
                   [&](simdjson::dom::object, std::string_view raw, const Position&) {
                     out.line(raw);
                   });
}

}  // namespace

void setup_filter(CLI::App& app, Status& status) {
  auto opt = std::make_shared<FilterOptions>();
  auto* sub = app.add_subcommand("filter", "Keep the mentions that match; JSON lines in and out");
  add_stage_input(*sub, opt->input);
  sub->footer(
      "Examples:\n"
      "  hark filter mentions.jsonl              # validate and pass through unchanged\n"
      "  cat a.jsonl b.jsonl | hark filter -     # read stdin");
  sub->callback([opt, &status] { status.code = run_filter(*opt); });
}

}  // namespace hark::cli
