#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "commands.hpp"
#include "hark/error.hpp"
#include "hark/json.hpp"
#include "hark/metrics.hpp"
#include "hark/model.hpp"
#include "labeled.hpp"

namespace hark::cli {
namespace {

struct EvalOptions {
  StageInput input;
  std::string model;
  std::string label_field = "label";
  std::size_t folds = 0;
  bool json = false;
};

std::vector<Label> all_labels() {
  std::vector<Label> labels;
  for (std::size_t k = 0; k < kLabels; ++k) labels.push_back(static_cast<Label>(k));
  return labels;
}

// Trains on all folds but one and predicts that one, for each fold in turn, so every record
// is predicted by a model that never saw it.
void cross_validate(const std::vector<LabeledRecord>& records,
                    const std::vector<Analysis>& builtin, std::size_t folds, Evaluation& eval) {
  std::vector<std::size_t> fold(records.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    fold[i] = fold_of(records[i].id.empty() ? records[i].text : records[i].id, folds);
  for (std::size_t f = 0; f < folds; ++f) {
    std::vector<Example> examples;
    for (std::size_t i = 0; i < records.size(); ++i)
      if (fold[i] != f) examples.push_back({records[i].text, builtin[i], records[i].label});
    if (examples.empty()) continue;  // every record sits in this fold: nothing to learn from
    const Model model = train(examples);
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (fold[i] != f) continue;
      const Prediction p = model.predict(records[i].text, builtin[i]);
      eval.add(records[i].lang, records[i].label, p.label,
               p.scores[static_cast<std::size_t>(p.label)]);
    }
  }
}

void print_text(const Evaluation& eval, LineWriter& out) {
  std::string& b = out.buffer();
  b += fmt::format("{:<12} {:>9} {:>9} {:>9} {:>9}\n", "class", "precision", "recall", "f1",
                   "support");
  for (const Label l : all_labels()) {
    const ClassScores s = eval.all.scores(l);
    b += fmt::format("{:<12} {:>9.3f} {:>9.3f} {:>9.3f} {:>9}\n", label_name(l), s.precision,
                     s.recall, s.f1, s.support);
  }
  b += fmt::format("\nmacro-F1 {:.3f}  accuracy {:.3f}  calibration error {:.3f}  mentions {}\n",
                   eval.all.macro_f1(), eval.all.accuracy(), eval.calibration.error(),
                   eval.all.total());
  b += fmt::format("\n{:<12} {:>9} {:>9}\n", "language", "mentions", "macro-F1");
  for (const auto& [lang, c] : eval.by_language)
    b += fmt::format("{:<12} {:>9} {:>9.3f}\n", lang.empty() ? "-" : lang, c.total(),
                     c.macro_f1());
  b += "\nconfusion (rows: true class, columns: predicted class)\n";
  b += fmt::format("{:<12}", "");
  for (const Label p : all_labels()) b += fmt::format(" {:>10}", label_name(p));
  b += '\n';
  for (const Label t : all_labels()) {
    b += fmt::format("{:<12}", label_name(t));
    for (const Label p : all_labels()) b += fmt::format(" {:>10}", eval.all.count(t, p));
    b += '\n';
  }
}

void append_number(std::string& b, std::string_view key, double v) {
  append_json_string(b, key);
  b += ':';
  append_json_double(b, std::round(v * 10000) / 10000);  // four decimals are plenty
}

void print_json(const Evaluation& eval, std::size_t folds, LineWriter& out) {
  std::string& b = out.buffer();
  b += fmt::format("{{\"mentions\":{},", eval.all.total());
  if (folds > 0) b += fmt::format("\"folds\":{},", folds);
  append_number(b, "macro_f1", eval.all.macro_f1());
  b += ',';
  append_number(b, "accuracy", eval.all.accuracy());
  b += ',';
  append_number(b, "calibration_error", eval.calibration.error());
  b += ",\"classes\":{";
  for (const Label l : all_labels()) {
    const ClassScores s = eval.all.scores(l);
    if (l != Label::complaint) b += ',';
    append_json_string(b, label_name(l));
    b += ":{";
    append_number(b, "precision", s.precision);
    b += ',';
    append_number(b, "recall", s.recall);
    b += ',';
    append_number(b, "f1", s.f1);
    b += fmt::format(",\"support\":{}}}", s.support);
  }
  b += "},\"languages\":{";
  bool first = true;
  for (const auto& [lang, c] : eval.by_language) {
    if (!first) b += ',';
    first = false;
    append_json_string(b, lang);
    b += fmt::format(":{{\"mentions\":{},", c.total());
    append_number(b, "macro_f1", c.macro_f1());
    b += '}';
  }
  b += "},\"confusion\":{";
  for (const Label t : all_labels()) {
    if (t != Label::complaint) b += ',';
    append_json_string(b, label_name(t));
    b += ":{";
    for (const Label p : all_labels()) {
      if (p != Label::complaint) b += ',';
      append_json_string(b, label_name(p));
      b += fmt::format(":{}", eval.all.count(t, p));
    }
    b += '}';
  }
  b += "}}";
  out.end_line();
}

int run_eval(const EvalOptions& opt) {
  std::optional<Model> model;
  if (!opt.model.empty()) model = load_model(opt.model);  // a bad model stops us before input
  std::vector<LabeledRecord> records;
  const int status = read_labeled("hark eval", opt.input, opt.label_field, records);
  // Figures over nothing would print as zeros, as if the classifier got everything wrong.
  if (records.empty()) throw Error("no labeled records to measure");

  std::vector<Analysis> builtin;
  builtin.reserve(records.size());
  for (const LabeledRecord& r : records) builtin.push_back(analyze(r.text, r.lang));

  Evaluation eval;
  if (opt.folds > 0) {
    cross_validate(records, builtin, opt.folds, eval);
  } else {
    for (std::size_t i = 0; i < records.size(); ++i) {
      const LabeledRecord& r = records[i];
      if (model) {
        const Prediction p = model->predict(r.text, builtin[i]);
        eval.add(r.lang, r.label, p.label, p.scores[static_cast<std::size_t>(p.label)]);
      } else {
        eval.add(r.lang, r.label, builtin[i].label, builtin[i].confidence);
      }
    }
  }
  LineWriter out;
  if (opt.json)
    print_json(eval, opt.folds, out);
  else
    print_text(eval, out);
  out.flush();
  return status;
}

}  // namespace

void setup_eval(CLI::App& app, Status& status) {
  auto opt = std::make_shared<EvalOptions>();
  auto* sub = app.add_subcommand(
      "eval", "Measure the classifier on labeled JSON lines: precision, recall, F1, confusion");
  add_stage_input(*sub, opt->input);
  auto* model = sub->add_option("-m,--model", opt->model,
                                "Model from 'hark train' to measure; default: the built-in one");
  sub->add_option("--folds", opt->folds,
                  "Cross-validate training instead: train on K-1 folds, measure on the rest")
      ->check(CLI::Range(2, 100))
      ->excludes(model);
  sub->add_option("--label-field", opt->label_field, "Key holding each record's true class")
      ->capture_default_str();
  sub->add_flag("--json", opt->json, "Print the figures as one JSON object");
  sub->footer(
      "Examples:\n"
      "  hark eval labeled.jsonl                      # the built-in classifier\n"
      "  hark eval labeled.jsonl --model team.model   # a trained model\n"
      "  hark eval labeled.jsonl --folds 5            # 5-fold cross-validation of training");
  sub->callback([opt, &status] { status.code = run_eval(*opt); });
}

}  // namespace hark::cli
