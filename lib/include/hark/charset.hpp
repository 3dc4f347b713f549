#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hark {

// The character windows-1252 gives a byte 0x80..0x9F, or 0 for its five undefined bytes.
std::uint32_t windows1252_high(unsigned char byte);

// The charset parameter of a Content-Type value ("text/xml; charset=ISO-8859-1"), lower-case
// and unquoted; empty when there is none.
std::string charset_from_content_type(std::string_view content_type);

// The encoding a document declares for itself in `<?xml ... encoding="..."?>`, lower-case;
// empty when there is no declaration or it names none.
std::string xml_declared_encoding(std::string_view doc);

// What decode_to_utf8 found and did.
struct Decoded {
  std::string text;      // valid UTF-8, without a byte order mark
  std::string encoding;  // the encoding used, canonical lower-case name ("windows-1252")
  bool replaced = false;  // some bytes were invalid in that encoding and became U+FFFD
  bool unknown = false;   // the named encoding is unknown; the bytes were read as UTF-8
};

// Converts a document to UTF-8. The encoding is chosen in this order: a byte order mark
// (UTF-8, UTF-16, UTF-32), `http_charset`, the XML declaration (for XML; `xml` false skips
// it), UTF-16/32 recognised from the first '<', else UTF-8. Labels are read as browsers read
// them: iso-8859-1 and us-ascii as windows-1252, gb2312 as gb18030. Bytes invalid in the
// encoding become U+FFFD; nothing is dropped. Uses iconv(3) for everything but UTF-8 and
// windows-1252.
Decoded decode_to_utf8(std::string_view body, std::string_view http_charset, bool xml = true);

// True when decode_to_utf8 would return `body` itself: UTF-8 by the rules above, no byte
// order mark, and valid. Lets a caller skip the copy.
bool utf8_as_is(std::string_view body, std::string_view http_charset, bool xml = true);

}  // namespace hark
