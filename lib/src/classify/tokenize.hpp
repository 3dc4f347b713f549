#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hark::classify {

enum class TokenKind : std::uint8_t { word, number, url, handle, hashtag, emoji, emoticon, punct };

// One unit of text. `folded` is the case- and accent-folded form (apostrophes normalised to
// '); when the word is elongated (a letter three times or more), `collapsed` has such runs
// cut to two ("soooo" → "soo", "goood" → "good") and `squeezed` to one ("so", "god"), and
// both are empty otherwise; `tail` is the part after an elided article or
// pronoun ("l'hotel" → "hotel") or a hashtag's word ("#fail" → "fail"), empty when there is none.
struct Token {
  Token() = default;
  // Sets each member once: value-initialising the whole token first compiled to a `rep stos`,
  // slow to start for 96 bytes, once per token.
  Token(TokenKind k, std::size_t b, std::size_t e, std::string_view f, std::uint64_t h)
      : kind(k), begin(b), end(e), folded(f), hash(h) {}

  TokenKind kind = TokenKind::word;
  std::size_t begin = 0;  // byte span in the original text
  std::size_t end = 0;
  std::string_view folded;
  std::string_view collapsed;
  std::string_view squeezed;
  std::string_view tail;
  std::uint64_t hash = 0;  // word_hash(folded), worked out where the bytes were at hand
  bool caps = false;            // shouted: three or more letters, all upper case
  bool sentence_start = false;  // first word of a sentence, after any leading @handles
  bool after_condition = false;  // first word after "If you go in summer, ...": may instruct
};

// Splits text into tokens, keeping URLs, @handles, #tags, emoji and emoticons whole. The
// folded strings point into `text` or into `store`, which must both outlive the tokens;
// `store` is reused.
void tokenize(std::string_view text, std::vector<Token>& tokens, std::string& store);

}  // namespace hark::classify
