#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hark::classify {

// What a lexicon entry means. The first five are the classes, in hark::Label order.
enum class Kind : std::uint8_t {
  complaint, question, praise, expert_tip, other,
  negation,     // turns the polarity of the next few words: "not", "niet", "non"
  intensifier,  // strengthens the next cue: "very", "heel", "molto"
  contrast,     // what follows outweighs what came before: "but", "maar", "però"
  profanity,    // a complaint cue that also marks the post as heated
  delicate,     // a matter for a private channel: "account hacked", "overleden"
  rhetorical,   // turns a question with complaint cues into a complaint: "why", "waarom"
  stopword,     // frequent function word, used only to detect the language
  opener,       // "also", "and", "dan": the word after it still starts the sentence
};

struct Entry {
  Kind kind = Kind::other;
  float weight = 0;
  bool initial = false;  // "^": only as the first word of a sentence
  bool prefix = false;   // "*": the last word matches any word it begins
  std::vector<std::string> words;  // folded tokens
};

// One language's entries, indexed by their first word (prefix entries by its first three
// bytes, so that "ottim*" is found from "ottima").
struct Lexicon {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Index = std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>>;
  std::string name;
  std::vector<Entry> entries;
  Index by_first;
  Index by_prefix;
};

// The compiled-in lexicons: one per language ("en", "nl", …) and "universal" for emoji,
// emoticons and marks that mean the same everywhere. Parsed once, on first use.
const std::vector<Lexicon>& lexicons();

// The lexicon of `lang` ("en", "en-GB", "NL"), or null when there is none.
const Lexicon* lexicon_for(std::string_view lang);
const Lexicon& universal_lexicon();

// Parses one lexicon file's text (see docs/classify.md). Throws hark::Error naming the line.
Lexicon parse_lexicon(std::string_view name, std::string_view text);

}  // namespace hark::classify
