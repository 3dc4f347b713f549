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

// FNV-1a: words are short, and this is several times cheaper than std::hash on them.
inline constexpr std::uint64_t kHashSeed = 1469598103934665603ull;
inline std::uint64_t hash_step(std::uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
inline std::uint64_t word_hash(std::string_view s) {
  std::uint64_t h = kHashSeed;
  for (unsigned char c : s) h = hash_step(h, c);
  return h;
}

// One language's entries, indexed by their first word (prefix entries by its first three
// bytes, so that "ottim*" is found from "ottima"). Stopwords are kept apart: only language
// detection asks for them.
struct Lexicon {
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return word_hash(s); }
  };
  using Index = std::unordered_map<std::string, std::vector<std::uint32_t>, Hash, std::equal_to<>>;
  std::string name;
  std::vector<Entry> entries;
  Index by_first;
  Index by_prefix;
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> stopwords;
  // A bit per hash of every key in either index: most words are in no lexicon, and one bit
  // test turns them away before a table lookup.
  std::vector<std::uint64_t> filter = std::vector<std::uint64_t>(kFilterWords);
  static constexpr std::size_t kFilterWords = 1024;

  bool may_hold(std::uint64_t hash) const {
    const std::size_t bit = hash % (kFilterWords * 64);
    return (filter[bit / 64] >> (bit % 64)) & 1;
  }
};

// The compiled-in lexicons: one per language ("en", "nl", …) and "universal" for emoji,
// emoticons and marks that mean the same everywhere. Parsed once, on first use.
const std::vector<Lexicon>& lexicons();

// The lexicon of `lang` ("en", "en-GB", "NL") as one file has it, or null when there is none.
const Lexicon* lexicon_for(std::string_view lang);

// What a text in `lang` is read with: that language's entries and the universal ones in one
// index; every language's when `lang` has no lexicon.
const Lexicon& reading_lexicon(std::string_view lang);

// Parses one lexicon file's text (see docs/classify.md). Throws hark::Error naming the line.
Lexicon parse_lexicon(std::string_view name, std::string_view text);

}  // namespace hark::classify
