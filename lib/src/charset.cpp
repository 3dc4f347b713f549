#include "hark/charset.hpp"

#include <iconv.h>
#include <simdjson.h>

#include <cerrno>
#include <cstring>

#include "hark/html_text.hpp"
#include "hark/json.hpp"
#include "swar.hpp"

namespace hark {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\''))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\'' ||
                        s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  std::string out;
  for (char c : s) out.push_back(lower(c));
  return out;
}

// The name iconv knows for a label, following the WHATWG Encoding Standard where browsers
// read labels more widely than their names say.
std::string canonical(const std::string& label) {
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "utf-8";
  if (label == "iso-8859-1" || label == "iso8859-1" || label == "latin1" || label == "l1" ||
      label == "us-ascii" || label == "ascii" || label == "iso_8859-1" || label == "cp1252" ||
      label == "windows-1252" || label == "x-cp1252" || label == "cp819")
    return "windows-1252";
  if (label == "gb2312" || label == "gbk" || label == "x-gbk") return "gb18030";
  if (label == "shift_jis" || label == "sjis" || label == "x-sjis") return "shift_jis";
  return label;
}

constexpr std::uint16_t kWindows1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// windows-1252 by table, as glibc's iconv reads it (an undefined byte is U+FFFD): it is
// what ISO-8859-1 and US-ASCII feeds are read as, and iconv took as long as parsing them.
void windows1252_to_utf8(std::string_view in, Decoded& out) {
  out.text.clear();
  out.text.reserve(in.size() + in.size() / 2);
  std::size_t i = 0;
  while (i < in.size()) {
    std::size_t ascii = i;  // ASCII is copied as it is, in runs
    while (swar::kEnabled && ascii + 8 <= in.size() &&
           (swar::load(in.data() + ascii) & swar::kHigh) == 0)
      ascii += 8;
    while (ascii < in.size() && static_cast<unsigned char>(in[ascii]) < 0x80) ++ascii;
    out.text.append(in.data() + i, ascii - i);
    if (ascii == in.size()) break;
    const auto b = static_cast<unsigned char>(in[ascii]);
    const std::uint32_t cp = b >= 0xA0 ? b : kWindows1252High[b - 0x80];
    if (cp == 0) {
      out.text.append("\xEF\xBF\xBD");
      out.replaced = true;
    } else {
      append_utf8(out.text, cp);
    }
    i = ascii + 1;
  }
}

// Decodes with iconv; an invalid or truncated sequence becomes U+FFFD and decoding goes on
// after one code unit.
bool iconv_to_utf8(std::string_view in, const std::string& encoding, Decoded& out) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const std::size_t unit = encoding.rfind("utf-32", 0) == 0 ? 4 : encoding.rfind("utf-16", 0) == 0 ? 2 : 1;
  out.text.clear();
  out.text.reserve(in.size() + in.size() / 2);
  char buf[16384];
  char* src = const_cast<char*>(in.data());
  std::size_t left = in.size();
  while (left > 0) {
    char* dst = buf;
    std::size_t room = sizeof buf;
    const std::size_t rc = iconv(cd, &src, &left, &dst, &room);
    out.text.append(buf, static_cast<std::size_t>(dst - buf));
    if (rc == static_cast<std::size_t>(-1) && errno != E2BIG) {
      out.text.append("\xEF\xBF\xBD");
      out.replaced = true;
      const std::size_t skip = left < unit ? left : unit;
      src += skip;
      left -= skip;
    }
  }
  iconv_close(cd);
  return true;
}

}  // namespace

std::uint32_t windows1252_high(unsigned char byte) {
  return byte >= 0x80 && byte <= 0x9F ? kWindows1252High[byte - 0x80] : 0;
}

std::string charset_from_content_type(std::string_view ct) {
  std::size_t i = 0;
  while ((i = ct.find(';', i)) != std::string_view::npos) {
    ++i;
    while (i < ct.size() && ct[i] == ' ') ++i;
    if (ct.size() - i > 8 && lower_trimmed(ct.substr(i, 7)) == "charset" && ct[i + 7] == '=') {
      const std::size_t end = ct.find(';', i);
      return lower_trimmed(ct.substr(i + 8, end == std::string_view::npos ? end : end - i - 8));
    }
  }
  return {};
}

std::string xml_declared_encoding(std::string_view doc) {
  std::size_t i = 0;
  while (i < doc.size() && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\r' || doc[i] == '\n'))
    ++i;
  if (doc.compare(i, 5, "<?xml") != 0) return {};
  const std::size_t end = doc.find("?>", i);
  if (end == std::string_view::npos) return {};
  const std::string_view decl = doc.substr(i, end - i);
  const std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t k = at + 8;
  while (k < decl.size() && (decl[k] == ' ' || decl[k] == '=')) ++k;
  if (k >= decl.size() || (decl[k] != '"' && decl[k] != '\'')) return {};
  const char quote = decl[k];
  const std::size_t close = decl.find(quote, k + 1);
  if (close == std::string_view::npos) return {};
  return lower_trimmed(decl.substr(k + 1, close - k - 1));
}

namespace {

// The encoding to read `body` in, by the rules in charset.hpp; `bom` gets the length of a
// byte order mark.
std::string choose_encoding(std::string_view body, std::string_view http_charset, bool xml,
                            std::size_t& bom) {
  auto starts = [&](std::string_view prefix) { return body.substr(0, prefix.size()) == prefix; };
  bom = 0;
  if (starts("\xEF\xBB\xBF")) return bom = 3, "utf-8";
  if (starts(std::string_view("\xFF\xFE\0\0", 4))) return bom = 4, "utf-32le";
  if (starts(std::string_view("\0\0\xFE\xFF", 4))) return bom = 4, "utf-32be";
  if (starts("\xFF\xFE")) return bom = 2, "utf-16le";
  if (starts("\xFE\xFF")) return bom = 2, "utf-16be";
  std::string encoding;
  if (!http_charset.empty()) encoding = canonical(lower_trimmed(http_charset));
  else if (starts(std::string_view("<\0?\0", 4))) encoding = "utf-16le";
  else if (starts(std::string_view("\0<\0?", 4))) encoding = "utf-16be";
  else if (xml) encoding = canonical(xml_declared_encoding(body));
  if (encoding == "utf-16" || encoding == "utf16" || encoding == "ucs-2")
    encoding = !body.empty() && body[0] == '\0' ? "utf-16be" : "utf-16le";
  // Labelled UTF-16 without a BOM or a 16-bit '<': it was re-encoded on the way.
  if ((encoding == "utf-16le" || encoding == "utf-16be") && body.size() >= 2 &&
      body[0] != '\0' && body[1] != '\0')
    encoding = "utf-8";
  return encoding.empty() ? "utf-8" : encoding;
}

}  // namespace

bool utf8_as_is(std::string_view body, std::string_view http_charset, bool xml) {
  std::size_t bom = 0;
  return choose_encoding(body, http_charset, xml, bom) == "utf-8" && bom == 0 &&
         simdjson::validate_utf8(body.data(), body.size());
}

Decoded decode_to_utf8(std::string_view body, std::string_view http_charset, bool xml) {
  Decoded out;
  std::size_t bom = 0;
  out.encoding = choose_encoding(body, http_charset, xml, bom);
  body.remove_prefix(bom);
  if (out.encoding == "windows-1252") {
    windows1252_to_utf8(body, out);
  } else if (out.encoding != "utf-8" && !iconv_to_utf8(body, out.encoding, out)) {
    out.unknown = true;
    out.encoding = "utf-8";
  }
  if (out.encoding == "utf-8") {
    if (simdjson::validate_utf8(body.data(), body.size())) {  // SIMD: most feeds are valid
      out.text.assign(body);
    } else {
      out.text.clear();
      append_utf8_repaired(out.text, body);
      out.replaced = true;
    }
  }
  return out;
}

}  // namespace hark
