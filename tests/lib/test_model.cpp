#include <doctest/doctest.h>
#include <simdjson.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "hark/error.hpp"
#include "hark/metrics.hpp"
#include "hark/model.hpp"

namespace {

// A cue of the built-in reading with only the fields a model reads.
hark::Cue cue(hark::Label label, double weight) {
  hark::Cue c;
  c.label = label;
  c.weight = weight;
  return c;
}

// The toy set: five classes in six languages, worded far enough apart to be separable.
std::vector<hark::Example> toy_examples() {
  std::ifstream in(HARK_TEST_DATA "/learn/toy.jsonl");
  REQUIRE(in);
  simdjson::dom::parser parser;
  std::vector<hark::Example> out;
  for (std::string line; std::getline(in, line);) {
    const simdjson::dom::object o = parser.parse(line).get_object();
    const std::string text{std::string_view(o["text"])};
    const std::string_view lang = o["lang"];
    const std::string_view label = o["label"];
    out.push_back({text, hark::analyze(text, lang), *hark::label_from_name(label)});
  }
  return out;
}

// A scratch file removed at the end of the test.
struct TempFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("hark-test-model-" + std::to_string(::getpid()));
  ~TempFile() { std::filesystem::remove(path); }
  std::string bytes() const {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void write(const std::string& bytes) const {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  }
};

std::string load_error(const TempFile& f) {
  try {
    hark::load_model(f.path);
  } catch (const hark::Error& e) {
    return e.what();
  }
  return "loaded";
}

}  // namespace

TEST_CASE("a model fits a separable set and predicts probabilities") {
  const auto examples = toy_examples();
  REQUIRE(examples.size() == 30);
  const hark::Model model = hark::train(examples);
  for (const hark::Example& e : examples) {
    const hark::Prediction p = model.predict(e.text, e.builtin);
    CHECK_MESSAGE(p.label == e.label, e.text);
    double sum = 0;
    for (const double s : p.scores) sum += s;
    CHECK(sum == doctest::Approx(1.0));
    CHECK(p.scores[static_cast<std::size_t>(p.label)] ==
          *std::max_element(p.scores.begin(), p.scores.end()));
  }
}

TEST_CASE("a model overrules the built-in verdict and keeps its cues") {
  const auto examples = toy_examples();
  const hark::Model model = hark::train(examples);
  const std::string text = "Does anyone know how to reset the password on the app?";
  hark::Analysis a = hark::analyze(text, "en");
  const std::vector<hark::Cue> cues = a.cues;
  const hark::Prediction p = model.predict(text, a);
  model.overrule(text, a);
  CHECK(a.label == hark::Label::question);
  CHECK(a.scores == p.scores);
  CHECK(a.confidence == p.scores[static_cast<std::size_t>(hark::Label::question)]);
  REQUIRE(a.cues.size() == cues.size());
  for (std::size_t i = 0; i < cues.size(); ++i) CHECK(a.cues[i].cue == cues[i].cue);
}

TEST_CASE("training refuses bucket bits a model file could not hold, and no smoothing") {
  const auto examples = toy_examples();
  CHECK_THROWS_WITH_AS(hark::train(examples, {.bucket_bits = 30}), "bucket bits 30 outside 10..24",
                       hark::Error);
  CHECK_THROWS_WITH_AS(hark::train(examples, {.bucket_bits = 9}), "bucket bits 9 outside 10..24", hark::Error);
  CHECK_THROWS_WITH_AS(hark::train(examples, {.bayes_smoothing = 0}), "naive Bayes smoothing 0 is not above 0",
                       hark::Error);
}

TEST_CASE("training is deterministic") {
  const auto examples = toy_examples();
  const hark::Model a = hark::train(examples);
  const hark::Model b = hark::train(examples);
  const hark::Example& e = examples[7];
  CHECK(a.predict(e.text, e.builtin).scores == b.predict(e.text, e.builtin).scores);
}

TEST_CASE("a saved model loads back with identical predictions") {
  const auto examples = toy_examples();
  const hark::Model model = hark::train(examples, {.bucket_bits = 12});
  TempFile file;
  model.save(file.path);
  const hark::Model loaded = hark::load_model(file.path);
  CHECK(loaded.bucket_bits() == 12);
  for (const hark::Example& e : examples)
    CHECK(loaded.predict(e.text, e.builtin).scores == model.predict(e.text, e.builtin).scores);
  CHECK(loaded.predict("something else entirely", {}).scores ==
        model.predict("something else entirely", {}).scores);
}

TEST_CASE("a model file written by hand from the documented format reads, predicts and writes back") {
  // two-rows.model: 2^10 buckets, biases 0.1 -0.2 0 0.3 -0.1; built-in reading weights 1 from
  // a class's cues to that class and 0.5 from a built-in score to its class, 0 elsewhere;
  // scale 0.001; rows for buckets 7 (100 -50 0 3 -127) and 1023 (1 2 3 4 5); laid out as
  // docs/classify-training.md says: 48 + 200 header bytes and two rows of 9.
  std::ifstream in(HARK_TEST_DATA "/learn/two-rows.model", std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  REQUIRE(bytes.size() == 266);
  const hark::Model model = hark::read_model(bytes, "two-rows.model");
  CHECK(model.bucket_bits() == 10);
  TempFile file;
  model.save(file.path);
  CHECK(file.bytes() == bytes);

  // The empty text's features (</s> as a word and a bigram, each also tagged) miss both rows,
  // so the bias and the reading decide: complaint cues of weight 1.5 and 0.5 add 2 to
  // complaint, a built-in praise score of 1 adds 0.5 to praise.
  hark::Analysis reading;
  reading.cues = {cue(hark::Label::complaint, 1.5),
                  cue(hark::Label::complaint, 0.5)};
  reading.scores = {0, 0, 1, 0, 0};
  const std::array<double, hark::kLabels> z = {0.1 + 2, -0.2, 0 + 0.5, 0.3, -0.1};
  double sum = 0;
  for (const double x : z) sum += std::exp(x);
  const hark::Prediction p = model.predict("", reading);
  CHECK(p.label == hark::Label::complaint);
  for (std::size_t k = 0; k < hark::kLabels; ++k)
    CHECK(p.scores[k] == doctest::Approx(std::exp(z[k]) / sum).epsilon(1e-6));
}

TEST_CASE("loading rejects what is not a model, naming the problem") {
  TempFile file;
  CHECK(load_error(file).find("cannot open") != std::string::npos);

  file.write("not a model at all");
  CHECK(load_error(file).find("does not start with HARKMODL") != std::string::npos);

  hark::train(toy_examples(), {.bucket_bits = 12}).save(file.path);
  const std::string good = file.bytes();
  // Header: magic(8) version(4) bits(4) labels(4) rows(4) bias(5 × 4) reading(10 × 5 × 4)
  // scale(4), then rows of 9 bytes: bucket(4) weights(5 × 1).
  REQUIRE((good.size() - 248) % 9 == 0);

  file.write(good.substr(0, good.size() - 3));
  CHECK(load_error(file).find("bytes of rows, expected") != std::string::npos);

  std::string newer = good;
  newer[8] = 5;
  file.write(newer);
  CHECK(load_error(file).find("format version 5, this hark reads version 4") != std::string::npos);

  std::string bits = good;
  bits[12] = 40;
  file.write(bits);
  CHECK(load_error(file).find("bucket bits 40 outside 10..24") != std::string::npos);

  std::string classes = good;
  classes[16] = 4;
  file.write(classes);
  CHECK(load_error(file).find("4 classes, expected 5") != std::string::npos);

  std::string nan = good;
  nan.replace(24, 4, "\x00\x00\xc0\x7f", 4);  // a quiet NaN as the first bias
  file.write(nan);
  CHECK(load_error(file).find("bias is not a finite number") != std::string::npos);

  std::string weight = good;
  weight.replace(44 + 4 * 7, 4, "\x00\x00\x80\x7f", 4);  // infinity as a reading weight
  file.write(weight);
  CHECK(load_error(file).find("built-in reading weight is not a finite number") != std::string::npos);

  std::string scale = good;
  scale.replace(244, 4, "\x00\x00\x00\x00", 4);
  file.write(scale);
  CHECK(load_error(file).find("the weight scale is not positive") != std::string::npos);

  std::string unordered = good;  // the second row names the first row's bucket again
  unordered.replace(248 + 9, 4, good.substr(248, 4));
  file.write(unordered);
  CHECK(load_error(file).find("row 2 names bucket") != std::string::npos);
}

TEST_CASE("class figures follow a confusion matrix worked out by hand") {
  using L = hark::Label;
  hark::Confusion c;
  for (int i = 0; i < 3; ++i) c.add(L::complaint, L::complaint);
  c.add(L::complaint, L::other);
  for (int i = 0; i < 2; ++i) c.add(L::question, L::question);
  c.add(L::question, L::complaint);
  for (int i = 0; i < 2; ++i) c.add(L::other, L::other);
  c.add(L::other, L::question);
  c.add(L::other, L::praise);

  CHECK(c.total() == 11);
  CHECK(c.count(L::question, L::complaint) == 1);
  CHECK(c.accuracy() == doctest::Approx(7.0 / 11));
  const hark::ClassScores complaint = c.scores(L::complaint);
  CHECK(complaint.support == 4);
  CHECK(complaint.predicted == 4);
  CHECK(complaint.precision == doctest::Approx(0.75));
  CHECK(complaint.recall == doctest::Approx(0.75));
  CHECK(complaint.f1 == doctest::Approx(0.75));
  const hark::ClassScores other = c.scores(L::other);
  CHECK(other.precision == doctest::Approx(2.0 / 3));
  CHECK(other.recall == doctest::Approx(0.5));
  CHECK(other.f1 == doctest::Approx(4.0 / 7));
  // Praise was predicted once and never true: it counts, with F1 0; expert-tip never
  // occurs and is left out.
  CHECK(c.scores(L::praise).f1 == 0.0);
  CHECK(c.macro_f1() == doctest::Approx((0.75 + 2.0 / 3 + 4.0 / 7 + 0.0) / 4));
  CHECK(hark::Confusion{}.macro_f1() == 0.0);
}

TEST_CASE("calibration error is the weighted gap between confidence and hit rate") {
  hark::Calibration cal;
  cal.add(0.95, true);
  cal.add(0.95, false);
  cal.add(0.35, true);
  // Bin 0.9–1.0: confidence 1.9 over 2, 1 right → gap 0.9; bin 0.3–0.4: 0.35 vs 1 → 0.65.
  CHECK(cal.error() == doctest::Approx((0.9 + 0.65) / 3));
  hark::Calibration exact;
  exact.add(1.0, true);
  CHECK(exact.error() == doctest::Approx(0.0));
}

TEST_CASE("per-language figures keep languages apart") {
  hark::Evaluation eval;
  eval.add("nl", hark::Label::praise, hark::Label::praise, 0.9);
  eval.add("it", hark::Label::praise, hark::Label::other, 0.6);
  CHECK(eval.by_language.at("nl").macro_f1() == 1.0);
  CHECK(eval.by_language.at("it").macro_f1() == 0.0);
  CHECK(eval.all.total() == 2);
}

TEST_CASE("folds come from the id's FNV-1a hash") {
  // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c (the published test vector).
  CHECK(hark::fold_of("a", 5) == 0xaf63dc4c8601ec8cULL % 5);
  CHECK(hark::fold_of("a", 3) == 0xaf63dc4c8601ec8cULL % 3);
  CHECK(hark::fold_of("toy:1", 5) == hark::fold_of("toy:1", 5));
}

TEST_CASE("a model's confidence on texts it has not seen matches how often it is right") {
  // Every text is one shared made-up word, complaint 5 times in 7 and praise otherwise, plus
  // a word of its own that a model can learn by heart. Learned by heart, the own words make
  // the model surer than the shared word warrants on texts it has not seen.
  const auto own_word = [](std::size_t i) {
    std::string w = "q";
    for (; i > 0; i /= 26) w += static_cast<char>('a' + i % 26);
    return w + "x";
  };
  const auto label = [](std::size_t i) { return i % 7 < 5 ? hark::Label::complaint : hark::Label::praise; };
  std::vector<hark::Example> examples;
  for (std::size_t i = 0; i < 700; ++i) {
    const std::string text = "zorblat " + own_word(i + 1);
    examples.push_back({text, hark::analyze(text, "en"), label(i)});
  }
  const hark::Model model = hark::train(examples);
  double confidence = 0, right = 0;
  constexpr std::size_t kNew = 700;
  for (std::size_t i = 0; i < kNew; ++i) {
    const std::string text = "zorblat " + own_word(100000 + i * 7919);
    const hark::Prediction p = model.predict(text, hark::analyze(text, "en"));
    confidence += p.scores[static_cast<std::size_t>(p.label)] / kNew;
    right += (p.label == label(i)) / double{kNew};
  }
  CHECK(std::abs(right - 5.0 / 7) < 0.03);
  CHECK_MESSAGE(std::abs(confidence - right) < 0.03, "mean confidence ", confidence, ", right ", right);
}
