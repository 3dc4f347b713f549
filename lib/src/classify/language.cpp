// Language detection for records without `lang`, among the six languages we have lexicons
// for. Written here rather than taken from a library: Debian's libexttextcat ranks character
// n-gram profiles that need a few hundred characters to be reliable, while mentions are a
// sentence long, and it would cost more than the rest of classification. Function words
// (each lexicon's `stopword` entries) settle short texts well, and a few letters that only
// one of the six languages uses break ties.
#include "language.hpp"

#include <array>

#include "hark/classify.hpp"
#include "lexicon.hpp"

namespace hark::classify {
namespace {

constexpr std::array<std::string_view, 6> kLanguages = {"en", "nl", "it", "de", "fr", "es"};

bool is_stopword(const Lexicon& lex, std::string_view word) {
  return lex.stopwords.find(word) != lex.stopwords.end();
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
  std::array<const Lexicon*, kLanguages.size()> lex{};
  for (std::size_t l = 0; l < kLanguages.size(); ++l) lex[l] = lexicon_for(kLanguages[l]);
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::word) continue;
    for (std::size_t l = 0; l < kLanguages.size(); ++l)
      if (lex[l] && is_stopword(*lex[l], t.folded)) votes[l] += 1;
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
