#pragma once

#include <string_view>

namespace hark {

// Whether `text` holds a national identity or tax number, checked as each country checks it:
// a Dutch BSN (after "BSN" or "burgerservicenummer", eleven-test), an Italian codice fiscale
// (check letter), a Spanish DNI or NIE (check letter), a French NIR (key 97), a German
// Steuer-ID (after "Steuer-ID", ISO 7064 check digit), a US social security number or a UK
// National Insurance number (after their names; they have no check digit).
// `digits` and `longest_run` are the text's count of digits and its longest run of them,
// which the caller has: each kind is only looked for when the text has digits enough for it.
bool has_national_id(std::string_view text, std::size_t digits, std::size_t longest_run);

}  // namespace hark
