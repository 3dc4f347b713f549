#pragma once

#include <string>
#include <string_view>

namespace hark {

// Appends `s` case-folded and accent-folded (Unicode case folding, compatibility
// decomposition, combining marks dropped): "Ziggo’S Café" → "ziggo’s cafe". ASCII takes a
// fast path; invalid UTF-8 bytes become U+FFFD.
void append_folded(std::string& out, std::string_view s);

// Returns `s` folded as by append_folded.
std::string folded(std::string_view s);

}  // namespace hark
