#include "hark/fold.hpp"

#include <utf8proc.h>

#include "hark/json.hpp"
#include "swar.hpp"

namespace hark {
namespace {

void append_folded_codepoint(std::string& out, utf8proc_int32_t cp) {
  utf8proc_int32_t buf[32];
  int last_boundclass = 0;
  const auto opts = static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
                                                   UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK);
  const utf8proc_ssize_t n = utf8proc_decompose_char(cp, buf, 32, opts, &last_boundclass);
  if (n < 0 || n > 32) return;
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    utf8proc_uint8_t enc[4];
    const utf8proc_ssize_t len = utf8proc_encode_char(buf[i], enc);
    out.append(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(len));
  }
}

}  // namespace

void append_folded(std::string& out, std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t i = 0;
  while (i < s.size()) {
    // A run of ASCII, the common case, is found and lowered 16 bytes at a time.
    std::size_t end = i;
    if (swar::kWide)
      while (end + 16 <= s.size() && swar::mask16(swar::load16(s.data() + end)) == 0) end += 16;
    while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
    if (end > i) {
      const std::size_t at = out.size();
      out.resize(at + (end - i));
      char* to = out.data() + at;
      std::size_t k = i;
      if (swar::kWide) {
        for (; k + 16 <= end; k += 16, to += 16) {
          const swar::Block v = swar::load16(s.data() + k);
          swar::store16(to, swar::or16(v, swar::and16(swar::between16(v, 'A', 'Z'), swar::splat16(0x20))));
        }
      }
      for (; k < end; ++k) {
        const char c = s[k];
        *to++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      }
      i = end;
      continue;
    }
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (len <= 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    append_folded_codepoint(out, cp);
    i += static_cast<std::size_t>(len);
  }
}

std::string folded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_folded(out, s);
  return out;
}

}  // namespace hark
