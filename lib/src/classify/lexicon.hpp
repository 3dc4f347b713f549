#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "word_hash.hpp"

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

// A word of an entry that matches any number, in digits or in words: "al # dagen". A lone
// "#" is no token of a text, so no text word is mistaken for it.
inline constexpr std::string_view kAnyNumber = "#";

struct Entry {
  Kind kind = Kind::other;
  float weight = 0;
  bool initial = false;  // "^": only as the first word of a sentence
  bool final = false;    // "$": only as the end of a clause with no subject (an instruction)
  bool prefix = false;   // "*": the last word matches any word it begins
  std::vector<std::string> words;  // folded tokens
};

struct LexiconHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return word_hash(s); }
};
using LexiconIndex = std::unordered_map<std::string, std::vector<std::uint32_t>, LexiconHash, std::equal_to<>>;

// An entry under an index key, with what the matcher can check before it reads the entry:
// most entries that start with a common word ("not", "i") need a second word the text lacks.
// The entry's kind, length, weight and "^" are copied here, so that turning a candidate away
// reads only this array and not the entry (which is larger, and points to its words).
struct Candidate {
  std::uint32_t id = 0;     // in Lexicon::entries
  std::uint32_t next = 0;   // the low half of word_hash of the entry's second word
  float strength = 0;       // |weight|
  Kind kind = Kind::other;
  std::uint8_t words = 0;   // entries have at most 255 words
  bool initial = false;
  bool final = false;
  bool any_next = true;     // one word, or a second word that is a prefix: `next` tells nothing
  bool number_next = false;  // the second word is kAnyNumber: the next token must be a number
};

// Whether n bytes at a and b are equal: a word is a few bytes, and a call to memcmp cost
// more than comparing them here, at most two loads a side.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  const auto equal_at = [&](std::size_t k, auto word) {
    decltype(word) x, y;
    std::memcpy(&x, a + k, sizeof x);
    std::memcpy(&y, b + k, sizeof y);
    return x == y;
  };
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    return equal_at(0, std::uint64_t{}) && equal_at(n - 8, std::uint64_t{});
  }
  if (n >= 4) return equal_at(0, std::uint32_t{}) && equal_at(n - 4, std::uint32_t{});
  if (n == 0) return true;
  return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1];
}

// Words mapped to small values in one flat open-addressing table, at most half full, probed
// with the word's word_hash, which the caller already has: a word is hashed once for all its
// lookups, and a miss usually stops at the first or second slot. Words are not empty.
template <class Value>
class WordTable {
 public:
  WordTable() = default;
  explicit WordTable(std::size_t words) {
    std::size_t size = 2;
    while (size < words * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    // Sixteen bits a slot, so eight or more a word.
    filter_.assign(size * 16 / 64 + 1, 0);
    filter_mask_ = size * 16 - 1;
  }

  // Adds `word`, which is not in the table yet; at most as many as the table was made for.
  void insert(std::string_view word, Value value) {
    const std::uint64_t hash = word_hash(word);
    std::size_t i = hash & mask_;
    while (slots_[i].length != 0) i = (i + 1) & mask_;
    slots_[i] = {static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(words_.size()),
                 static_cast<std::uint16_t>(word.size()), value};
    words_ += word;
    const std::size_t bit = hash & filter_mask_;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }

  // False when no word has this hash; true for the words and about one other hash in sixteen.
  // Lookups that nearly always miss ask this first: one bit instead of a probe loop.
  bool may_hold(std::uint64_t hash) const {
    const std::size_t bit = hash & filter_mask_;
    return (filter_[bit / 64] >> (bit % 64)) & 1;
  }

  // The value of `word`, whose word_hash is `hash`, or Value{} when the table lacks it: the
  // callers' values say "nothing" as Value{}, and a second test on the result would be one
  // more data-dependent branch a lookup.
  Value find(std::uint64_t hash, std::string_view word) const {
    // The low bits pick the slot, the high bits tell most other words apart without looking
    // at their bytes.
    const auto check = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.length == 0) return Value{};
      if (s.check == check && s.length == word.size() && same_bytes(words_.data() + s.word, word.data(), word.size()))
        return s.value;
    }
  }

 private:
  struct Slot {
    std::uint32_t check = 0;   // the hash's high half
    std::uint32_t word = 0;    // in words_
    std::uint16_t length = 0;  // 0 marks an empty slot
    Value value{};
  };
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>(1);  // a bit per hash % size
  std::size_t filter_mask_ = 0;
  std::string words_;
};

// The same keys and ids as a LexiconIndex: each key's candidates, in a WordTable.
class FlatIndex {
 public:
  FlatIndex() = default;
  FlatIndex(const LexiconIndex& index, const std::vector<Entry>& entries);

  bool may_hold(std::uint64_t hash) const { return table_.may_hold(hash); }

  // The entries under `key`, whose word_hash is `hash`, in index order; empty when none.
  std::span<const Candidate> find(std::uint64_t hash, std::string_view key) const {
    const std::uint32_t found = table_.find(hash, key);  // 0 when absent: no candidates
    return {candidates_.data() + (found >> kCountBits), found & kCountMask};
  }

 private:
  // A key's candidates as one number, so that a slot stays 16 bytes: the first (in
  // candidates_) in the high bits, how many in the low 12.
  static constexpr unsigned kCountBits = 12;
  static constexpr std::uint32_t kCountMask = (1u << kCountBits) - 1;
  WordTable<std::uint32_t> table_;
  std::vector<Candidate> candidates_;
};

// One language's entries, indexed by their first word (prefix entries by its first three
// bytes, so that "ottim*" is found from "ottima"). Stopwords are kept apart: only language
// detection asks for them.
struct Lexicon {
  using Hash = LexiconHash;
  std::string name;
  std::vector<Entry> entries;
  FlatIndex first;   // entries by their first word
  FlatIndex prefix;  // one-word prefix entries by their first three bytes
  std::unordered_map<std::string, bool, Hash, std::equal_to<>> stopwords;
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
