#include "hark/advice.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "national_id.hpp"
#include "swar.hpp"

namespace hark {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// ISO 13616: move the first four characters to the end, read letters as 10..35, and the
// number must leave 1 when divided by 97. Done piecewise so no big integers are needed.
bool iban_checksum_ok(std::string_view candidate) {
  std::string iban;
  for (char c : candidate)
    if (c != ' ') iban.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  if (iban.size() < 15 || iban.size() > 34) return false;
  const std::string moved = iban.substr(4) + iban.substr(0, 4);
  int rest = 0;
  for (char c : moved) {
    if (digit(c)) {
      rest = (rest * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      rest = (rest * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return rest == 1;
}

// A run of digits and separators is a phone number when its shape says so: international
// (+ or 00) with 8 to 15 digits, a national number with trunk prefix 0 and 9 to 12 digits,
// an Italian (3xx) or Spanish (6xx, 7xx, 9xx) number grouped as such, or a North American
// 3-3-4 number. Dates and numbers with decimals do not qualify.
bool looks_like_phone(std::string_view s) {
  static const RE2 date(R"((?:^|\D)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2})(?:\D|$))");
  if (RE2::PartialMatch(s, date)) return false;
  std::size_t digits = 0;
  for (char c : s) digits += digit(c);
  if (s.front() == '+') return digits >= 8 && digits <= 15;
  std::string_view d = s;
  while (!d.empty() && (d.front() == '(')) d.remove_prefix(1);
  if (d.substr(0, 2) == "00") return digits >= 10 && digits <= 15;
  if (d.front() == '0') return digits >= 9 && digits <= 12;
  static const RE2 italian_mobile(R"(3\d{2}[ .-]?\d{3}[ .-]?\d{3,4})");
  static const RE2 spanish(R"([6-9]\d{2}[ .-]\d{2,3}[ .-]\d{2,3}(?:[ .-]\d{2})?)");
  static const RE2 north_american(R"(\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]\d{4})");
  return RE2::FullMatch(s, italian_mobile) || (digits == 9 && RE2::FullMatch(s, spanish)) ||
         RE2::FullMatch(s, north_american);
}

bool has_phone(std::string_view text) {
  // Candidates: a digit run with separators, not glued to letters or currency.
  static const RE2 candidate(R"((?:^|[^\w€$£.,/-])(\+?\(?\d[\d ()./-]{6,22}\d)(?:[^\w€$£%]|$))");
  static const RE2 price_or_unit(R"(^\s*(?:€|\$|£|eur|euro|usd|%|km|kg|mb|gb))");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, candidate, &match)) {
    std::string_view s(match.data(), match.size());
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    const std::size_t after = static_cast<std::size_t>(match.data() + match.size() - text.data());
    if (RE2::PartialMatch(text.substr(after, 6), price_or_unit)) continue;
    if (looks_like_phone(s)) return true;
  }
  return false;
}

bool email_local(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}

bool email_domain(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c == '-'; }

bool has_email(std::string_view text) {
  static const RE2 email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})");
  // Most "@" start a handle ("@brand", " @brand"): the pattern needs a name byte on either
  // side, and checking that first spares most texts the regex search.
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1))
    if (at > 0 && at + 1 < text.size() && email_local(text[at - 1]) && email_domain(text[at + 1]))
      return RE2::PartialMatch(text, email);
  return false;
}

// Two letters, two check digits, then groups of four (spaces optional), as printed.
const RE2& iban_shape() {
  static const RE2 iban(R"(\b([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)\b)");
  return iban;
}

bool has_iban(std::string_view text) {
  const RE2& iban = iban_shape();
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, iban, &match))
    if (iban_checksum_ok(std::string_view(match.data(), match.size()))) return true;
  return false;
}

// Payment cards: 13 to 19 digits, in groups or not, from the issuers' first digits (2 to 6),
// and a valid Luhn check digit: doubling every second digit from the right, the sum is a
// multiple of 10.
bool has_card_number(std::string_view text) {
  static const RE2 card(R"(\b([2-6](?:[ -]?\d){12,18})\b)");
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, card, &match)) {
    // Part of a longer number ("order 123-4567890-1234567") is no card number.
    const std::size_t begin = static_cast<std::size_t>(match.data() - text.data()), end = begin + match.size();
    const auto separator = [](char c) { return c == ' ' || c == '-'; };
    if ((begin >= 2 && separator(text[begin - 1]) && digit(text[begin - 2])) ||
        (end + 1 < text.size() && separator(text[end]) && digit(text[end + 1])))
      continue;
    int sum = 0;
    bool twice = false;
    for (std::size_t i = match.size(); i-- > 0;) {
      if (!digit(match[i])) continue;
      int d = match[i] - '0';
      if (twice && (d *= 2) > 9) d -= 9;
      sum += d;
      twice = !twice;
    }
    if (sum % 10 == 0) return true;
  }
  return false;
}

bool ascii_letter(char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

// Whether the digit at `k` has the neighbours every branch of the address pattern needs
// around a house number or postcode: before it a space after a letter, comma or dot ("straat
// 12", "Mayor, 3", "str. 5") or "n." ("n.12"); after it a letter, after a space or ", " or
// straight on in upper case ("12 rue", "1234AB"). Bytes from 0x80 may end a letter. Most
// digits in mentions (prices, times, dates) have neither, which spares the regex search.
bool address_shaped_digit(std::string_view text, std::size_t k) {
  if (k >= 2) {
    const char p1 = text[k - 1], p2 = text[k - 2];
    if (p1 == ' ' && (ascii_letter(p2) || p2 == ',' || p2 == '.' || static_cast<unsigned char>(p2) >= 0x80))
      return true;
    if (p1 == '.' && (p2 | 0x20) == 'n') return true;
  }
  const std::size_t n = text.size();
  if (k + 1 < n) {
    const char a1 = text[k + 1];
    if (a1 >= 'A' && a1 <= 'Z') return true;
    if (k + 2 < n && a1 == ' ' && ascii_letter(text[k + 2])) return true;
    if (k + 3 < n && a1 == ',' && text[k + 2] == ' ' && ascii_letter(text[k + 3])) return true;
  }
  return false;
}

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Whether the digit at `k` could start an IBAN's check digits: two capitals before it and a
// digit after, as iban_shape needs. Few mentions have any, which spares them two searches.
bool iban_shaped_digit(std::string_view text, std::size_t k) {
  return k >= 2 && k + 1 < text.size() && ascii_upper(text[k - 1]) && ascii_upper(text[k - 2]) &&
         digit(text[k + 1]);
}

bool has_address(std::string_view text) {
  // Dutch postcode with house number ("1234 AB 12"); a street with its number in the
  // languages we read ("Dorpsstraat 12", "Hauptstraße 5", "via Roma 12", "12 rue de la Paix",
  // "calle Mayor 3", "221 Baker Street").
  static const RE2 address(
      R"((?:\b[1-9]\d{3} ?[A-Z]{2},? \d{1,4}\b)|)"
      R"((?i:\b\pL+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|hof|straße|strasse|str\.|allee|platz|gasse|damm|ring) \d{1,4}[a-z]?\b)|)"
      R"((?i:\b(?:via|viale|piazza|corso|vicolo|calle|avenida|plaza|paseo|carrer|rue|avenue|boulevard|chemin) (?:\pL+ ){0,3}?\pL+,? (?:n\. ?)?\d{1,4}\b)|)"
      R"((?i:\b\d{1,4},? (?:rue|avenue|boulevard|chemin|place|allée) )|)"
      R"((?:\b\d{1,5} (?:[A-Z]\pL+ ){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct)\b))");
  return RE2::PartialMatch(text, address);
}

// A reference number: the keyword, what may stand after a number's name, then an optional
// short letter prefix and at least four digits, or three, a hyphen and four or more ("order
// 123-4567890-1234567").
const std::string kNumberTail = std::string(kAfterNumberName) + R"([A-Z]{0,3}-?(?:\d{4,}|\d{3}-\d{4,}))";

bool has_customer_number(std::string_view text) {
  static const RE2 re(std::string(R"((?i)\b(?:klantnummer|klantnr|klant nr|lidnummer|contractnummer|kundennummer|kundennr|kunden-nr|vertragsnummer|numero cliente|codice cliente|numero contratto|numéro client|numéro de client|n° client|número de cliente|numero de cliente|customer number|customer no|customer id|account number|account no|account nr|acct))") + kNumberTail);
  return RE2::PartialMatch(text, re);
}

bool has_order_number(std::string_view text) {
  static const RE2 re(std::string(R"((?i)\b(?:ordernummer|ordernr|bestelnummer|bestelling|factuurnummer|dossiernummer|zaaknummer|bestellnummer|auftragsnummer|rechnungsnummer|buchungsnummer|sendungsnummer|numero ordine|numero d'ordine|ordine|numero pratica|numero fattura|numéro de commande|commande|numéro de dossier|número de pedido|pedido|order|ticket|case|booking|reservation|tracking number|invoice|reference|ref))") + kNumberTail);
  return RE2::PartialMatch(text, re);
}

}  // namespace

std::string_view advice_name(Advice a) {
  switch (a) {
    case Advice::respond: return "respond";
    case Advice::respond_private: return "respond-private";
    case Advice::amplify: return "amplify";
    case Advice::hold: return "hold";
    case Advice::none: return "none";
  }
  return "none";
}

std::vector<std::string_view> find_pii(std::string_view text) {
  std::vector<std::string_view> kinds;
  // Every kind needs digits or an "@"; most mentions have few and stop here. IBANs and
  // reference numbers need a run of four digits.
  std::size_t digits = 0, run = 0, longest_run = 0;
  bool address = false;  // some digit could be an address's number (address_shaped_digit)
  bool iban = false;     // some digit could follow an IBAN's country code (iban_shaped_digit)
  const auto count = [&](std::size_t k) {
    run = digit(text[k]) ? run + 1 : 0;
    digits += digit(text[k]);
    longest_run = std::max(longest_run, run);
    if (run) {
      address = address || address_shaped_digit(text, k);
      iban = iban || iban_shaped_digit(text, k);
    }
  };
  std::size_t i = 0;
  for (; swar::kEnabled && i + 8 <= text.size(); i += 8) {
    // Most eight-byte stretches of a mention hold no digit: one test passes them, ending any run.
    const std::uint64_t w = swar::load(text.data() + i);
    if ((swar::below(w, '9' + 1) & ~swar::below(w, '0')) == 0) {
      run = 0;
      continue;
    }
    for (std::size_t k = i; k < i + 8; ++k) count(k);
  }
  for (; i < text.size(); ++i) count(i);
  if (digits >= 7) {
    // The digit groups of an account number are no phone number: blank IBAN-shaped runs.
    if (iban) {
      std::string masked(text);
      RE2::GlobalReplace(&masked, iban_shape(), "IBAN");
      if (has_phone(masked)) kinds.push_back("phone");
    } else if (has_phone(text)) {
      kinds.push_back("phone");
    }
  }
  if (has_email(text)) kinds.push_back("email");
  if (iban && longest_run >= 4 && has_iban(text)) kinds.push_back("iban");
  if (digits >= 13 && has_card_number(text)) kinds.push_back("card-number");
  // Every national number has six digits or more (a National Insurance number exactly six).
  if (digits >= 6 && has_national_id(text, digits, longest_run)) kinds.push_back("national-id");
  if (address && has_address(text)) kinds.push_back("address");
  if (longest_run >= 4 && has_customer_number(text)) kinds.push_back("customer-number");
  if (longest_run >= 4 && has_order_number(text)) kinds.push_back("order-number");
  return kinds;
}

Advice advise(const Analysis& a, const std::vector<std::string_view>& pii) {
  const bool needs_answer = a.label == Label::complaint || a.label == Label::question;
  const bool worth_sharing = a.label == Label::praise || a.label == Label::expert_tip;
  // Personal data is never discussed in public, and never amplified.
  if (!pii.empty() && (needs_answer || worth_sharing)) return Advice::respond_private;
  if (a.delicate && needs_answer) return Advice::respond_private;
  // A heated post: a public reply tends to backfire, and profanity is not for sharing.
  if (a.heated) return needs_answer ? Advice::hold : Advice::none;
  if (needs_answer) return Advice::respond;
  if (worth_sharing) return Advice::amplify;
  return Advice::none;
}

}  // namespace hark
