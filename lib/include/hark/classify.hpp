#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hark {

// The classes of `hark classify`, in the order scores are reported.
enum class Label { complaint, question, praise, expert_tip, other };
inline constexpr std::size_t kLabels = 5;

// "complaint", "question", "praise", "expert-tip", "other".
std::string_view label_name(Label l);

// One piece of evidence: which class it points to, the matched text and its byte span in
// the text that was classified (begin inclusive, end exclusive).
struct Cue {
  Label label = Label::other;
  std::string cue;
  std::size_t begin = 0;
  std::size_t end = 0;
  double weight = 0.0;
};

// The built-in, lexicon-based reading of one text in a language ("en", "nl", "it", "de", "fr",
// "es"; empty means unknown).
std::vector<Cue> find_cues(std::string_view text, std::string_view lang);

}  // namespace hark
