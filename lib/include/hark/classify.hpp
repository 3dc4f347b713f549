#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hark {

// The classes of `hark classify`, in the order scores are reported.
enum class Label { complaint, question, praise, expert_tip, other };
inline constexpr std::size_t kLabels = 5;

// "complaint", "question", "praise", "expert-tip", "other".
std::string_view label_name(Label l);

// The label named `name` (as label_name spells it), or nothing.
std::optional<Label> label_from_name(std::string_view name);

// One piece of evidence: which class it points to, the matched text and its byte span in
// the text that was classified (begin inclusive, end exclusive). `cue` points into that
// text: it is valid as long as the text is.
struct Cue {
  Label label = Label::other;
  std::string_view cue;
  std::size_t begin = 0;
  std::size_t end = 0;
  double weight = 0.0;
};

// The built-in, lexicon-based reading of one text in a language ("en", "nl", "it", "de", "fr",
// "es"; empty means unknown).
std::vector<Cue> find_cues(std::string_view text, std::string_view lang);

// The built-in classifier's full verdict on one text.
struct Analysis {
  Label label = Label::other;
  double confidence = 0.0;              // calibrated probability that `label` is right
  std::array<double, kLabels> scores{};  // per class, in Label order, summing to 1
  std::vector<Cue> cues;                 // the evidence, in text order
  bool heated = false;    // profanity, shouting, "!!!": a public reply tends to backfire
  bool delicate = false;  // a matter for a private channel (hacked account, bereavement)
  // When analyze() was given no language: the one it detected (as detect_language()), or "".
  std::string_view detected_lang;
};

// Classifies `text` with the built-in lexicons and rules. `lang` as for find_cues; when empty
// the cues of every language are tried.
Analysis analyze(std::string_view text, std::string_view lang);

// The same into `into`, whose every field is overwritten; its cues' capacity is reused, so a
// caller that keeps one Analysis for many texts spares an allocation or more per text.
void analyze(std::string_view text, std::string_view lang, Analysis& into);

// The language of `text` among en, nl, it, de, fr, es, or "" when the text gives too little
// to tell (no stopwords and too few letters).
std::string_view detect_language(std::string_view text);

}  // namespace hark
