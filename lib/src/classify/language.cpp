// Language detection for records without `lang`, among the six languages we have lexicons
// for. Written here rather than taken from a library: Debian's libexttextcat ranks character
// n-gram profiles that need a few hundred characters to be reliable, while mentions are a
// sentence long, and it would cost more than the rest of classification. Function words
// (each lexicon's `stopword` entries) settle short texts well, and a few letters that only
// one of the six languages uses break ties.
#include "language.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hark/classify.hpp"
#include "lexicon.hpp"

namespace hark::classify {
namespace {

constexpr std::array<std::string_view, 6> kLanguages = {"en", "nl", "it", "de", "fr", "es"};

// Every language's stopwords in one flat table, each with a bit per language that has it, so
// a word is looked up once rather than once per language, with the hash the tokenizer worked
// out for it (a std::unordered_map hashed every word again and walked a bucket list).
class StopwordLanguages {
 public:
  StopwordLanguages() {
    std::unordered_map<std::string, std::uint8_t> words;
    for (std::size_t l = 0; l < kLanguages.size(); ++l)
      if (const Lexicon* lex = lexicon_for(kLanguages[l]))
        for (const auto& [word, unused] : lex->stopwords) words[word] |= static_cast<std::uint8_t>(1u << l);
    std::size_t size = 2;
    while (size < 2 * words.size()) size *= 2;  // at most half full
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const auto& [word, languages] : words) {
      const std::uint64_t hash = word_hash(word);
      std::size_t i = hash & mask_;
      while (slots_[i].languages != 0) i = (i + 1) & mask_;
      slots_[i] = {hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint16_t>(word.size()), languages};
      keys_ += word;
    }
  }

  // The languages that have `word` (whose word_hash is `hash`) as a stopword, a bit each.
  std::uint8_t find(std::uint64_t hash, std::string_view word) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.languages == 0) return 0;
      if (s.hash == hash && s.length == word.size() && same_bytes(keys_.data() + s.key, word.data(), word.size()))
        return s.languages;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key = 0;  // in keys_
    std::uint16_t length = 0;
    std::uint8_t languages = 0;  // 0 marks an empty slot
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::string keys_;
};

const StopwordLanguages& stopword_languages() {
  static const StopwordLanguages table;
  return table;
}

// Letters that point to one language: ß, ñ ¿ ¡, ç œ, ij is too common in names to count.
constexpr std::array<std::pair<std::string_view, std::size_t>, 6> kLetters = {{
    {"\xC3\x9F", 3},      // ß → de
    {"\xC3\xB1", 5},      // ñ → es
    {"\xC2\xBF", 5},      // ¿ → es
    {"\xC2\xA1", 5},      // ¡ → es
    {"\xC3\xA7", 4},      // ç → fr
    {"\xC5\x93", 4},      // œ → fr
}};

}  // namespace

std::string_view detect_language(const std::vector<Token>& tokens, std::string_view text) {
  std::array<double, kLanguages.size()> votes{};
  const StopwordLanguages& stopwords = stopword_languages();
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::word) continue;
    const std::uint8_t languages = stopwords.find(t.hash, t.folded);
    for (std::size_t l = 0; l < kLanguages.size(); ++l) votes[l] += (languages >> l) & 1;
  }
  for (const auto& [letter, lang] : kLetters)
    if (text.find(letter) != std::string_view::npos) votes[lang] += 1.5;
  std::size_t best = 0;
  for (std::size_t l = 1; l < votes.size(); ++l)
    if (votes[l] > votes[best]) best = l;
  if (votes[best] < 1) return {};
  for (std::size_t l = 0; l < votes.size(); ++l)
    if (l != best && votes[l] == votes[best]) return {};  // a tie tells nothing
  return kLanguages[best];
}

}  // namespace hark::classify

namespace hark {

std::string_view detect_language(std::string_view text) {
  thread_local std::vector<classify::Token> tokens;
  thread_local std::string store;
  classify::tokenize(text, tokens, store);
  return classify::detect_language(tokens, text);
}

}  // namespace hark
