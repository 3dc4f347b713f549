#include "lexicon.hpp"

#include <charconv>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "tokenize.hpp"

namespace hark::classify {

struct LexiconText {
  std::string_view name;
  std::string_view text;
};
extern const LexiconText kLexiconTexts[];
extern const std::size_t kLexiconCount;

namespace {

constexpr std::string_view kKindNames[] = {
    "complaint", "question", "praise",    "expert-tip", "other",      "negation",
    "intensifier", "contrast", "profanity", "delicate",  "rhetorical", "stopword", "opener"};

bool kind_from_name(std::string_view name, Kind& kind) {
  for (std::size_t i = 0; i < std::size(kKindNames); ++i) {
    if (kKindNames[i] == name) {
      kind = static_cast<Kind>(i);
      return true;
    }
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

Lexicon parse_lexicon(std::string_view name, std::string_view text) {
  Lexicon lex;
  lex.name = std::string(name);
  std::vector<Token> tokens;
  std::string store;
  LexiconIndex by_first, by_prefix;  // the keys of the flat indexes, as they are gathered
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](std::string_view why) {
      throw Error(fmt::format("lexicon {}:{}: {}", name, line_no, why));
    };
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) fail("expected class<TAB>weight<TAB>phrase");
    Entry e;
    if (!kind_from_name(line.substr(0, t1), e.kind)) fail("unknown class");
    const std::string_view weight = line.substr(t1 + 1, t2 - t1 - 1);
    double w = 0;
    const auto [ptr, ec] = std::from_chars(weight.data(), weight.data() + weight.size(), w);
    if (ec != std::errc() || ptr != weight.data() + weight.size()) fail("bad weight");
    e.weight = static_cast<float>(w);
    std::string_view phrase = trim(line.substr(t2 + 1));
    if (!phrase.empty() && phrase.front() == '^') {
      e.initial = true;
      phrase.remove_prefix(1);
    }
    if (!phrase.empty() && phrase.back() == '$') {
      e.final = true;
      phrase.remove_suffix(1);
    }
    if (!phrase.empty() && phrase.back() == '*') {
      e.prefix = true;
      phrase.remove_suffix(1);
    }
    // Word by word, so that a "#" of its own stands for any number ("al # dagen").
    while (!phrase.empty()) {
      const std::size_t space = phrase.find(' ');
      const std::string_view piece = phrase.substr(0, space);
      phrase.remove_prefix(space == std::string_view::npos ? phrase.size() : space + 1);
      if (piece.empty()) continue;
      if (piece == kAnyNumber) {
        if (e.words.empty()) fail("a phrase cannot open with #");
        e.words.emplace_back(kAnyNumber);
        continue;
      }
      tokenize(piece, tokens, store);
      // Every byte must land in a token, or the entry could never match as written.
      std::size_t kept = 0;
      for (const Token& t : tokens) kept += t.end - t.begin;
      if (kept != piece.size()) fail("phrase has characters no token keeps");
      for (const Token& t : tokens) e.words.emplace_back(t.folded);
    }
    if (e.words.empty()) fail("empty phrase");
    if (e.prefix && e.words.back().size() < 3) fail("a prefix needs three letters");
    if (e.final && e.prefix) fail("a phrase ending a clause cannot be a prefix");
    if (e.kind == Kind::stopword) {
      if (e.words.size() != 1) fail("a stopword is one word");
      lex.stopwords.emplace(e.words[0], true);
      continue;
    }
    const auto index = static_cast<std::uint32_t>(lex.entries.size());
    const std::string key = e.prefix && e.words.size() == 1 ? e.words[0].substr(0, 3) : e.words[0];
    (e.prefix && e.words.size() == 1 ? by_prefix : by_first)[key].push_back(index);
    lex.entries.push_back(std::move(e));
  }
  lex.first = FlatIndex(by_first, lex.entries);
  lex.prefix = FlatIndex(by_prefix, lex.entries);
  return lex;
}

FlatIndex::FlatIndex(const LexiconIndex& index, const std::vector<Entry>& entries) : table_(index.size()) {
  for (const auto& [key, ids] : index) {
    if (key.empty() || key.size() > UINT16_MAX || ids.size() > kCountMask)
      throw Error(fmt::format("lexicon: an empty, too long or too common first word: {}", key));
    if (candidates_.size() + ids.size() > (std::size_t{1} << (32 - kCountBits)))
      throw Error("lexicon: too many entries");
    table_.insert(key, static_cast<std::uint32_t>(candidates_.size() << kCountBits | ids.size()));
    for (std::uint32_t id : ids) {
      const Entry& e = entries[id];
      Candidate c;
      c.id = id;
      if (e.words.size() > UINT8_MAX) throw Error(fmt::format("lexicon: an entry of more than 255 words: {}", key));
      c.strength = std::abs(e.weight);
      c.kind = e.kind;
      c.words = static_cast<std::uint8_t>(e.words.size());
      c.initial = e.initial;
      c.final = e.final;
      c.any_next = e.words.size() < 2 || (e.prefix && e.words.size() == 2);
      c.number_next = !c.any_next && e.words[1] == kAnyNumber;
      if (!c.any_next && !c.number_next) c.next = static_cast<std::uint32_t>(word_hash(e.words[1]));
      candidates_.push_back(c);
    }
  }
}

const std::vector<Lexicon>& lexicons() {
  static const std::vector<Lexicon> all = [] {
    std::vector<Lexicon> v;
    for (std::size_t i = 0; i < kLexiconCount; ++i)
      v.push_back(parse_lexicon(kLexiconTexts[i].name, kLexiconTexts[i].text));
    return v;
  }();
  return all;
}

namespace {

// The language code of a tag ("en", "en-GB", "NL" → "en", "en", "nl"), or false when there is none.
bool language_code(std::string_view lang, char (&code)[2]) {
  if (lang.size() < 2 || (lang.size() > 2 && lang[2] != '-' && lang[2] != '_')) return false;
  for (std::size_t i = 0; i < 2; ++i)
    code[i] = lang[i] >= 'A' && lang[i] <= 'Z' ? static_cast<char>(lang[i] + 32) : lang[i];
  return true;
}

// Compared a byte at a time: called for every record, where a string compare was most of the cost.
template <class Lexicons>
const Lexicon* named(const Lexicons& all, const char (&code)[2]) {
  for (const Lexicon& l : all)
    if (l.name.size() == 2 && l.name[0] == code[0] && l.name[1] == code[1]) return &l;
  return nullptr;
}

}  // namespace

const Lexicon* lexicon_for(std::string_view lang) {
  char code[2];
  return language_code(lang, code) ? named(lexicons(), code) : nullptr;
}

const Lexicon& reading_lexicon(std::string_view lang) {
  // Built from the same texts as lexicons(), concatenated, so one lookup finds every entry.
  static const std::vector<Lexicon> merged = [] {
    std::string universal, all;
    for (std::size_t i = 0; i < kLexiconCount; ++i) {
      (kLexiconTexts[i].name == "universal" ? universal : all).append(kLexiconTexts[i].text).append("\n");
    }
    std::vector<Lexicon> v;
    for (std::size_t i = 0; i < kLexiconCount; ++i) {
      if (kLexiconTexts[i].name == "universal") continue;
      v.push_back(parse_lexicon(kLexiconTexts[i].name, std::string(kLexiconTexts[i].text) + "\n" + universal));
    }
    v.push_back(parse_lexicon("", all + universal));
    return v;
  }();
  // The merged lexicons carry the names of lexicons(), so the one named like `lang` is the
  // one lexicon_for(lang) would find.
  char code[2];
  const Lexicon* own = language_code(lang, code) ? named(merged, code) : nullptr;
  return own ? *own : merged.back();
}

}  // namespace hark::classify
