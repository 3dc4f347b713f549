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

// Every language's stopwords in one table, each with a bit per language that has it, so a
// word is looked up once rather than once per language, with the hash the tokenizer worked
// out for it.
using StopwordLanguages = WordTable<std::uint8_t>;

const StopwordLanguages& stopword_languages() {
  static const StopwordLanguages table = [] {
    std::unordered_map<std::string, std::uint8_t> words;
    for (std::size_t l = 0; l < kLanguages.size(); ++l)
      if (const Lexicon* lex = lexicon_for(kLanguages[l]))
        for (const auto& [word, unused] : lex->stopwords) words[word] |= static_cast<std::uint8_t>(1u << l);
    StopwordLanguages t(words.size());
    for (const auto& [word, languages] : words) t.insert(word, languages);
    return t;
  }();
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
    const std::uint8_t languages = stopwords.find(t.hash, t.folded);  // 0 when none
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
