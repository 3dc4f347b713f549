#pragma once

#include <string_view>
#include <vector>

#include "hark/classify.hpp"

namespace hark {

// What a webcare team should do with a mention (docs/classify.md, "Advice").
enum class Advice { respond, respond_private, amplify, hold, none };

// "respond", "respond-private", "amplify", "hold", "none".
std::string_view advice_name(Advice a);

// The kinds of personal data in `text`, each at most once, in this order: "phone", "email",
// "iban", "card-number", "national-id", "address", "customer-number", "order-number". Never
// the values themselves. IBANs, card numbers and national numbers count only when their check
// digits or letters are right; dates, prices and years are not phones.
std::vector<std::string_view> find_pii(std::string_view text);

// The advice for a classified mention with the personal data kinds found in it.
Advice advise(const Analysis& analysis, const std::vector<std::string_view>& pii);

}  // namespace hark
