#include <algorithm>
#include <optional>
#include <charconv>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/advice.hpp"
#include "hark/classify.hpp"
#include "hark/mention.hpp"
#include "hark/model.hpp"
#include "hark/record_edit.hpp"
#include "stage.hpp"

namespace hark::cli {
namespace {

struct ClassifyOptions {
  StageInput input;
  unsigned threads = 1;
  std::string model;  // a model file from hark train; empty: the built-in verdict
};

// Probabilities to three decimals ("0.843", "0.5", "1"): enough to act on, short enough to
// read. Written by hand: six per record, and general float formatting cost a tenth of the run.
void append_probability(std::string& out, double p) {
  // std::lround for a value in [0, 1000], without the library call: the fraction of a double
  // this small is exact, so comparing it with one half rounds halves up as lround does.
  const double scaled = p >= 1 ? 1000 : p > 0 ? p * 1000 : 0;  // NaN reads as 0
  auto milli = static_cast<unsigned>(scaled);
  milli += scaled - milli >= 0.5;
  if (milli == 0 || milli == 1000) {
    out.push_back(milli ? '1' : '0');
    return;
  }
  char digits[5] = {'0', '.', static_cast<char>('0' + milli / 100),
                    static_cast<char>('0' + milli / 10 % 10), static_cast<char>('0' + milli % 10)};
  std::size_t n = 5;
  while (digits[n - 1] == '0') --n;
  out.append(digits, n);
}

void append_name(std::string& out, std::string_view name) {
  out.push_back('"');
  out.append(name);
  out.push_back('"');
}

void append_number(std::string& out, std::size_t n) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}

std::string_view string_field(simdjson::dom::object record, std::string_view key) {
  std::string_view s;
  if (record[key].get_string().get(s)) return {};
  return s;
}

// Classifies one record and writes it, with the added keys, to `out`.
class Classifier {
 public:
  // With a model, the model decides; the built-in cues are still the evidence reported.
  explicit Classifier(const Model* model = nullptr) : model_(model) {}

  void write(simdjson::dom::object record, std::string_view raw, std::string& out) {
    // The text, with the title in front unless it opens the text already; cue spans index
    // into what is read.
    const std::string_view text =
        title_and_text(string_field(record, "title"), string_field(record, "text"), joined_);
    std::string_view lang = string_field(record, "lang");
    const bool detect = lang.empty();
    Analysis& a = analysis_;
    analyze(text, lang, a);  // detects the language itself when there is none
    if (detect) lang = a.detected_lang;
    if (model_) model_->overrule(text, a);
    const std::vector<std::string_view> pii = find_pii(text);

    edit_.clear();
    // Each value is written straight into the edit's buffer for its key.
    append_name(edit_.value("class"), label_name(a.label));
    append_probability(edit_.value("confidence"), a.confidence);
    // Class names are plain ASCII: they need quotes, not escaping.
    std::string& scores = edit_.value("scores");
    scores.push_back('{');
    for (std::size_t i = 0; i < kLabels; ++i) {
      if (i) scores.push_back(',');
      append_name(scores, label_name(static_cast<Label>(i)));
      scores.push_back(':');
      append_probability(scores, a.scores[i]);
    }
    scores.push_back('}');
    std::string& cues = edit_.value("cues");
    cues.push_back('[');
    for (const Cue& c : a.cues) {
      if (cues.size() > 1) cues.push_back(',');
      cues.append("{\"class\":");
      append_name(cues, label_name(c.label));
      cues.append(",\"cue\":");
      append_json_string(cues, c.cue);
      cues.append(",\"span\":[");
      append_number(cues, c.begin);
      cues.push_back(',');
      append_number(cues, c.end);
      cues.append("]}");
    }
    cues.push_back(']');
    if (detect && !lang.empty()) {
      append_json_string(edit_.value("lang"), lang);
      edit_.set("lang_detected", "true");
    }
    append_json_string(edit_.value("advice"), advice_name(advise(a, pii)));
    std::string& kinds = edit_.value("pii");
    kinds.push_back('[');
    for (std::string_view kind : pii) {
      if (kinds.size() > 1) kinds.push_back(',');
      append_json_string(kinds, kind);
    }
    kinds.push_back(']');
    edit_.write(out, record, raw);
  }

 private:
  std::string joined_;  // title and text, when the text does not open with the title
  Analysis analysis_;  // kept so its cue vector's capacity carries over
  RecordEdit edit_;
  const Model* model_;
};

// With several threads, lines are gathered into batches; each thread re-parses and classifies
// a slice of the batch into its own buffer, and the buffers are written in input order, so
// memory stays bounded by the batch size.
class ParallelClassifier {
 public:
  ParallelClassifier(unsigned threads, const Model* model, LineWriter& out)
      : slices_(threads), out_(out) {
    for (Slice& slice : slices_) slice.classifier = Classifier(model);
  }

  void add(std::string_view raw) {
    lines_.emplace_back(raw);
    if (lines_.size() == kBatch) run();
  }

  void run() {
    if (lines_.empty()) return;
    const std::size_t n = slices_.size();
    const std::size_t per = (lines_.size() + n - 1) / n;
    std::vector<std::thread> workers;
    for (std::size_t s = 0; s < n; ++s) {
      const std::size_t b = std::min(lines_.size(), s * per), e = std::min(lines_.size(), b + per);
      const auto work = [this, s, b, e] {
        Slice& slice = slices_[s];
        slice.out.clear();
        for (std::size_t i = b; i < e; ++i) {
          simdjson::dom::object record;
          // Lines were valid when read; parse again since DOMs do not outlive the reader.
          if (slice.parser.parse(lines_[i]).get_object().get(record)) continue;
          slice.classifier.write(record, lines_[i], slice.out);
          slice.out.push_back('\n');
        }
      };
      if (s + 1 == n) work();
      else workers.emplace_back(work);
    }
    for (std::thread& t : workers) t.join();
    for (Slice& slice : slices_) {
      std::string_view all = slice.out;
      while (!all.empty()) {
        const std::size_t nl = all.find('\n');
        out_.line(all.substr(0, nl));
        all.remove_prefix(nl + 1);
      }
    }
    lines_.clear();
  }

 private:
  static constexpr std::size_t kBatch = 8192;
  struct Slice {
    simdjson::dom::parser parser;
    Classifier classifier;
    std::string out;
  };
  std::vector<std::string> lines_;
  std::vector<Slice> slices_;
  LineWriter& out_;
};

int run_classify(const ClassifyOptions& opt) {
  std::optional<Model> model;
  if (!opt.model.empty()) model = load_model(opt.model);
  const Model* use = model ? &*model : nullptr;
  LineWriter out;
  if (opt.threads <= 1) {
    Classifier classifier(use);
    return run_stage("hark classify", opt.input, out,
                     [&](simdjson::dom::object record, std::string_view raw, const Position&) {
                       classifier.write(record, raw, out.buffer());
                       out.end_line();
                     });
  }
  ParallelClassifier parallel(opt.threads, use, out);
  const int status = run_stage("hark classify", opt.input, out,
                               [&](simdjson::dom::object, std::string_view raw, const Position&) {
                                 parallel.add(raw);
                               });
  parallel.run();
  out.flush();
  return status;
}

}  // namespace

void setup_classify(CLI::App& app, Status& status) {
  auto opt = std::make_shared<ClassifyOptions>();
  auto* sub = app.add_subcommand(
      "classify", "Label mentions as complaint, question, praise, expert tip or other, with advice");
  add_stage_input(*sub, opt->input);
  sub->add_option("--threads", opt->threads, "Classify on N threads; output keeps input order")
      ->capture_default_str()
      ->check(CLI::Range(1u, 256u));
  sub->add_option("-m,--model", opt->model,
                  "Let a model from 'hark train' decide class, scores and confidence");
  sub->footer(
      "Adds class, confidence, scores, cues, advice and pii to every record (lang and\n"
      "lang_detected when the record had no lang); other keys pass through untouched.\n"
      "Examples:\n"
      "  hark classify mentions.jsonl\n"
      "  hark fetch ... | hark classify --threads 2 | hark report");
  sub->callback([opt, &status] { status.code = run_classify(*opt); });
}

}  // namespace hark::cli
