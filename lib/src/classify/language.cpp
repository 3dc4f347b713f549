// Language detection for records without `lang`, among the six languages we have lexicons
// for. Written here rather than taken from a library: Debian's libexttextcat ranks character
// n-gram profiles that need a few hundred characters to be reliable, while mentions are a
// sentence long, and it would cost more than the rest of classification. Function words
// (each lexicon's `stopword` entries) settle most short texts, elided articles and letters
// that only one of the six languages uses break ties, and the words of the cue entries
// settle what is left.
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
constexpr double kCueWordVote = 0.5;

// Every language's stopwords in one table, with a bit per language that has the word, so a
// word is looked up once rather than once per language, with the hash the tokenizer worked
// out for it. Cue words (the words of each language's cue entries: "levering", "colazione")
// have a table of their own, larger and asked only when the stopwords leave a text open.
using WordLanguages = WordTable<std::uint8_t>;

WordLanguages make_table(const std::unordered_map<std::string, std::uint8_t>& words) {
  WordLanguages t(words.size());
  for (const auto& [word, languages] : words) t.insert(word, languages);
  return t;
}

const WordLanguages& stopword_languages() {
  static const WordLanguages table = [] {
    std::unordered_map<std::string, std::uint8_t> words;
    for (std::size_t l = 0; l < kLanguages.size(); ++l)
      if (const Lexicon* lex = lexicon_for(kLanguages[l]))
        for (const auto& [word, unused] : lex->stopwords) words[word] |= static_cast<std::uint8_t>(1u << l);
    return make_table(words);
  }();
  return table;
}

const WordLanguages& cue_word_languages() {
  static const WordLanguages table = [] {
    std::unordered_map<std::string, std::uint8_t> words;
    for (std::size_t l = 0; l < kLanguages.size(); ++l) {
      const Lexicon* lex = lexicon_for(kLanguages[l]);
      if (!lex) continue;
      for (const Entry& e : lex->entries) {
        if (e.kind > Kind::other) continue;  // markers are few and often shared
        for (std::size_t k = 0; k < e.words.size(); ++k) {
          const std::string& w = e.words[k];
          // A prefix's last word is no whole word; short words and "#" tell no language.
          if ((e.prefix && k + 1 == e.words.size()) || w.size() < 3) continue;
          words[w] |= static_cast<std::uint8_t>(1u << l);
        }
      }
    }
    return make_table(words);
  }();
  return table;
}

// Letters that point to one language among the six: ß ä ö ü, ñ ¿ ¡ á í ó ú, ç œ and the
// circumflexes, ò ì. ij is too common in names to count; é, è, ë and ï are shared.
constexpr std::array<std::pair<std::string_view, std::size_t>, 18> kLetters = {{
    {"ß", 3}, {"ä", 3}, {"ö", 3}, {"ü", 3},
    {"ñ", 5}, {"¿", 5}, {"¡", 5}, {"á", 5}, {"í", 5}, {"ó", 5}, {"ú", 5},
    {"ç", 4}, {"œ", 4}, {"â", 4}, {"ê", 4}, {"ô", 4},
    {"ò", 2}, {"ì", 2},
}};

// Elided articles and pronouns, by the languages that write them: "l'hôtel" is French or
// Italian, "j'ai" and "qu'il" French, "dell'albergo" Italian. The tokenizer keeps them on
// their word; the part before the word's tail is looked up here.
constexpr std::array<std::pair<std::string_view, std::uint8_t>, 17> kElisions = {{
    {"l'", 0b010100}, {"d'", 0b010100}, {"c'", 0b010100}, {"j'", 0b010000}, {"qu'", 0b010000},
    {"n'", 0b010000}, {"s'", 0b010000}, {"m'", 0b010000}, {"t'", 0b010000},
    {"dell'", 0b000100}, {"all'", 0b000100}, {"nell'", 0b000100}, {"dall'", 0b000100},
    {"sull'", 0b000100}, {"un'", 0b000100}, {"po'", 0b000100}, {"dev'", 0b000100},
}};

using Votes = std::array<double, kLanguages.size()>;

// The language with the most votes, or none when it has less than one or shares the lead.
std::string_view winner(const Votes& votes) {
  std::size_t best = 0;
  for (std::size_t l = 1; l < votes.size(); ++l)
    if (votes[l] > votes[best]) best = l;
  if (votes[best] < 1) return {};
  for (std::size_t l = 0; l < votes.size(); ++l)
    if (l != best && votes[l] == votes[best]) return {};  // a tie tells nothing
  return kLanguages[best];
}

void add(Votes& votes, std::uint8_t languages, double weight) {
  for (std::size_t l = 0; l < kLanguages.size(); ++l) votes[l] += weight * ((languages >> l) & 1);
}

}  // namespace

std::string_view detect_language(const std::vector<Token>& tokens, std::string_view text) {
  Votes votes{};
  const WordLanguages& stopwords = stopword_languages();
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::word) continue;
    std::uint8_t languages = stopwords.find(t.hash, t.folded);  // 0 when none
    if (!t.tail.empty() && languages == 0) {
      const std::string_view elided = t.folded.substr(0, t.folded.size() - t.tail.size());
      for (const auto& [prefix, which] : kElisions)
        if (elided == prefix) languages = which;
    }
    add(votes, languages, 1.0);
  }
  // Each letter once: one pass over the text, and none for plain ASCII.
  std::uint32_t seen = 0;  // a bit per kLetters entry
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != 0xC2 && c != 0xC3 && c != 0xC5) continue;
    for (std::size_t k = 0; k < kLetters.size(); ++k)
      if (text.compare(i, 2, kLetters[k].first) == 0) seen |= 1u << k;
  }
  for (std::size_t k = 0; k < kLetters.size(); ++k)
    if (seen >> k & 1) votes[kLetters[k].second] += 1.5;
  if (const std::string_view found = winner(votes); !found.empty()) return found;
  // Short reviews often hold no function word ("Camera grande, ben pulita"): the languages
  // whose cue entries use a word count it as half a vote, as content words travel more.
  const WordLanguages& cue_words = cue_word_languages();
  for (const Token& t : tokens)
    if (t.kind == TokenKind::word && stopwords.find(t.hash, t.folded) == 0)  // those have voted
      add(votes, cue_words.find(t.hash, t.folded), kCueWordVote);
  return winner(votes);
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
