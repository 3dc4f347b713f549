#include <algorithm>
#include <string>
#include <cstdint>
#include <cstring>
#include <optional>

#include "hark/fold.hpp"
#include "hark/report.hpp"
#include "terms.hpp"

namespace hark::report {
namespace {

// Our own short lists of function words, folded (lower case, no accents), one per language.
// They only need to keep grammar out of the theme lists; distinctiveness does the rest.
// Negations are not stopwords: alone they say nothing, but "geen internet" is a theme, so they
// count only inside phrases.
constexpr std::string_view kNegations =
    "no not never don isn cant wont doesn didn geen niet nooit niets non mai niente kein keine "
    "keinen nicht nie ne pas jamais rien nunca nada ni";
constexpr std::string_view kEnglish =
    "a about after again all also am an and any are as at be because been before being but by "
    "can could did do does doing done for from get got had has have having he her here him "
    "his how i if im in into is it its itself ive just me more most my now of off on "
    "once only or other our out over own same she should so some still such than that the their "
    "them then there these they this those through to too under until up us very was we were "
    "what when where which while who why will with would you your yours";
constexpr std::string_view kDutch =
    "aan al alles als altijd ben bij dan dat de der deze die dit doch doen door dus een en er "
    "ga gaat had heb hebben heeft hem het hier hij hoe hun ik in is ja je jij jou jullie "
    "kan kon kunnen maar me meer men met mij mijn moet na naar nog nu of om omdat "
    "ons onze ook op over te tegen toch toen tot u uit uw van veel voor want was wat we wel werd "
    "wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou";
constexpr std::string_view kItalian =
    "a abbiamo ai al alla alle anche avete aveva c che chi ci come con cosa da dal dalla dei del "
    "della delle di dove e ed era essere gli ha hanno ho i il in io la le lei li lo loro lui ma "
    "mi mia mio ne nei nel nella noi o per perche piu poi quale quando quello questa questo "
    "se sei si sia siamo sono su sua suo sul sulla ti tra tu tutti tutto un una uno vi voi";
constexpr std::string_view kGerman =
    "aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dein dem den "
    "der des dich die dir doch du durch ein eine einem einen einer es fur hab habe haben hat "
    "hatte ich ihr im in ist ja jetzt kann man mein meine mich mir mit nach "
    "noch nur ob oder schon sehr sein seine sich sie sind so um und uns unser von vor war was "
    "wenn wer wie wir wird zu zum zur";
constexpr std::string_view kFrench =
    "a au aux avec avez avons c ca ce ces cette d dans de des du elle en est et etre eu il ils "
    "j je l la le les leur lui m ma mais me meme mes moi mon n nos notre nous on ont ou par "
    "plus pour qu que qui s sa sans se ses si son sont sur ta te tes toi ton tous tout tres "
    "tu un une vos votre vous y";
constexpr std::string_view kSpanish =
    "a al algo como con de del el ella ellos en era es esa ese eso esta estan este esto estoy "
    "fue ha hay la las le les lo los mas me mi mis muy nos nuestro o para pero por "
    "porque que se ser si sin sobre son su sus tambien te tengo ti tiene todo tu un una uno y ya "
    "yo";

// Words of up to 7 bytes packed into one integer (bytes and length), so checking a word against
// a list is a binary search over integers rather than hashing a string.
using Packed = std::uint64_t;
constexpr std::size_t kPackable = 7;  // the longest word in the lists below has 7 letters

std::optional<Packed> pack(std::string_view w) {
  if (w.size() > kPackable) return std::nullopt;
  Packed p = w.size();
  for (char c : w) p = (p << 8) | static_cast<unsigned char>(c);
  return p;
}

// A fixed open-addressing table of packed words: a list has at most a few hundred words, so
// 1024 slots keep probes short, and a lookup is a multiply and a compare or two.
class WordList {
 public:
  explicit WordList(std::string_view words) : slots_(kSlots, 0) {
    std::size_t i = 0;
    while (i < words.size()) {
      const std::size_t j = std::min(words.find(' ', i), words.size());
      const Packed p = *pack(words.substr(i, j - i));
      std::size_t k = slot(p);
      while (slots_[k] != 0 && slots_[k] != p) k = (k + 1) % kSlots;
      slots_[k] = p;
      i = j + 1;
    }
  }
  bool contains(std::string_view w) const {
    const auto p = pack(w);
    return p && contains(*p);
  }
  bool contains(Packed p) const {
    for (std::size_t k = slot(p); slots_[k] != 0; k = (k + 1) % kSlots)
      if (slots_[k] == p) return true;
    return false;
  }

 private:
  static constexpr std::size_t kSlots = 1024;
  static std::size_t slot(Packed p) { return (p * 0x9E3779B97F4A7C15ULL) >> 54; }
  std::vector<Packed> slots_;  // 0 is empty: a packed word is never 0 (its length is in it)
};

struct Stopwords {
  std::string_view lang;
  WordList words;
};

const WordList& negations() {
  static const WordList words(kNegations);
  return words;
}

const std::vector<Stopwords>& stopword_lists() {
  static const std::vector<Stopwords> lists = [] {
    std::vector<Stopwords> v;
    const std::pair<std::string_view, std::string_view> raw[] = {
        {"en", kEnglish}, {"nl", kDutch},  {"it", kItalian},
        {"de", kGerman},  {"fr", kFrench}, {"es", kSpanish}};
    for (const auto& [lang, words] : raw) {
      v.push_back({lang, WordList(words)});
    }
    return v;
  }();
  return lists;
}

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool link_word(std::string_view w) {
  switch (w.size()) {
    case 3: return std::memcmp(w.data(), "www", 3) == 0;
    case 4: return std::memcmp(w.data(), "http", 4) == 0;
    case 5: return std::memcmp(w.data(), "https", 5) == 0;
    default: return false;
  }
}

}  // namespace

std::string_view theme_language(std::string_view lang) {
  const std::string_view base = lang.substr(0, lang.find_first_of("-_"));
  for (const Stopwords& s : stopword_lists())
    if (base.size() == 2 && (base[0] | 0x20) == s.lang[0] && (base[1] | 0x20) == s.lang[1])
      return s.lang;
  return {};
}

void TermScratch::split(std::string_view text, std::string_view lang) {
  folded.clear();
  words.clear();
  terms.clear();
  append_folded(folded, text);
  const WordList* stop = nullptr;
  if (lang.size() == 2)  // two bytes compared as such, not a memcmp call per list
    for (const Stopwords& s : stopword_lists())
      if (s.lang[0] == lang[0] && s.lang[1] == lang[1]) stop = &s.words;
  const WordList& negation = negations();
  const std::string_view f = folded;
  std::size_t i = 0;
  bool after_gap = true;  // a stopword or a sentence mark between words breaks a phrase
  while (i < f.size()) {
    const auto c = static_cast<unsigned char>(f[i]);
    // General punctuation (U+2000..U+206F: dashes, curly quotes) separates words.
    if (c == 0xE2 && i + 1 < f.size() && static_cast<unsigned char>(f[i + 1]) == 0x80) {
      i += 3;
      continue;
    }
    if (!word_byte(c)) {
      if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';' || c == ':') after_gap = true;
      if (c == '@') {
        while (i < f.size() && f[i] != ' ') ++i;
        after_gap = true;
        continue;
      }
      ++i;
      continue;
    }
    std::size_t j = i;
    bool digits_only = true;
    while (j < f.size() && word_byte(static_cast<unsigned char>(f[j])) &&
           !(static_cast<unsigned char>(f[j]) == 0xE2 && j + 1 < f.size() &&
             static_cast<unsigned char>(f[j + 1]) == 0x80)) {
      digits_only = digits_only && f[j] >= '0' && f[j] <= '9';
      ++j;
    }
    const std::string_view w = f.substr(i, j - i);
    // Handles and links say who or where, not what the mention is about. A link's first word
    // is "http", "https" or "www" (':' and '.' end a word), checked first: three compares
    // per word were a tenth of the split.
    if (link_word(w) && (f.compare(i, 7, "http://") == 0 || f.compare(i, 8, "https://") == 0 ||
                         f.compare(i, 4, "www.") == 0)) {
      while (i < f.size() && f[i] != ' ') ++i;
      after_gap = true;
      continue;
    }
    i = j;
    // A word is packed once for both lists; one too long for them is in neither.
    const std::optional<Packed> p = pack(w);
    if (w.size() < 2 || digits_only || (stop && p && stop->contains(*p))) {
      after_gap = true;
      continue;
    }
    words.push_back({w, after_gap, p && negation.contains(*p)});
    after_gap = false;
  }
  for (const Word& w : words)
    if (!w.negation) terms.push_back(w.text);
  words_in_terms = terms.size();
  // Phrases are two neighbouring words with no stopword or sentence mark between them. Most
  // are in the folded text as they are ("a b"); the others are copied, into a buffer large
  // enough for all of them, so the views taken stay valid.
  phrases.clear();
  phrases.reserve(2 * folded.size() + words.size());
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (words[k].after_gap) continue;
    const std::string_view a = words[k - 1].text, b = words[k].text;
    if (b.data() == a.data() + a.size() + 1 && a.data()[a.size()] == ' ') {
      terms.emplace_back(a.data(), a.size() + 1 + b.size());
      continue;
    }
    const std::size_t start = phrases.size();
    phrases.append(a).append(" ").append(b);
    terms.push_back(std::string_view(phrases).substr(start));
  }
}

std::vector<std::string> terms_of(std::string_view text, std::string_view lang) {
  TermScratch s;
  s.split(text, theme_language(lang));
  std::vector<std::string> v(s.terms.begin(), s.terms.end());
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace hark::report
