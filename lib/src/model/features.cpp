#include "features.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "../classify/word_hash.hpp"
#include "../swar.hpp"
#include "hark/fold.hpp"

namespace hark::model {
namespace {

// Seeds keep the kinds of feature apart in the shared bucket space.
constexpr std::uint64_t kWordSeed = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
constexpr std::uint64_t kCharSeed = 0x84222325cbf29ce4ULL;
constexpr std::uint64_t kBigramSeed = 0x9e3779b97f4a7c15ULL;
constexpr std::uint64_t kPostSeed = 0xe7037ed1a0b428dbULL;      // words of a social post
constexpr std::uint64_t kSentenceSeed = 0x8ebc6af09c88c6e3ULL;  // words of any other text
// A 5-gram's five bytes are spread by one multiplication (Fibonacci hashing), words by FNV-1a
// and splitmix64's finaliser.
constexpr std::uint64_t kGramMultiplier = 0x9e3779b97f4a7c15ULL;
constexpr std::size_t kGram = 5;  // 3..5, 4..6 and n-grams within words did no better in CV

std::uint64_t fnv_step(std::uint64_t h, unsigned char c) {
  return (h ^ c) * 0x100000001b3ULL;
}

std::uint64_t fnv(std::string_view s, std::uint64_t h = kWordSeed) {
  for (const char c : s) h = fnv_step(h, static_cast<unsigned char>(c));
  return h;
}

// splitmix64's finaliser: spreads FNV's weak high bits before they pick a bucket.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

// Letters, digits, ' and _ of the folded text, and the bytes of non-ASCII letters (not the
// lead byte of an emoji); a table, as this is asked for every byte twice.
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '_' ||
           (c >= 0x80 && c < 0xf0);
  return t;
}();

bool is_word_byte(unsigned char c) { return kWordByte[c]; }

// Emoji and pictographs (4-byte UTF-8) and the U+2600–U+27BF symbols (❤, ☺, ✔) are tokens of
// their own even when written against a word.
std::size_t symbol_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0xf0 && i + 4 <= s.size()) return 4;
  if (c == 0xe2 && i + 3 <= s.size()) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 >= 0x98 && c1 <= 0x9e) return 3;
  }
  return 0;
}

bool is_punctuation(unsigned char c) {
  return c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == ';' || c == '(' ||
         c == ')' || c == '"' || c == '-' || c == '*' || c == '/';
}

bool is_closing_mark(char c) {
  return c == '?' || c == '!' || c == '.' || c == ',' || c == ':' || c == ';' || c == ')' ||
         c == '"';
}

bool all_digits(std::string_view w) {
  for (const char c : w)
    if (c < '0' || c > '9') return false;
  return true;
}

// Token hashes are mixed, as classify::word_hash's are, so that their top bits pick buckets.
const std::uint64_t kBegin = mix(fnv("<s>"));
const std::uint64_t kEnd = mix(fnv("</s>"));
const std::uint64_t kUrl = mix(fnv("<url>"));
const std::uint64_t kNumber = mix(fnv("<num>"));
const std::uint64_t kHandle = mix(fnv("<@>"));

// A social post (it has an @handle, a #tag or a link) words things differently from a review
// or forum sentence: "other" there is chatter, here a sentence without an opinion.
bool is_social_post(std::string_view s) {
  return s.find('@') != std::string_view::npos || s.find('#') != std::string_view::npos ||
         s.find("http") != std::string_view::npos;
}

// Where features go: each hash's top bits pick a bucket, whose row is prefetched (when
// there is a table) as soon as it is known, and which is written at `next`. Kept in locals so
// that the compiler holds them in registers across the stores.
struct Sink {
  std::uint32_t* next;
  unsigned shift;  // 64 - bucket bits
  const char* rows;
  std::size_t row_bytes;

  [[gnu::always_inline]] void text(std::uint64_t mixed) {
    const auto b = static_cast<std::uint32_t>(mixed >> shift);
    if (rows) __builtin_prefetch(rows + b * row_bytes);
    *next++ = b;
  }
};

// The words with one space between and around them, so that n-grams see word starts, ends
// and the join of two words ("t wo" of "don't work"). The last five bytes, as a number, are
// the hash input.
void add_char_ngrams(std::string_view folded, Sink& sink) {
  constexpr std::uint64_t kWindow = (std::uint64_t{1} << (8 * kGram)) - 1;
  std::uint64_t window = ' ';
  std::size_t seen = 1;
  char last = ' ';
  const auto push = [&](char k) {
    window = ((window << 8) | static_cast<unsigned char>(k)) & kWindow;
    if (++seen >= kGram) sink.text((window ^ kCharSeed) * kGramMultiplier);
    last = k;
  };
  for (const char c : folded) {
    const char k = is_word_byte(static_cast<unsigned char>(c)) ? c : ' ';
    if (k != ' ' || last != ' ') push(k);
  }
  if (last != ' ') push(' ');
}

}  // namespace

Features FeatureExtractor::extract(std::string_view text, const Analysis& builtin,
                                   unsigned bucket_bits, const void* rows,
                                   std::size_t row_bytes) {
  folded_.clear();
  append_folded(folded_, text);
  const std::size_t size = folded_.size();
  folded_.append(16, '\0');  // so that 16 bytes can be read from any byte of the text
  const std::string_view s = std::string_view(folded_).substr(0, size);
  // Every token but the end marker takes a byte at least, and so does every 5-gram but the
  // last: at most 4 (bytes + 1) word features and bytes + 1 5-grams.
  const std::size_t most = 5 * s.size() + 5;
  if (most > capacity_) {
    capacity_ = std::max(most, 2 * capacity_);
    buffer_ = std::make_unique_for_overwrite<std::uint32_t[]>(capacity_);
  }
  Sink sink{buffer_.get(), 64 - bucket_bits, static_cast<const char*>(rows), row_bytes};

  // Each word unigram and bigram counts twice: once for all texts, once for its kind of text,
  // so the model can weigh a word differently in a post and in a sentence.
  const std::uint64_t kind = is_social_post(s) ? kPostSeed : kSentenceSeed;
  std::uint64_t previous = kBegin;
  const auto token = [&](std::uint64_t h) {
    // h is mixed already, so each feature's bucket is its top bits as they are.
    const std::uint64_t bigram = (previous * kBigramSeed) ^ h;
    sink.text(h);
    sink.text(bigram);
    sink.text(h ^ kind);
    sink.text(bigram ^ kind);
    previous = h;
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (const std::size_t n = symbol_length(s, i)) {
      token(classify::word_hash(s.substr(i, n)));
      i += n;
    } else if (is_word_byte(c)) {
      std::size_t j = i;
      bool scanned = false;
      swar::Block block{};
      if (swar::kWide) {
        // A word under 16 bytes in one step (the folded text is padded for the load): a loop
        // that ends at a data-dependent byte costs a mispredicted branch a word. A word with
        // a 0xE2 byte may hold a ☺-style symbol and takes the loop.
        const swar::Block v = block = swar::load16(s.data() + i);
        const unsigned word = swar::mask16(swar::or16(
            swar::or16(swar::between16(v, 'a', 'z'), swar::between16(v, '0', '9')),
            swar::or16(swar::or16(swar::equal16(v, '\''), swar::equal16(v, '_')), swar::between16(v, 0x80, 0xEF))));
        const unsigned stop = ~word & 0xFFFF;
        if (stop != 0) {
          const unsigned length = static_cast<unsigned>(std::countr_zero(stop));
          if ((swar::mask16(swar::equal16(v, 0xE2)) & ((1u << length) - 1)) == 0) {
            j = i + length;
            scanned = true;
          }
        }
      }
      while (!scanned && j < s.size() && is_word_byte(static_cast<unsigned char>(s[j])) && !symbol_length(s, j))
        ++j;
      const std::string_view word = s.substr(i, j - i);
      if ((word == "http" || word == "https") && s.substr(j, 3) == "://") {
        while (j < s.size() && s[j] != ' ') ++j;  // the whole link is one token,
        while (is_closing_mark(s[j - 1])) --j;  // but a "?" or "." after it is the sentence's
        token(kUrl);
      } else if (all_digits(word)) {
        token(kNumber);
      } else if (scanned) {
        // The word's bytes are in the register already: hashed from there, without a loop.
        std::uint64_t halves[2];
        swar::store16(halves, swar::first16(block, j - i));
        token(classify::short_word_hash(halves[0], halves[1], j - i));
      } else {
        token(classify::word_hash(word));
      }
      i = j;
    } else if (c == '@' && i + 1 < s.size() && is_word_byte(static_cast<unsigned char>(s[i + 1]))) {
      ++i;
      while (i < s.size() && is_word_byte(static_cast<unsigned char>(s[i]))) ++i;
      token(kHandle);
    } else if (is_punctuation(c)) {
      // A run of one mark is one token, "..." apart from "." and "???" the same as "?".
      std::size_t j = i;
      while (j < s.size() && s[j] == s[i]) ++j;
      token(mix(fnv_step(fnv_step(kWordSeed, c), c != '?' && c != '!' && j - i > 1)));
      i = j;
    } else {
      ++i;
    }
  }
  token(kEnd);
  add_char_ngrams(s, sink);

  // Text features share unit length, so long and short posts learn at the same pace.
  Features features;
  features.text = {buffer_.get(), sink.next};
  features.text_value = 1.0f / std::sqrt(static_cast<float>(features.text.size()));
  // Each cue adds its weight to its class; the built-in scores come in as they are.
  for (const Cue& cue : builtin.cues)
    features.reading[static_cast<std::size_t>(cue.label)] += static_cast<float>(cue.weight);
  for (std::size_t k = 0; k < kLabels; ++k)
    features.reading[kLabels + k] = static_cast<float>(builtin.scores[k]);
  return features;
}

}  // namespace hark::model
