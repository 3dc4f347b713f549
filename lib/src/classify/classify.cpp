#include "hark/classify.hpp"

#include <algorithm>
#include <cmath>

namespace hark {

std::string_view label_name(Label l) {
  switch (l) {
    case Label::complaint: return "complaint";
    case Label::question: return "question";
    case Label::praise: return "praise";
    case Label::expert_tip: return "expert-tip";
    case Label::other: return "other";
  }
  return "other";
}

std::optional<Label> label_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kLabels; ++i) {
    const auto l = static_cast<Label>(i);
    if (label_name(l) == name) return l;
  }
  return std::nullopt;
}

// First cut: a question mark is the only cue until the lexicons land.
std::vector<Cue> find_cues(std::string_view text, std::string_view) {
  std::vector<Cue> cues;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '?') cues.push_back({Label::question, "?", i, i + 1, 1.0});
  return cues;
}

Analysis analyze(std::string_view text, std::string_view lang) {
  Analysis a;
  a.cues = find_cues(text, lang);
  std::array<double, kLabels> raw{};
  raw[static_cast<std::size_t>(Label::other)] = 0.5;
  for (const Cue& c : a.cues) raw[static_cast<std::size_t>(c.label)] += c.weight;
  double sum = 0;
  for (double& r : raw) sum += (r = std::exp(r));
  for (std::size_t i = 0; i < kLabels; ++i) a.scores[i] = raw[i] / sum;
  const auto best = std::max_element(a.scores.begin(), a.scores.end());
  a.label = static_cast<Label>(best - a.scores.begin());
  a.confidence = *best;
  return a;
}

std::string_view detect_language(std::string_view) { return {}; }

}  // namespace hark
