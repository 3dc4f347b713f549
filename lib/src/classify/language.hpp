#pragma once

#include <string_view>
#include <vector>

#include "tokenize.hpp"

namespace hark::classify {

// detect_language over tokens already made.
std::string_view detect_language(const std::vector<Token>& tokens, std::string_view text);

}  // namespace hark::classify
