#include "tokenize.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>

#include "hark/fold.hpp"
#include "../swar.hpp"
#include "word_hash.hpp"

namespace hark::classify {
namespace {

// What each ASCII byte is, looked up once instead of tested range by range: the word loop
// below runs once per byte of text.
enum : std::uint8_t { kLower = 1, kUpper = 2, kDigit = 4, kSpace = 8 };

constexpr std::array<std::uint8_t, 256> kAscii = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  for (int c : {' ', '\t', '\n', '\r'}) t[c] = kSpace;
  return t;
}();

bool ascii_alnum(unsigned char c) { return kAscii[c] & (kLower | kUpper | kDigit); }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

// The code point at `i` and its length in bytes; invalid bytes read as U+FFFD, length 1.
std::pair<std::int32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {0xFFFD, 1};
  return {cp, static_cast<std::size_t>(n)};
}

bool letter_or_mark(std::int32_t cp) {
  const auto cat = utf8proc_category(cp);
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ND);
}

bool is_apostrophe(std::int32_t cp) { return cp == '\'' || cp == 0x2019; }

// Pictographs, dingbats and symbols that people use as emoji.
bool is_emoji(std::int32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
         cp == 0x2B50 || cp == 0x2764;
}

// Joiners, variation selectors and skin tones that continue an emoji sequence.
bool emoji_continuation(std::int32_t cp) {
  return cp == 0x200D || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

constexpr std::array<std::string_view, 16> kEmoticons = {
    ":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":'(", ":-/", ":/",
    ":-P", ":P", ":p", "<3", "xD"};

std::size_t emoticon_at(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c != ':' && c != ';' && c != '<' && c != 'x') return 0;
  for (std::string_view e : kEmoticons) {
    if (text.substr(i, e.size()) != e) continue;
    const std::size_t after = i + e.size();
    // An emoticon stands alone: "http://x" and "1:30" are not faces.
    if (after < text.size() && ascii_alnum(static_cast<unsigned char>(text[after]))) continue;
    return e.size();
  }
  return 0;
}

bool is_trailing_punctuation(char c) {
  return c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':' || c == ')' || c == '"';
}

bool sentence_punct(char c) { return c == '.' || c == '!' || c == '?' || c == ';'; }

// A token's folded form: the text itself when it is ASCII without capitals, as most
// handles, emoticons and numbers are; otherwise folded into `store`.
std::string_view fold_span(std::string_view text, std::size_t b, std::size_t e, std::string& store) {
  bool plain = true;
  for (std::size_t k = b; k < e && plain; ++k) {
    const auto c = static_cast<unsigned char>(text[k]);
    plain = c < 0x80 && !(kAscii[c] & kUpper);
  }
  if (plain) return text.substr(b, e - b);
  const std::size_t fb = store.size();
  append_folded(store, text.substr(b, e - b));
  return std::string_view(store).substr(fb);
}

// One pass over `text`. Folded forms are views into `text` or into `store`; false when
// `store` had to grow on the way, which leaves the views into it dangling.
bool tokenize_once(std::string_view text, std::vector<Token>& tokens, std::string& store) {
  tokens.clear();
  store.clear();
  const char* const base = store.data();
  bool at_sentence_start = true;
  std::size_t i = 0;
  const auto push = [&](TokenKind kind, std::size_t b, std::size_t e) -> Token& {
    const std::string_view folded = fold_span(text, b, e, store);
    return tokens.emplace_back(kind, b, e, folded, word_hash(folded));
  };
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (kAscii[c] & kSpace) {
      if (c == '\n') at_sentence_start = true;  // a title ends where the text begins
      ++i;
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (((c | 0x20) == 'h' || (c | 0x20) == 'w') &&
        (starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") ||
         starts_with_ci(rest, "www."))) {
      std::size_t e = i;
      while (e < text.size() && text[e] != ' ' && text[e] != '\n' && text[e] != '\t') ++e;
      // Punctuation after a link ends the sentence, not the link: "see https://x.y/z?" asks.
      while (e > i + 8 && is_trailing_punctuation(text[e - 1])) --e;
      // URLs are units that no lexicon entry matches: not worth folding.
      tokens.emplace_back(TokenKind::url, i, e, std::string_view(), word_hash({}));
      i = e;
      continue;
    }
    if ((c == '@' || c == '#') && i + 1 < text.size()) {
      std::size_t e = i + 1;
      while (e < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[e]);
        if (ascii_alnum(d) || d == '_') {
          ++e;
        } else if (d >= 0x80) {
          const auto [cp, n] = decode(text, e);
          if (!letter_or_mark(cp)) break;
          e += n;
        } else {
          break;
        }
      }
      if (e > i + 1) {
        Token& t = push(c == '@' ? TokenKind::handle : TokenKind::hashtag, i, e);
        // A hashtag is also read as its word: "#fail" is the cue "fail".
        if (c == '#') t.tail = t.folded.substr(1);
        i = e;
        continue;
      }
    }
    if (const std::size_t n = emoticon_at(text, i)) {
      push(TokenKind::emoticon, i, i + n);
      i += n;
      continue;
    }
    const auto [cp, len] = c < 0x80 ? std::pair<std::int32_t, std::size_t>{c, 1} : decode(text, i);
    if (c >= '0' && c <= '9') {
      std::size_t e = i + 1;
      while (e < text.size()) {
        const char d = text[e];
        const bool inner = (d == '.' || d == ',' || d == ':') && e + 1 < text.size() &&
                           text[e + 1] >= '0' && text[e + 1] <= '9';
        if ((d >= '0' && d <= '9') || inner) ++e;
        else break;
      }
      // Digits and separators fold to themselves.
      tokens.emplace_back(TokenKind::number, i, e, text.substr(i, e - i), word_hash(text.substr(i, e - i)));
      i = e;
      continue;
    }
    if (ascii_alnum(c) || (c >= 0x80 && letter_or_mark(cp))) {
      std::size_t e = i + len;
      bool ascii = c < 0x80;
      std::size_t last_apostrophe = std::string_view::npos;
      int upper = 0, lower = 0;
      bool elongated = false;
      bool counted = false;
      bool scanned = false;  // 16 bytes at a time
      std::uint64_t hash = 0;
      if (ascii) {
        // Most words are plain ASCII letters and digits ending at a space or a mark: one
        // pass finds the end, counts the case of the letters and looks for runs of three
        // ("soooo"), branch-free. Words that go on with an apostrophe, a hyphen or a
        // non-ASCII byte are scanned again below.
        char p1 = 0, p2 = 0;  // the two bytes before, lowered
        std::size_t k = i;
        // Words shorter than 16 bytes, nearly all, in one step of 16 bytes: a loop that
        // ends at a data-dependent byte costs a mispredicted branch a word.
        if (swar::kWide && i + 16 <= text.size()) {
          const swar::Block v = swar::load16(text.data() + i);
          const swar::Block up = swar::between16(v, 'A', 'Z');
          const swar::Block low = swar::between16(v, 'a', 'z');
          const unsigned letters = swar::mask16(swar::or16(up, low));
          const unsigned stop = ~(letters | swar::mask16(swar::between16(v, '0', '9'))) & 0xFFFF;
          if (stop != 0) {
            const unsigned in_word = (1u << std::countr_zero(stop)) - 1;
            upper = static_cast<int>(swar::count16(swar::mask16(up) & in_word));
            lower = static_cast<int>(swar::count16(swar::mask16(low) & in_word));
            // A letter equal to the two before it, the word lowered ('A' | 0x20 is 'a').
            const swar::Block l = swar::or16(v, swar::and16(up, swar::splat16(0x20)));
            const unsigned same1 = swar::mask16(swar::same16(l, swar::shift16<1>(l)));
            const unsigned same2 = swar::mask16(swar::same16(l, swar::shift16<2>(l)));
            elongated = (same1 & same2 & letters & in_word) != 0;
            k = i + static_cast<std::size_t>(std::countr_zero(stop));
            scanned = true;
            // The folded word is these bytes lowered: its hash comes from the register.
            std::uint64_t halves[2];
            swar::store16(halves, swar::first16(l, k - i));
            hash = short_word_hash(halves[0], halves[1], k - i);
          }
        }
        for (; !scanned && k < text.size(); ++k) {
          const char ch = text[k];
          const std::uint8_t cls = kAscii[static_cast<unsigned char>(ch)];
          if (!(cls & (kLower | kUpper | kDigit))) break;
          const bool letter = cls & (kLower | kUpper);
          upper += (cls & kUpper) != 0;
          lower += (cls & kLower) != 0;
          const char l = static_cast<char>(ch + ((cls & kUpper) << 4));  // kUpper << 4 is 32
          elongated = elongated | ((l == p1) & (l == p2) & letter);
          p2 = p1;
          p1 = l;
        }
        const unsigned char d = k < text.size() ? static_cast<unsigned char>(text[k]) : ' ';
        if (d < 0x80 && d != '\'' && d != '-') {
          e = k;
          counted = true;
        } else {
          upper = lower = 0;
          elongated = false;
        }
      }
      while (!counted && e < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[e]);
        if (ascii_alnum(d)) {
          ++e;
          continue;
        }
        const auto [dcp, dn] = d < 0x80 ? std::pair<std::int32_t, std::size_t>{d, 1} : decode(text, e);
        if (d >= 0x80 && letter_or_mark(dcp)) {
          ascii = false;
          e += dn;
          continue;
        }
        // Apostrophes and hyphens stay inside a word when a letter follows: "don't", "wi-fi".
        if ((is_apostrophe(dcp) || d == '-') && e + dn < text.size()) {
          const unsigned char nx = static_cast<unsigned char>(text[e + dn]);
          const auto [ncp, nn] = nx < 0x80 ? std::pair<std::int32_t, std::size_t>{nx, 1} : decode(text, e + dn);
          (void)nn;
          if ((kAscii[nx] & (kLower | kUpper)) || (nx >= 0x80 && letter_or_mark(ncp))) {
            if (is_apostrophe(dcp)) last_apostrophe = e;
            ascii = ascii && d < 0x80;
            e += dn;
            continue;
          }
        }
        break;
      }
      const std::string_view word = text.substr(i, e - i);
      std::string_view folded;
      if (ascii) {
        // Lowering is all an ASCII word's folding; words without capitals are their own
        // folded form and need no copy.
        char p1 = 0, p2 = 0;  // the two letters before, lowered
        for (const char k : counted ? std::string_view() : word) {
          const std::uint8_t cls = kAscii[static_cast<unsigned char>(k)];
          upper += (cls & kUpper) != 0;
          lower += (cls & kLower) != 0;
          const char l = cls & kUpper ? static_cast<char>(k + 32) : k;
          elongated = elongated || (l == p1 && l == p2 && l >= 'a' && l <= 'z');
          p2 = p1;
          p1 = l;
        }
        if (upper == 0) {
          folded = word;
        } else {
          const std::size_t fb = store.size();
          store.resize(fb + word.size());
          char* out = store.data() + fb;
          for (const char k : word) *out++ = kAscii[static_cast<unsigned char>(k)] & kUpper ? static_cast<char>(k + 32) : k;
          folded = std::string_view(store).substr(fb);
        }
      } else {
        const std::size_t fb = store.size();
        for (const char k : word) {
          const std::uint8_t cls = kAscii[static_cast<unsigned char>(k)];
          upper += (cls & kUpper) != 0;
          lower += (cls & kLower) != 0;
        }
        append_folded(store, word);
        // Normalise the typographic apostrophe so lexicons need one spelling.
        std::size_t w = fb;
        for (std::size_t r = fb; r < store.size(); ++r) {
          if (store[r] == '\xE2' && store.compare(r, 3, "\xE2\x80\x99") == 0) {
            store[w++] = '\'';
            r += 2;
          } else {
            store[w++] = store[r];
          }
        }
        store.resize(w);
        folded = std::string_view(store).substr(fb);
        // Elongation: runs of three or more equal letters.
        for (std::size_t r = 2; r < folded.size() && !elongated; ++r)
          elongated = folded[r] == folded[r - 1] && folded[r] == folded[r - 2] &&
                      folded[r] >= 'a' && folded[r] <= 'z';
      }
      // A word scanned 16 bytes at a time has its hash already; others (a non-ASCII letter,
      // an apostrophe or hyphen, the last 16 bytes of the text) are hashed here.
      if (!counted || !scanned) hash = word_hash(folded);
      Token& t = tokens.emplace_back(TokenKind::word, i, e, folded, hash);
      t.caps = upper >= 3 && lower == 0;
      t.sentence_start = at_sentence_start;
      at_sentence_start = false;
      if (elongated) {
        const std::string copy(folded);  // store grows below
        const auto repeat = [&](std::size_t r, std::size_t n) {
          for (std::size_t k = 1; k <= n; ++k)
            if (r < k || copy[r] != copy[r - k]) return false;
          return copy[r] >= 'a' && copy[r] <= 'z';
        };
        const std::size_t cb = store.size();
        for (std::size_t r = 0; r < copy.size(); ++r)
          if (!repeat(r, 2)) store.push_back(copy[r]);
        const std::size_t sb = store.size();
        for (std::size_t r = 0; r < copy.size(); ++r)
          if (!repeat(r, 1)) store.push_back(copy[r]);
        t.collapsed = std::string_view(store).substr(cb, sb - cb);
        t.squeezed = std::string_view(store).substr(sb);
      }
      if (last_apostrophe != std::string_view::npos) {
        // An elided article or pronoun of at most four letters: "l'", "dell'", "qu'".
        const std::size_t q = t.folded.rfind('\'');
        if (q != std::string_view::npos && q <= 4 && q + 1 < t.folded.size()) t.tail = t.folded.substr(q + 1);
      }
      i = e;
      continue;
    }
    if (is_emoji(cp)) {
      std::size_t e = i + len;
      while (e < text.size()) {
        const auto [ncp, nn] = decode(text, e);
        if (!emoji_continuation(ncp)) break;
        e += nn;
        if (ncp == 0x200D && e < text.size()) e += decode(text, e).second;  // joined pictograph
      }
      // The folded form is the bare pictograph, so skin tones and VS16 need no lexicon entries.
      tokens.emplace_back(TokenKind::emoji, i, e, text.substr(i, len), word_hash(text.substr(i, len)));
      i = e;
      continue;
    }
    if (c < 0x80 && (c == '?' || c == '!' || c == '.' || c == ',' || c == ';' || c == ':' ||
                     c == '>' || c == '(' || c == ')')) {
      // A run of the same mark is one token: "???", "!!!", "...".
      std::size_t e = i + 1;
      while (e < text.size() && text[e] == text[i]) ++e;
      // The folded form is the mark once; a repeated "?" or "!" counts as emphasis.
      // One byte: its hash needs no dispatch on the length.
      Token& t = tokens.emplace_back(TokenKind::punct, i, e, text.substr(i, 1), short_word_hash(c, 0, 1));
      t.caps = e - i >= 2 && (c == '!' || c == '?');
      if (sentence_punct(text[i])) at_sentence_start = true;
      i = e;
      continue;
    }
    i += len;  // other symbols separate words and carry no meaning here
  }
  return store.data() == base;
}

}  // namespace

void tokenize(std::string_view text, std::vector<Token>& tokens, std::string& store) {
  // Views into `store` are taken as it fills, so it must not move: room for the usual text
  // is made up front (most tokens point into `text` and take none), and the rare text whose
  // folding needs more is tokenized again once `store` has grown.
  store.clear();
  if (store.capacity() < 2 * text.size() + 64) store.reserve(2 * text.size() + 64);
  while (!tokenize_once(text, tokens, store)) store.reserve(2 * store.capacity());
  // Leading @handles and "RT" do not start the sentence: "@brand why is ..." asks with "why".
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    if (tokens[t].kind == TokenKind::handle || tokens[t].kind == TokenKind::punct ||
        (tokens[t].kind == TokenKind::word && (tokens[t].folded == "rt" || tokens[t].folded == "re"))) {
      continue;
    }
    if (tokens[t].kind == TokenKind::word) tokens[t].sentence_start = true;
    break;
  }
}

}  // namespace hark::classify
