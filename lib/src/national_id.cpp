#include "national_id.hpp"

#include <re2/re2.h>

#include <cstdint>
#include <string>

namespace hark {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }

// The letters and digits of a match, upper case: separators carry nothing.
std::string compact(std::string_view s) {
  std::string out;
  for (char c : s)
    if (digit(c) || (upper(c) >= 'A' && upper(c) <= 'Z')) out.push_back(upper(c));
  return out;
}

// Calls `valid` on the compacted first group of every match of `re` until one is valid.
template <class Valid>
bool any_match(std::string_view text, const RE2& re, Valid valid) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  while (RE2::FindAndConsume(&input, re, &match))
    if (valid(compact(std::string_view(match.data(), match.size())))) return true;
  return false;
}

const std::string kTail(kAfterNumberName);

// Dutch BSN, eleven-test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.
bool bsn_ok(const std::string& d) {
  if (d.size() != 9 || d == "000000000") return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
  sum -= d[8] - '0';
  return sum % 11 == 0;
}

// Italian codice fiscale: the 16th character is the check letter of the first 15, whose
// characters count by one table at odd places and by their value at even ones (a digit as
// the letter of its place in the alphabet at odd places: 0 as A, 1 as B). Letters standing
// in for digits (omocodia) count as the letters they are.
bool codice_fiscale_ok(const std::string& cf) {
  if (cf.size() != 16) return false;
  static constexpr int kOdd[26] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18,
                                   20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (std::size_t i = 0; i < 15; ++i) {
    const char c = cf[i];
    const int value = digit(c) ? c - '0' : c - 'A';
    sum += i % 2 == 0 ? kOdd[value] : value;
  }
  return cf[15] == 'A' + sum % 26;
}

constexpr std::string_view kDniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

// Spanish DNI (8 digits) and NIE (X, Y or Z for 0, 1, 2, then 7 digits): the letter is the
// number modulo 23 in a fixed table.
bool dni_ok(const std::string& id) {
  std::string digits = id.substr(0, id.size() - 1);
  if (!digits.empty() && (digits[0] == 'X' || digits[0] == 'Y' || digits[0] == 'Z'))
    digits[0] = static_cast<char>('0' + (digits[0] - 'X'));
  if (digits.size() != 8) return false;
  std::uint32_t n = 0;
  for (char c : digits) {
    if (!digit(c)) return false;
    n = n * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return id.back() == kDniLetters[n % 23];
}

// French NIR: 13 characters (Corsica's departments 2A and 2B read as 19 and 18) and a key
// of 97 minus their number modulo 97.
bool nir_ok(std::string nir) {
  if (nir.size() != 15) return false;
  if (nir.compare(5, 2, "2A") == 0) nir.replace(5, 2, "19");
  if (nir.compare(5, 2, "2B") == 0) nir.replace(5, 2, "18");
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < 13; ++i) {
    if (!digit(nir[i])) return false;
    n = n * 10 + static_cast<std::uint64_t>(nir[i] - '0');
  }
  if (!digit(nir[13]) || !digit(nir[14])) return false;
  const int key = (nir[13] - '0') * 10 + (nir[14] - '0');
  return key == static_cast<int>(97 - n % 97);
}

// German Steuer-ID: 11 digits, the first not 0, the last a check digit by ISO 7064 MOD 11,10.
bool steuer_id_ok(const std::string& d) {
  if (d.size() != 11 || d[0] == '0') return false;
  int product = 10;
  for (std::size_t i = 0; i < 10; ++i) {
    int sum = (d[i] - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = sum * 2 % 11;
  }
  const int check = 11 - product == 10 ? 0 : 11 - product;
  return d[10] - '0' == check;
}

// US SSN: no area 000, 666 or 9xx, no group 00, no serial 0000.
bool ssn_ok(const std::string& d) {
  if (d.size() != 9) return false;
  const std::string area = d.substr(0, 3);
  return area != "000" && area != "666" && area[0] != '9' && d.substr(3, 2) != "00" && d.substr(5) != "0000";
}

// UK National Insurance number: two prefix letters from a restricted set, six digits, A–D.
bool nino_ok(const std::string& n) {
  if (n.size() != 9) return false;
  const std::string_view never_first = "DFIQUV", never_second = "DFIOQUV";
  if (never_first.find(n[0]) != std::string_view::npos || never_second.find(n[1]) != std::string_view::npos)
    return false;
  const std::string prefix = n.substr(0, 2);
  return prefix != "BG" && prefix != "GB" && prefix != "NK" && prefix != "KN" && prefix != "TN" &&
         prefix != "NT" && prefix != "ZZ";
}

// Whether some word is 16 letters and digits long with at least six digits, as a codice
// fiscale is: most texts have none, which spares them the pattern.
bool codice_fiscale_shaped(std::string_view text) {
  std::size_t run = 0, run_digits = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? upper(text[i]) : ' ';
    if (digit(c) || (c >= 'A' && c <= 'Z')) {
      ++run;
      run_digits += digit(c);
      continue;
    }
    if (run == 16 && run_digits >= 6) return true;
    run = run_digits = 0;
  }
  return false;
}

}  // namespace

bool has_national_id(std::string_view text, std::size_t digits, std::size_t longest_run) {
  static const RE2 bsn(R"((?i)\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer))" + kTail +
                       R"((\d{3}[. ]?\d{3}[. ]?\d{3})\b)");
  static const RE2 codice_fiscale(
      R"(\b((?i:[a-z]{6}[0-9lmnpqrstuv]{2}[abcdehlmprst][0-9lmnpqrstuv]{2}[a-z][0-9lmnpqrstuv]{3}[a-z]))\b)");
  static const RE2 dni(R"(\b((?:\d{8}|[XYZxyz]-?\d{7})-?[A-Za-z])\b)");
  static const RE2 nir(R"(\b([1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[AaBb]) ?\d{3} ?\d{3} ?\d{2})\b)");
  static const RE2 steuer_id(R"((?i)\b(?:steuer-?id|steuer-?identifikationsnummer|identifikationsnummer|idnr))" +
                             kTail + R"((\d{2} ?\d{3} ?\d{3} ?\d{3})\b)");
  static const RE2 ssn(R"((?i)\b(?:ssn|social security(?: number| no)?))" + kTail + R"((\d{3}-?\d{2}-?\d{4})\b)");
  static const RE2 nino(R"((?i)\b(?:national insurance(?: number| no)?|ni number|nino))" + kTail +
                        R"(([a-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[a-d])\b)");
  // The numbers known by their name: one search for any of the names first, as most texts
  // name none.
  static const RE2 names(R"((?i)bsn|burgerservice|sofi|steuer|identifikationsnummer|idnr|ssn|social security|national insurance|ni number|nino)");
  // A codice fiscale has 6 or 7 digits, a NINO 6, a DNI or NIE a run of 7 or 8, a BSN and
  // an SSN 9, a Steuer-ID 11, a NIR 13 and its key (14 digits in Corsica).
  if (digits >= 6 && codice_fiscale_shaped(text) && any_match(text, codice_fiscale, codice_fiscale_ok)) return true;
  if (longest_run >= 7 && any_match(text, dni, dni_ok)) return true;
  if (digits >= 14 && any_match(text, nir, nir_ok)) return true;
  if (!RE2::PartialMatch(text, names)) return false;
  return (digits >= 9 && any_match(text, bsn, bsn_ok)) || (digits >= 11 && any_match(text, steuer_id, steuer_id_ok)) ||
         (digits >= 9 && any_match(text, ssn, ssn_ok)) || any_match(text, nino, nino_ok);
}

}  // namespace hark
