#include <fmt/format.h>

#include "commands.hpp"
#include "hark/model.hpp"
#include "labeled.hpp"

namespace hark::cli {
namespace {

struct TrainOptions {
  StageInput input;
  std::string output;
  std::string label_field = "label";
};

int run_train(const TrainOptions& opt) {
  std::vector<LabeledRecord> records;
  const int status = read_labeled("hark train", opt.input, opt.label_field, records);
  std::vector<Example> examples;
  examples.reserve(records.size());
  for (LabeledRecord& r : records)
    examples.push_back({std::move(r.text), {}, r.label});
  for (std::size_t i = 0; i < examples.size(); ++i)
    examples[i].builtin = analyze(examples[i].text, records[i].lang);
  train(examples).save(opt.output);
  return status;
}

}  // namespace

void setup_train(CLI::App& app, Status& status) {
  auto opt = std::make_shared<TrainOptions>();
  auto* sub = app.add_subcommand("train", "Train a classifier model from labeled JSON lines");
  add_stage_input(*sub, opt->input);
  sub->add_option("-o,--output", opt->output, "Model file to write")->required();
  sub->add_option("--label-field", opt->label_field, "Key holding each record's class")
      ->capture_default_str();
  sub->footer(
      "Each record needs a \"text\" and a class (complaint, question, praise, expert-tip or\n"
      "other) under --label-field; records without them are reported and skipped.\n"
      "\n"
      "Examples:\n"
      "  hark train labeled.jsonl --output team.model\n"
      "  hark classify --model team.model < mentions.jsonl");
  sub->callback([opt, &status] { status.code = run_train(*opt); });
}

}  // namespace hark::cli
