#include "hark/classify.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <span>

#include "language.hpp"
#include "lexicon.hpp"
#include "tokenize.hpp"

namespace hark {
namespace {

using classify::Entry;
using classify::Kind;
using classify::Lexicon;
using classify::Token;
using classify::TokenKind;

constexpr std::size_t kNegationReach = 3;    // words a negation reaches: "not very good"
constexpr std::size_t kIntensifierReach = 2;  // words an intensifier reaches: "so very good"
constexpr float kIntensified = 1.5f;
constexpr float kShouted = 1.3f;           // caps, elongation, "!!!"
constexpr float kBeforeContrast = 0.5f;    // "nice room but the staff were rude"
constexpr float kAfterContrast = 1.3f;
constexpr float kNegatedPraise = 0.8f;     // "not good": a complaint, a little weaker
constexpr float kNegatedComplaint = 0.5f;  // "not bad": faint praise
constexpr float kAddressedTip = 0.4f;      // "@brand fix your app" is no tip to other users
constexpr double kAddressedTipPrior = -0.6;  // and a post to someone is rarely advice to all
constexpr float kSettingsPath = 1.5f;      // "Settings > Network > Wi-Fi"
constexpr float kLink = 1.0f;     // a post with a link mostly shares news: "other"
constexpr float kRetweet = 0.6f;  // "RT @someone: ..." passes on what another said
constexpr float kHashtag = 0.4f;  // hashtags tag a topic for others to find: more often news
constexpr float kAskedAbout = 0.5f;   // "How do I cancel?": the cancel is asked about
constexpr float kCondition = 0.3f;    // "Want quiet? Then ask ...": the question sets up advice
constexpr float kThenAdvice = 1.0f;   // and the "then" is a tip cue
constexpr double kComplaintOverQuestion = 1.0;
constexpr double kQuestionWithComplaint = 0.3;

// Raw class scores before softmax; "other" wins when nothing else speaks.
constexpr std::array<double, kLabels> kBias = {0.3, -0.5, -0.3, 0.3, 0.7};
// Confidence is calibrated: the top softmax score maps to the share of right answers among
// dev-set mentions with that top score, measured per tenth from 0.2 and made monotone
// (scripts/calibrate-classify.py; docs/classify.md, "Calibration"). Values at the centres
// 0.25, 0.35, ..., 0.95, linear in between.
constexpr std::array<double, 8> kCalibration = {0.444, 0.554, 0.721, 0.799, 0.846, 0.846, 0.846, 0.889};

double calibrated(double top) {
  const double pos = (top - 0.25) * 10;
  if (pos <= 0) return kCalibration.front();
  if (pos >= static_cast<double>(kCalibration.size() - 1)) return kCalibration.back();
  const auto i = static_cast<std::size_t>(pos);
  const double f = pos - static_cast<double>(i);
  return kCalibration[i] * (1 - f) + kCalibration[i + 1] * f;
}

struct Match {
  const Entry* entry;
  std::size_t first;  // token range, inclusive
  std::size_t last;
};

bool word_matches(const Token& t, std::string_view word, bool prefix) {
  const auto eq = [&](std::string_view s) {
    return prefix ? s.size() >= word.size() && s.substr(0, word.size()) == word : s == word;
  };
  return eq(t.folded) || (!t.collapsed.empty() && (eq(t.collapsed) || eq(t.squeezed))) ||
         (!t.tail.empty() && eq(t.tail));
}

// Whether an entry marked "^" may match at `t`: at a sentence start, and an instruction also
// where the main clause begins after a condition ("If you go in summer, ask for ...", "Si
// vais en verano, pedid ..."). Questions are not: in Dutch and German every main clause after
// a condition opens with its verb ("Als je gaat, is het ...").
bool starts_for(const Token& t, Kind kind) {
  return t.sentence_start || (t.after_condition && kind == Kind::expert_tip);
}

bool ends_instruction(const std::vector<Token>& tokens, std::size_t last);

// Cardinal numbers written as words, which a "#" in an entry matches as it matches digits:
// "al vijf dagen" waits as long as "al 5 dagen". Grammar, so here and not in the lexicons.
bool number_word(std::string_view w, std::uint64_t hash) {
  static constexpr std::string_view kWords[] = {
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
      "twenty", "thirty", "forty", "fifty", "hundred", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
      "negen", "tien", "twaalf", "vijftien", "twintig", "dertig", "veertig", "vijftig", "honderd", "zwei", "drei",
      "funf", "sechs", "sieben", "neun", "zehn", "zwolf", "funfzehn", "zwanzig", "dreissig", "vierzig", "funfzig",
      "hundert", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
      "quindici", "venti", "trenta", "quaranta", "cinquanta", "cento", "deux", "trois", "quatre", "cinq", "sept",
      "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt", "trente", "quarante", "cinquante", "cent", "dos",
      "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "quince", "veinte",
      "treinta", "cuarenta", "cincuenta", "cien", "elf"};
  static const classify::WordTable<bool> table = [] {
    classify::WordTable<bool> t(std::size(kWords));
    for (std::string_view n : kWords) t.insert(n, true);
    return t;
  }();
  return table.find(hash, w);
}

bool number_matches(const Token& t) {
  return t.kind == TokenKind::number || (t.kind == TokenKind::word && number_word(t.folded, t.hash));
}

// Whether `e` matches at token `at`, comparing its words from `from` on: an entry found under
// its whole first word needs that word compared no more.
bool entry_matches(const Entry& e, const std::vector<Token>& tokens, std::size_t at, std::size_t from) {
  if (e.initial && !starts_for(tokens[at], e.kind)) return false;
  if (at + e.words.size() > tokens.size()) return false;
  for (std::size_t k = from; k < e.words.size(); ++k)
    if (e.words[k] == classify::kAnyNumber ? !number_matches(tokens[at + k])
                                           : !word_matches(tokens[at + k], e.words[k], e.prefix && k + 1 == e.words.size()))
      return false;
  return true;
}

// The word_hash of each of a token's keys (folded, collapsed, squeezed, tail), worked out once
// per text; an empty key other than `folded` takes the folded word's hash.
using KeyHashes = std::array<std::uint64_t, 4>;

KeyHashes key_hashes(const Token& t) {
  KeyHashes h;
  h[0] = t.hash;
  h[1] = t.collapsed.empty() ? h[0] : classify::word_hash(t.collapsed);
  h[2] = t.squeezed.empty() ? h[0] : classify::word_hash(t.squeezed);
  h[3] = t.tail.empty() ? h[0] : classify::word_hash(t.tail);
  return h;
}

bool is_marker(Kind k) {
  return k == Kind::negation || k == Kind::intensifier || k == Kind::contrast ||
         k == Kind::delicate || k == Kind::rhetorical;
}

// The longest cue and the longest marker of `lex` that start at token `at`, where longer
// than what `cue` and `marker` already hold.
void longest_at(const Lexicon& lex, const std::vector<Token>& tokens, const std::vector<KeyHashes>& hashes,
                std::size_t at, Match& cue, Match& marker) {
  const Token& t = tokens[at];
  // An entry of two or more words needs its second word among the next token's keys: one
  // compare of hashes turns away most entries that start with a common word.
  const auto next_may_match = [&](const classify::Candidate& c) {
    if (c.any_next) return true;
    if (at + 1 >= tokens.size()) return false;
    if (c.number_next) return number_matches(tokens[at + 1]);
    for (std::uint64_t h : hashes[at + 1])
      if (static_cast<std::uint32_t>(h) == c.next) return true;
    return false;
  };
  const auto consider = [&](std::span<const classify::Candidate> candidates, std::size_t from) {
    for (const classify::Candidate& c : candidates) {
      if (c.kind == Kind::opener) continue;
      Match& best = is_marker(c.kind) ? marker : cue;
      const std::size_t len = c.words;
      const std::size_t best_len = best.entry ? best.last - best.first + 1 : 0;
      if (len < best_len || (len == best_len && best.entry && c.strength <= std::abs(best.entry->weight)))
        continue;
      if (c.initial && !starts_for(t, c.kind)) continue;
      if (at + len > tokens.size() || !next_may_match(c)) continue;
      if (c.final && !ends_instruction(tokens, at + len - 1)) continue;
      // The entry itself is read only when it has words left to compare.
      const Entry& e = lex.entries[c.id];
      if (from >= len || entry_matches(e, tokens, at, from)) best = {&e, at, at + len - 1};
    }
  };
  const auto look_up = [&](std::string_view key, std::uint64_t hash) {
    // Entries under their whole first word have it matched by the lookup.
    consider(lex.first.find(hash, key), 1);
    if (key.size() >= 3) {
      const std::string_view head = key.substr(0, 3);
      const std::uint64_t head_hash = classify::word_hash(head);
      // Few words start a prefix entry ("ottim*"): most are turned away by one bit.
      if (lex.prefix.may_hold(head_hash)) consider(lex.prefix.find(head_hash, head), 0);
    }
  };
  if (!t.folded.empty()) look_up(t.folded, hashes[at][0]);
  // Most words have no other key: one test, not a loop, that the branch predictor learns.
  if (t.collapsed.empty() && t.tail.empty()) return;
  if (!t.collapsed.empty()) look_up(t.collapsed, hashes[at][1]);
  if (!t.squeezed.empty()) look_up(t.squeezed, hashes[at][2]);
  if (!t.tail.empty()) look_up(t.tail, hashes[at][3]);
}

bool is_opener(const Lexicon& lex, std::string_view word, std::uint64_t hash) {
  for (const classify::Candidate& c : lex.first.find(hash, word))
    if (lex.entries[c.id].kind == Kind::opener && lex.entries[c.id].words.size() == 1) return true;
  return false;
}

// Rules on the reach of a negation, by what stands next to it (words as folded by the
// tokenizer; they are grammar, the same in every domain, so they live here and not in the
// lexicons).

bool folded_in(const Token& t, std::initializer_list<std::string_view> words) {
  if (t.kind != TokenKind::word) return false;
  // Compared inline: these words are short, and a call to memcmp each cost more.
  for (std::string_view w : words)
    if (t.folded.size() == w.size() && classify::same_bytes(t.folded.data(), w.data(), w.size())) return true;
  return false;
}

// Whether token `last` ends an instruction in the infinitive, as German and Dutch give them
// ("Vorher online reservieren.", "Gewoon de app opnieuw installeren."): the clause ends there
// (not with "?"), and its sentence has no subject pronoun and no modal or auxiliary before it
// ("Wir wollten reservieren.", "Der Zug kann nicht starten."); "zu"/"te" right before it make
// it depend on something else ("nicht zu empfehlen").
bool ends_instruction(const std::vector<Token>& tokens, std::size_t last) {
  std::size_t next = last + 1;
  while (next < tokens.size() && (tokens[next].kind == TokenKind::emoji || tokens[next].kind == TokenKind::emoticon))
    ++next;
  if (next < tokens.size()) {
    const Token& t = tokens[next];
    if (t.kind == TokenKind::punct ? t.folded.find('?') != std::string_view::npos : !t.sentence_start) return false;
  }
  if (last > 0 && folded_in(tokens[last - 1], {"zu", "te", "um", "om"})) return false;
  for (std::size_t k = last;; --k) {
    // "Die maar eens uitproberen": what one means to do oneself.
    if (k > 0 && folded_in(tokens[k], {"eens"}) && folded_in(tokens[k - 1], {"maar"})) return false;
    if (folded_in(tokens[k], {"ich", "du", "er", "sie", "es", "wir", "man", "ik", "jij", "hij", "zij", "ze", "we",
                              "wij", "jullie", "u", "men"}) ||
        folded_in(tokens[k], {"kann", "kannst", "konnen", "konnt", "konnte", "konnten", "muss", "musst", "mussen",
                              "musste", "mussten", "will", "willst", "wollen", "wollte", "wollten", "soll", "sollst",
                              "sollen", "sollte", "sollten", "darf", "durfen", "durfte", "mochte", "mochten", "wird",
                              "werden", "wurde", "wurden", "lasst", "liess", "kan", "kun", "kunt", "kunnen", "kon",
                              "konden", "moet", "moeten", "moest", "moesten", "wil", "wilt", "willen", "wilde",
                              "wou", "zal", "zult", "zullen", "zou", "zouden", "mag", "mogen", "mocht", "ga", "gaat",
                              "gaan", "ging", "gingen", "laat", "liet", "hoeft", "hoeven"}))
      return false;
    if (k == 0 || tokens[k].sentence_start) return true;
  }
}

// Words that open the sentences some rules look for, found with the token's hash: one probe
// turns away nearly every sentence start, where comparing with each word cost more.
enum class Opening : std::uint8_t { none, how, who_knows, condition };

Opening opening(const Token& t) {
  static const classify::WordTable<Opening> table = [] {
    const std::pair<std::string_view, Opening> words[] = {
        {"how", Opening::how}, {"hoe", Opening::how}, {"wie", Opening::how}, {"come", Opening::how},
        {"comment", Opening::how}, {"como", Opening::how}, {"does", Opening::who_knows}, {"do", Opening::who_knows},
        {"anyone", Opening::who_knows}, {"anybody", Opening::who_knows}, {"weet", Opening::who_knows},
        {"weiss", Opening::who_knows}, {"qualcuno", Opening::who_knows}, {"quelqu'un", Opening::who_knows},
        {"alguien", Opening::who_knows}, {"if", Opening::condition}, {"als", Opening::condition},
        {"indien", Opening::condition}, {"wenn", Opening::condition}, {"falls", Opening::condition},
        {"se", Opening::condition}, {"si", Opening::condition},
        // A fronted purpose is read as a condition: "To avoid the queue, book online."
        {"to", Opening::condition}, {"om", Opening::condition}, {"um", Opening::condition},
        {"per", Opening::condition}, {"pour", Opening::condition}, {"para", Opening::condition}};
    classify::WordTable<Opening> t(std::size(words));
    for (const auto& [word, kind] : words) t.insert(word, kind);
    return t;
  }();
  return t.kind == TokenKind::word ? table.find(t.hash, t.folded) : Opening::none;
}

// "not only good but cheap", "nothing but praise", "niets dan lof", "nichts als Lob", "ne ...
// que", "nada sino": a negation followed by "only" or an exception word restricts rather than
// negates, and turns nothing.
bool negation_restricts(const std::vector<Token>& tokens, std::size_t after) {
  return after < tokens.size() &&
         folded_in(tokens[after], {"only", "just", "but", "except", "alleen", "enkel", "slechts", "dan", "als",
                                   "behalve", "solo", "soltanto", "solamente", "che", "tranne", "nur", "bloss",
                                   "ausser", "seulement", "que", "sauf", "sino", "salvo", "excepto"});
}

// "no doubt the best", "zonder twijfel", "ohne Zweifel", "senza ombra di dubbio", "sans aucun
// doute", "sin lugar a dudas", "without hesitation": a negation of doubt or hesitation is
// certainty, and turns nothing after it.
bool negation_of_doubt(const std::vector<Token>& tokens, std::size_t after) {
  for (std::size_t k = after; k < tokens.size() && k < after + 3; ++k) {
    if (folded_in(tokens[k], {"doubt", "doubts", "hesitation", "hesitating", "twijfel", "aarzelen", "zweifel",
                              "zogern", "dubbio", "dubbi", "esitazione", "esitare", "esitazioni", "doute",
                              "doutes", "hesiter", "duda", "dudas", "dudarlo", "dudar", "vacilar"}))
      return true;
    if (!folded_in(tokens[k], {"a", "any", "the", "een", "enige", "jeden", "jeglichen", "zu", "alcun", "alcuno",
                               "alcuna", "ombra", "di", "aucun", "aucune", "ningun", "ninguna", "lugar"}))
      return false;
  }
  return false;
}

// "never been so disgusted", "nog nooit zo slecht", "mai così male", "noch nie so schlecht",
// "jamais aussi mauvais", "nunca tan malo": "never" with a degree word says the cue is the most
// it has ever been; the cue keeps its class (and the degree word intensifies it).
bool never_so(const std::vector<Token>& tokens, std::size_t negation, std::size_t from, std::size_t to) {
  if (!folded_in(tokens[negation], {"never", "nooit", "mai", "nie", "niemals", "jamais", "nunca"})) return false;
  for (std::size_t k = from; k < to; ++k)
    if (folded_in(tokens[k], {"so", "such", "zo", "zo'n", "zulk", "zulke", "cosi", "tanto", "tale", "solch",
                              "solche", "solchen", "aussi", "si", "tellement", "tan", "tal"}))
      return true;
  return false;
}

// "Great, another delay", "Geweldig hoor, weer vertraging", "Na super, wieder Verspätung",
// "Bravo, encore un retard", "Genial, otro retraso": praise that opens a sentence and is
// answered at once by "another" or "again" mocks what follows; so does praise said on its
// own ("Great, my train is cancelled again") in a sentence with an "again" anywhere.
struct Mockery {
  std::size_t from = 0;   // where the mocked complaint may start (byte offset); 0: no mockery
  std::size_t again = 0;  // where the "again" word starts: it is no complaint of its own here
};

Mockery sarcastic_opening(const std::vector<Token>& tokens, const Match& m) {
  const std::size_t first = m.first;
  // Interjections and "how" may come first: "Oh great", "Ma che bello", "Na toll".
  std::size_t start = first;
  while (!tokens[start].sentence_start && start > 0 && start + 2 >= first &&
         folded_in(tokens[start - 1], {"oh", "ah", "na", "nou", "wow", "ma", "ach", "well", "ja", "che", "how", "hoe",
                                       "wie", "que"}))
    --start;
  if (!tokens[start].sentence_start) return {};
  // Looked up by hash: the words of a whole sentence may be asked.
  static const classify::WordTable<bool> again_words = [] {
    const std::string_view words[] = {"again", "another", "weer", "alweer", "opnieuw", "wieder", "erneut",
                                      "nochmal", "ancora", "altro", "altra", "nuovo", "encore", "autre",
                                      "nouveau", "otro", "otra", "nuevo"};
    classify::WordTable<bool> t(std::size(words));
    for (std::string_view w : words) t.insert(w, true);
    return t;
  }();
  const auto again = [&](std::size_t k) {
    return tokens[k].kind == TokenKind::word && again_words.find(tokens[k].hash, tokens[k].folded);
  };
  for (std::size_t k = m.last + 1; k < tokens.size() && k <= m.last + 4; ++k) {
    if (again(k)) return {tokens[k].end, tokens[k].begin};
    const bool between = tokens[k].kind == TokenKind::punct
                             ? (tokens[k].folded == "," || tokens[k].folded == "!" || tokens[k].folded == "." ||
                                tokens[k].folded == ":")
                             : folded_in(tokens[k], {"hoor", "he", "hein", "eh", "ja", "zeg", "joh", "really",
                                                     "just", "davvero", "vraiment", "wirklich", "echt", "doch",
                                                     "yet", "un", "une", "una", "uno", "ein", "eine", "einen",
                                                     "een", "a", "di", "de", "noch", "schon", "mal", "nog"});
    if (!between) break;
  }
  // Praise said on its own, then an "again" before the sentence ends.
  if (m.last + 1 < tokens.size() && tokens[m.last + 1].kind == TokenKind::punct &&
      (tokens[m.last + 1].folded == "," || tokens[m.last + 1].folded == "!")) {
    for (std::size_t k = m.last + 2; k < tokens.size() && !tokens[k].sentence_start; ++k) {
      if (tokens[k].kind == TokenKind::punct && (tokens[k].folded == "." || tokens[k].folded == "?")) break;
      if (again(k)) return {tokens[m.last + 1].end, tokens[k].begin};
    }
  }
  return {};
}

// "How do I cancel?", "Hoe kan ik opzeggen?", "Wie kann ich kündigen?", "Come faccio a
// disdire?", "Comment puis-je annuler ?", "¿Cómo puedo cancelar?": asking how to do something
// asks for help with it. The writer must be the one doing it ("How can you charge me
// twice?" and "Hoe kan het dat ..." complain), so English, Dutch and German need a first
// person; the Italian, French and Spanish verbs carry it. Asking whether anyone knows counts
// the same.
bool asks_how_to(const std::vector<Token>& tokens, std::size_t at) {
  if (!tokens[at].sentence_start || at + 1 >= tokens.size()) return false;
  const Token& how = tokens[at];
  const Token& verb = tokens[at + 1];
  const Opening kind = opening(how);
  if (kind != Opening::how && kind != Opening::who_knows) return false;  // most sentences
  // "Does anyone know if there is an outage?", "Weet iemand of er een storing is?": what
  // others are asked about is no grievance either.
  if (kind == Opening::who_knows) {
    if (folded_in(how, {"does", "do"}))
      return at + 2 < tokens.size() && folded_in(verb, {"anyone", "anybody", "somebody", "someone"}) &&
             folded_in(tokens[at + 2], {"know"});
    if (folded_in(how, {"anyone", "anybody"})) return folded_in(verb, {"know"});
    return folded_in(verb, {"iemand", "jemand", "sa", "sait", "sabe"});  // "weet iemand", "qualcuno sa"
  }
  const auto person = [&] {
    return at + 2 < tokens.size() && folded_in(tokens[at + 2], {"i", "we", "ik", "wij", "ich", "wir", "man"});
  };
  if (folded_in(how, {"how"})) return folded_in(verb, {"do", "can", "could", "should", "would", "may"}) && person();
  if (folded_in(how, {"hoe"})) return folded_in(verb, {"kan", "kunnen", "moet", "moeten", "zou", "zouden"}) && person();
  if (folded_in(how, {"wie"})) return folded_in(verb, {"kann", "konnen", "muss", "mussen", "soll", "sollen"}) && person();
  if (folded_in(how, {"come"})) return folded_in(verb, {"faccio", "posso", "possiamo", "devo", "dobbiamo", "facciamo"});
  if (folded_in(how, {"comment"}))
    return folded_in(verb, {"puis-je", "dois-je", "peut-on", "pouvons-nous", "devons-nous", "faire", "fait"});
  if (folded_in(how, {"como"})) return folded_in(verb, {"puedo", "podemos", "hago", "hacemos", "debo", "debemos"});
  return false;
}

// "couldn't be more disappointed", "could not be more helpful": "could not" with "more"
// says the cue is the most there is; it keeps its class. Whether the negation at `negation`
// is a "could not".
bool could_not(const std::vector<Token>& tokens, std::size_t negation) {
  return folded_in(tokens[negation], {"couldn't", "couldnt", "can't", "cant", "cannot"}) ||
         (negation > 0 && folded_in(tokens[negation], {"not"}) && folded_in(tokens[negation - 1], {"could", "can"}));
}

bool more_between(const std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  for (std::size_t k = from; k < to; ++k)
    if (folded_in(tokens[k], {"more"})) return true;
  return false;
}

// Emoji and emoticons say how the writer feels about the whole; a negation before them does
// not turn them ("no email today :(").
bool beyond_negation(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t k = first; k <= last; ++k)
    if (tokens[k].kind != TokenKind::emoji && tokens[k].kind != TokenKind::emoticon) return false;
  return true;
}

// "although the room was small, ...", "obwohl", "hoewel", "anche se", "bien que", "aunque",
// and the exceptions "except", "behalve", "eccetto", "außer", "sauf", "salvo": such a contrast
// opens the weaker clause, and what is said outside it is the point.
bool concessive(const std::vector<Token>& tokens, const Match& m) {
  return folded_in(tokens[m.first], {"although", "though", "hoewel", "ofschoon", "anche", "sebbene", "benche",
                                     "nonostante", "obwohl", "obgleich", "bien", "quoique", "aunque", "except",
                                     "behalve", "eccetto", "ausser", "sauf", "excepto", "salvo"});
}

// The token after the clause that starts at `from`: up to a comma, stop or line break.
std::size_t clause_end(const std::vector<Token>& tokens, std::size_t from) {
  std::size_t k = from;
  while (k < tokens.size() && !(tokens[k].kind == TokenKind::punct && tokens[k].folded != "'")) ++k;
  return k;
}

struct Workspace {
  std::vector<Token> tokens;
  std::string store;
  std::vector<Match> matches;
  std::vector<bool> negation_word;
  std::vector<KeyHashes> hashes;
};

Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

std::string_view text_of(std::string_view text, std::size_t b, std::size_t e) {
  return text.substr(b, e - b);
}

// Equal but for ASCII case: "You" and "you" are the same cue.
bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

struct Reading {
  std::vector<Cue> cues;
  bool addressed = false;  // opens with @handles: it speaks to the brand or a person
  bool heated = false;
  bool delicate = false;
  bool rhetorical = false;
  std::string_view detected_lang;  // when no language was given
};

// `cues` lends its capacity: a caller that classifies many texts passes the last one's.
Reading read(std::string_view text, std::string_view lang, std::vector<Cue> cues = {}) {
  Workspace& w = workspace();
  classify::tokenize(text, w.tokens, w.store);
  // Unknown language: detect it; failing that, every language's entries are tried.
  const std::string_view detected = lang.empty() ? classify::detect_language(w.tokens, text) : "";
  const Lexicon& lex = classify::reading_lexicon(lang.empty() ? detected : lang);
  w.hashes.clear();
  for (const Token& t : w.tokens) w.hashes.push_back(key_hashes(t));
  // "Also, try ...": after an opener (and its comma) the next word still starts the sentence.
  // "If ..., ask for ...": the word after a fronted condition's comma may be an imperative.
  // One pass, forwards, so that an opener's next word is a start by the time it is looked at.
  bool may_ask_how = false;  // some sentence opens like a how-to or who-knows question
  for (std::size_t i = 0; i + 1 < w.tokens.size(); ++i) {
    const Token& t = w.tokens[i];
    if (!t.sentence_start) continue;
    const Opening opens = opening(t);
    may_ask_how = may_ask_how || opens == Opening::how || opens == Opening::who_knows;
    if (is_opener(lex, t.folded, w.hashes[i][0])) {
      std::size_t next = i + 1;
      while (next < w.tokens.size() && w.tokens[next].kind == TokenKind::punct && w.tokens[next].folded == ",") ++next;
      if (next < w.tokens.size() && w.tokens[next].kind == TokenKind::word) w.tokens[next].sentence_start = true;
    }
    if (opens != Opening::condition) continue;
    // To the first mark (an opener such as Spanish "si" may have marked the next word a start).
    std::size_t k = i + 1;
    while (k < w.tokens.size() && w.tokens[k].kind != TokenKind::punct) ++k;
    if (k + 1 < w.tokens.size() && w.tokens[k].folded == "," && w.tokens[k + 1].kind == TokenKind::word)
      w.tokens[k + 1].after_condition = true;
  }
  const std::vector<Token>& tokens = w.tokens;

  w.matches.clear();
  // Cues are matched longest first and do not overlap; markers (negation, contrast, …) are
  // looked for at every word, inside cues too, and come before the cue at the same place.
  std::size_t covered = 0;  // tokens before this belong to a cue already
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Match cue{nullptr, 0, 0}, marker{nullptr, 0, 0};
    longest_at(lex, tokens, w.hashes, i, cue, marker);
    if (marker.entry) w.matches.push_back(marker);
    if (cue.entry && i >= covered) {
      w.matches.push_back(cue);
      covered = cue.last + 1;
    }
  }

  Reading r;
  r.detected_lang = detected;
  r.cues = std::move(cues);
  r.cues.clear();
  bool addressed = false;  // the post opens with @handles: it speaks to the brand
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::handle) addressed = true;
    if (t.kind != TokenKind::handle && !(t.kind == TokenKind::word && t.folded == "rt")) break;
  }
  std::size_t shouted_words = 0, words = 0;
  // Whether any sentence asks how to do something, and whether any asks at all: the rules
  // for them look no further in texts that do neither, most of them.
  bool any_how_to = false, any_question_mark = false;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::punct) any_question_mark = any_question_mark || t.folded[0] == '?';
    if (t.kind != TokenKind::word) continue;
    ++words;
    shouted_words += t.caps;
    if (t.sentence_start && may_ask_how && !any_how_to) any_how_to = asks_how_to(tokens, k);
  }
  const bool all_caps = words >= 4 && shouted_words * 2 > words;
  r.addressed = addressed;

  // A negation or intensifier reaches only within its clause.
  const auto same_clause = [&](std::size_t from, std::size_t to) { return clause_end(tokens, from) >= to; };
  const auto words_between = [&](std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t k = from; k < to; ++k) n += tokens[k].kind == TokenKind::word;
    return n;
  };
  // Negation words, by token: a complaint cue that holds one ("still not", "zelfs geen",
  // "sigo sin") already says what is missing and is not turned round by another negation.
  std::vector<bool>& negation_word = w.negation_word;
  negation_word.assign(tokens.size(), false);
  for (const Match& m : w.matches)
    if (m.entry->kind == Kind::negation)
      for (std::size_t k = m.first; k <= m.last; ++k) negation_word[k] = true;
  const auto holds_negation = [&](const Match& m) {
    for (std::size_t k = m.first; k <= m.last; ++k)
      if (negation_word[k]) return true;
    return false;
  };
  std::size_t negation_end = SIZE_MAX, negation_begin = 0, intensifier_end = SIZE_MAX;
  std::size_t negation_cue = SIZE_MAX;  // the cue the negation word itself made, if any
  bool negation_in_complaint = false;   // the negation is part of a longer complaint cue
  bool negation_could = false;          // it is a "could not" ("could not be more helpful")
  std::size_t last_contrast_cue = SIZE_MAX;  // cues before this index sit before a "but"
  std::size_t rhetorical_end = SIZE_MAX;     // the token after the last "why"
  Match restricting{nullptr, 0, 0};          // the last negation that turned nothing
  std::size_t concessive_begin = SIZE_MAX, concessive_end = SIZE_MAX;  // "although ..." clause
  struct Sarcasm {
    std::size_t praise;  // where the praise cue starts
    Mockery mockery;
  };
  std::vector<Sarcasm> sarcasm;
  // Whether token `at` is in a "How do I ..." sentence; asked for tokens in order.
  std::size_t how_to_begin = SIZE_MAX, how_to_end = 0, how_to_seen = 0;
  const auto in_how_to = [&](std::size_t at) {
    if (!any_how_to) return false;
    for (; how_to_seen <= at; ++how_to_seen) {
      if (!tokens[how_to_seen].sentence_start || !asks_how_to(tokens, how_to_seen)) continue;
      std::size_t end = how_to_seen + 1;
      bool exclaimed = false;  // "How do I cancel this?!" is exasperated, not asking
      for (; end < tokens.size() && !tokens[end].sentence_start; ++end)
        exclaimed = exclaimed || (tokens[end].kind == TokenKind::punct && tokens[end].folded == "!");
      if (exclaimed) continue;
      how_to_begin = how_to_seen;
      how_to_end = end;
    }
    return at >= how_to_begin && at < how_to_end;
  };
  for (const Match& m : w.matches) {
    const Entry& e = *m.entry;
    switch (e.kind) {
      case Kind::negation:
        // "why not fix it" proposes; "not only", "nothing but" restrict; "no doubt" is sure:
        // none of them negates.
        if (m.first == rhetorical_end || negation_restricts(tokens, m.last + 1) ||
            negation_of_doubt(tokens, m.last + 1)) {
          restricting = m;  // and is no complaint cue of its own
          continue;
        }
        negation_begin = m.first;
        negation_end = m.last + 1;
        negation_cue = SIZE_MAX;
        negation_could = could_not(tokens, m.first);
        // "toujours pas reçu mon colis": the negation belongs to the complaint cue it sits
        // in; the cues after it are no less a complaint for it.
        // The cue may come before or after the negation among matches of the same start
        // ("doesn't" and "doesn't work" both start at "doesn't"), so all are looked at.
        negation_in_complaint = std::any_of(w.matches.begin(), w.matches.end(), [&](const Match& c) {
          return c.first <= m.first && m.last <= c.last && c.last > c.first &&
                 (c.entry->kind == Kind::complaint || c.entry->kind == Kind::profanity);
        });
        continue;
      case Kind::intensifier:
        intensifier_end = m.last + 1;
        continue;
      case Kind::contrast:
        if (concessive(tokens, m)) {
          concessive_begin = m.last + 1;
          concessive_end = clause_end(tokens, m.last + 1);
          continue;
        }
        last_contrast_cue = r.cues.size();
        negation_end = intensifier_end = SIZE_MAX;
        continue;
      case Kind::delicate:
        r.delicate = true;
        continue;
      case Kind::rhetorical:
        r.rhetorical = true;
        rhetorical_end = m.last + 1;
        continue;
      case Kind::profanity:
        r.heated = true;
        break;
      default:
        break;
    }
    if (e.kind == Kind::complaint && restricting.entry && m.first == restricting.first && m.last == restricting.last)
      continue;
    Label label = e.kind == Kind::profanity ? Label::complaint : static_cast<Label>(e.kind);
    float weight = e.weight;
    std::size_t begin = tokens[m.first].begin;
    const std::size_t end = tokens[m.last].end;
    bool negated = negation_end != SIZE_MAX && m.first >= negation_end &&
                         words_between(negation_end, m.first) < kNegationReach &&
                         same_clause(negation_end, m.first) &&
                         !(label == Label::complaint && (negation_in_complaint || holds_negation(m))) &&
                         !beyond_negation(tokens, m.first, m.last);
    // The negation is spent on this cue: it no longer counts on its own.
    const auto spend_negation = [&] {
      negation_end = SIZE_MAX;
      if (negation_cue != SIZE_MAX) {
        r.cues.erase(r.cues.begin() + static_cast<std::ptrdiff_t>(negation_cue));
        if (last_contrast_cue != SIZE_MAX && last_contrast_cue > negation_cue) --last_contrast_cue;
      }
      negation_cue = SIZE_MAX;
    };
    // It reaches further than a negation: "could not have been more helpful".
    if (negation_could && negation_end != SIZE_MAX && m.first >= negation_end &&
        words_between(negation_end, m.first) <= kNegationReach + 1 && same_clause(negation_end, m.first) &&
        more_between(tokens, negation_end, m.first)) {
      spend_negation();  // "could not be more helpful": the most there is, and no complaint
      negated = false;
    }
    if (negated && never_so(tokens, negation_begin, negation_end, m.first)) {
      negation_end = SIZE_MAX;  // "never so bad": the worst yet, still bad
      negated = false;
    }
    if (negated && (label == Label::praise || label == Label::complaint)) {
      weight *= label == Label::praise ? kNegatedPraise : kNegatedComplaint;
      label = label == Label::praise ? Label::complaint : Label::praise;
      begin = tokens[negation_begin].begin;
      spend_negation();
    }
    if (intensifier_end != SIZE_MAX && m.first >= intensifier_end &&
        words_between(intensifier_end, m.first) < kIntensifierReach &&
        same_clause(intensifier_end, m.first)) {
      weight *= kIntensified;
      intensifier_end = SIZE_MAX;
    }
    bool shouted = false;
    for (std::size_t k = m.first; k <= m.last; ++k)
      shouted = shouted || (tokens[k].caps && !all_caps) || !tokens[k].collapsed.empty();
    if (m.last + 1 < tokens.size() && tokens[m.last + 1].kind == TokenKind::punct &&
        tokens[m.last + 1].folded == "!" && tokens[m.last + 1].caps)
      shouted = true;
    if (shouted) weight *= kShouted;
    if (m.first >= concessive_begin && m.first < concessive_end) weight *= kBeforeContrast;
    if (label == Label::complaint && in_how_to(m.first)) weight *= kAskedAbout;
    if (label == Label::expert_tip && addressed) weight *= kAddressedTip;
    if (negation_end == m.last + 1 && negation_begin == m.first) negation_cue = r.cues.size();
    if (label == Label::praise && !negated)
      if (const Mockery mock = sarcastic_opening(tokens, m); mock.from) sarcasm.push_back({begin, mock});
    r.cues.push_back({label, text_of(text, begin, end), begin, end, weight});
  }
  // A sarcastic opening counts as the complaint it mocks, once a complaint follows it.
  for (const Sarcasm& s : sarcasm) {
    const bool mocked = std::any_of(r.cues.begin(), r.cues.end(), [&](const Cue& c) {
      return c.label == Label::complaint && c.begin >= s.mockery.from && c.begin != s.mockery.again;
    });
    for (Cue& c : r.cues)
      if (mocked && c.begin == s.praise && c.label == Label::praise) c.label = Label::complaint;
  }
  if (last_contrast_cue != SIZE_MAX) {
    for (std::size_t k = 0; k < r.cues.size(); ++k)
      r.cues[k].weight *= k < last_contrast_cue ? kBeforeContrast : kAfterContrast;
  }

  // "Want quiet? Then ask for ...", "Wil je rust? Vraag dan ...", "Ruhe gesucht? Dann frag
  // ...": a question answered at once by a sentence that opens with "then" is the condition
  // of advice. Its question cues count less, and the "then" is a tip cue.
  for (std::size_t k = 1; any_question_mark && k + 1 < tokens.size(); ++k) {
    if (tokens[k].kind != TokenKind::punct || tokens[k].folded != "?" || !tokens[k + 1].sentence_start) continue;
    const auto then_word = [&](std::size_t t) {
      return t < tokens.size() && folded_in(tokens[t], {"then", "dan", "dann", "allora", "alors", "entonces"});
    };
    const std::size_t then = then_word(k + 1) ? k + 1 : then_word(k + 2) && tokens[k + 1].kind == TokenKind::word ? k + 2 : 0;
    if (then == 0) continue;
    std::size_t begin = k, end = k + 1;
    while (begin > 0 && !tokens[begin].sentence_start) --begin;
    // To the mark that ends the advice ("Dan" is an opener: the word after it starts anew).
    while (end + 1 < tokens.size() &&
           !(tokens[end].kind == TokenKind::punct && (tokens[end].folded == "." || tokens[end].folded == "!" ||
                                                      tokens[end].folded == "?")))
      ++end;
    // The advice itself asks nothing either ("Dan moet je ..."), unless it ends in "?".
    const std::size_t last = tokens[end].kind == TokenKind::punct && tokens[end].folded == "?" ? k : end;
    for (Cue& c : r.cues)
      if (c.label == Label::question && c.begin >= tokens[begin].begin && c.end <= tokens[last].end) c.weight *= kCondition;
    r.cues.push_back({Label::expert_tip, text_of(text, tokens[then].begin, tokens[then].end), tokens[then].begin,
                      tokens[then].end, kThenAdvice});
  }
  // Paths through settings menus are instructions: "Settings > Network > Wi-Fi".
  for (std::size_t k = 1; k + 1 < tokens.size(); ++k) {
    if (tokens[k].kind != TokenKind::punct || tokens[k].folded != ">") continue;
    if (tokens[k - 1].kind != TokenKind::word || tokens[k + 1].kind != TokenKind::word) continue;
    std::size_t b = k - 1, e = k + 1;
    while (e + 2 < tokens.size() && tokens[e + 1].folded == ">" && tokens[e + 2].kind == TokenKind::word)
      e += 2;
    r.cues.push_back({Label::expert_tip, text_of(text, tokens[b].begin, tokens[e].end),
                      tokens[b].begin, tokens[e].end, kSettingsPath});
    k = e;
  }
  // Shared links and retweets pass news on rather than ask or complain.
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].kind == TokenKind::url) {
      r.cues.push_back({Label::other, text_of(text, tokens[k].begin, tokens[k].end),
                        tokens[k].begin, tokens[k].end, kLink});
      break;
    }
  }
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::hashtag) continue;
    r.cues.push_back({Label::other, text_of(text, t.begin, t.end), t.begin, t.end, kHashtag});
    break;
  }
  if (tokens.size() > 1 && tokens[0].kind == TokenKind::word && tokens[0].folded == "rt" &&
      tokens[1].kind == TokenKind::handle)
    r.cues.push_back({Label::other, text_of(text, tokens[0].begin, tokens[0].end),
                      tokens[0].begin, tokens[0].end, kRetweet});
  std::size_t exclamations = 0;
  for (const Token& t : tokens) exclamations += t.kind == TokenKind::punct && t.folded == "!" && t.caps;
  if (all_caps || exclamations >= 2) r.heated = true;
  std::sort(r.cues.begin(), r.cues.end(), [](const Cue& a, const Cue& b) { return a.begin < b.begin; });
  return r;
}

}  // namespace

std::string_view label_name(Label l) {
  switch (l) {
    case Label::complaint: return "complaint";
    case Label::question: return "question";
    case Label::praise: return "praise";
    case Label::expert_tip: return "expert-tip";
    case Label::other: return "other";
  }
  return "other";
}

std::optional<Label> label_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kLabels; ++i) {
    const auto l = static_cast<Label>(i);
    if (label_name(l) == name) return l;
  }
  return std::nullopt;
}

std::vector<Cue> find_cues(std::string_view text, std::string_view lang) {
  return read(text, lang).cues;
}

Analysis analyze(std::string_view text, std::string_view lang) {
  Analysis a;
  analyze(text, lang, a);
  return a;
}

void analyze(std::string_view text, std::string_view lang, Analysis& a) {
  Reading r = read(text, lang, std::move(a.cues));
  std::array<double, kLabels> raw = kBias;
  // The same cue said twice ("you ... you") is one piece of evidence, not two.
  for (std::size_t i = 0; i < r.cues.size(); ++i) {
    const Cue& c = r.cues[i];
    bool repeated = false;
    for (std::size_t j = 0; j < i && !repeated; ++j)
      repeated = r.cues[j].label == c.label && same_ignoring_case(r.cues[j].cue, c.cue);
    if (!repeated) raw[static_cast<std::size_t>(c.label)] += c.weight;
  }
  if (r.addressed) raw[static_cast<std::size_t>(Label::expert_tip)] += kAddressedTipPrior;
  auto& complaint = raw[static_cast<std::size_t>(Label::complaint)];
  auto& question = raw[static_cast<std::size_t>(Label::question)];
  // "Why does it never work?" asks nothing: the question's weight goes to the complaint.
  if (r.rhetorical && complaint > 0 && question > 0) {
    complaint += question;
    question = 0;
  }
  // A complaint often ends in a question ("... can you help?"); the grievance is what needs
  // the answer, so plain question marks weigh less once there is one.
  const std::size_t c = static_cast<std::size_t>(Label::complaint), q = static_cast<std::size_t>(Label::question);
  if (complaint - kBias[c] >= kComplaintOverQuestion) question = kBias[q] + (question - kBias[q]) * kQuestionWithComplaint;
  const double top = *std::max_element(raw.begin(), raw.end());
  double sum = 0;
  for (std::size_t i = 0; i < kLabels; ++i) sum += (a.scores[i] = std::exp(raw[i] - top));
  for (double& s : a.scores) s /= sum;
  const auto best = std::max_element(a.scores.begin(), a.scores.end());
  a.label = static_cast<Label>(best - a.scores.begin());
  a.confidence = calibrated(*best);
  a.cues = std::move(r.cues);
  a.heated = r.heated;
  a.delicate = r.delicate;
  a.detected_lang = r.detected_lang;
}

}  // namespace hark
