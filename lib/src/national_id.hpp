#pragma once

#include <string_view>

namespace hark {

// What may stand between a number's name and the number: up to two of "nr", "no.", "#", ":"
// or "is", as in "mijn klantnummer is 123456" or "mijn BSN is ...". A regular expression,
// shared by the patterns that find a number by its name. RE2's \b knows only ASCII word
// characters, so "è", "n°" and "nº" go without one ("è\b" before a space never matched).
inline constexpr std::string_view kAfterNumberName =
    R"(\b[\s.:#°=-]*(?:(?:(?:nr|no|n|number|nummer|numero|número|numéro|is|ist|es|est|lautet)\b|è|n°|nº)[\s.:#°=-]*){0,2})";

// Whether `text` holds a national identity or tax number, checked as each country checks it:
// a Dutch BSN (after "BSN" or "burgerservicenummer", eleven-test), an Italian codice fiscale
// (check letter), a Spanish DNI or NIE (check letter), a French NIR (key 97), a German
// Steuer-ID (after "Steuer-ID", ISO 7064 check digit), a US social security number or a UK
// National Insurance number (after their names; they have no check digit).
// `digits` and `longest_run` are the text's count of digits and its longest run of them,
// which the caller has: each kind is only looked for when the text has digits enough for it.
bool has_national_id(std::string_view text, std::size_t digits, std::size_t longest_run);

}  // namespace hark
