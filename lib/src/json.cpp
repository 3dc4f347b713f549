#include "hark/json.hpp"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include <fmt/format.h>
#include <simdjson.h>

#include "hark/error.hpp"
#include "swar.hpp"

namespace hark {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed UTF-8 sequence at s[i], or 0 if it is not one (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return (b(k) & 0xC0) == 0x80; };
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

void append_utf8_repaired(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) {
      out.append(kReplacement);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  const char* p = s.data();
  const std::size_t size = s.size();
  // Bytes over 0x7F need a look until the string is known to be valid UTF-8 (checked once,
  // with SIMD, at the first such byte); after that only ASCII bytes can need escaping.
  std::uint64_t high = swar::kHigh;
  bool checked = false;
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (std::size_t i = 0; i < size;) {
    if (swar::kWide && i + 16 <= size) {
      const swar::Block v = swar::load16(p + i);
      unsigned look = swar::mask16(swar::or16(swar::or16(swar::below16(v, 0x20), swar::equal16(v, '"')),
                                              swar::equal16(v, '\\')));
      if (high) look |= swar::mask16(v);  // the high bit of each byte
      if (look == 0) {
        i += 16;
        continue;
      }
      i += static_cast<unsigned>(std::countr_zero(look));
    } else if (swar::kEnabled && i + 8 <= size) {
      const std::uint64_t w = swar::load(p + i);
      const std::uint64_t look =
          swar::below(w, 0x20) | swar::equal(w, '"') | swar::equal(w, '\\') | (w & high);
      if (look == 0) {
        i += 8;
        continue;
      }
      i += swar::first(look);
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (!checked) {
        checked = true;  // every byte before i is ASCII, so s[i..] is valid if s is
        if (simdjson::validate_utf8(p + i, size - i)) high = 0;
      }
      if (high == 0) {  // valid: this may be inside a sequence the word step went into
        ++i;
        continue;
      }
      const std::size_t n = utf8_sequence(s, i);
      if (n != 0) {
        i += n;
        continue;
      }
    }
    out.append(s.substr(run, i - run));
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default:
        if (c < 0x20) {
          const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out.append(esc, sizeof esc);
        } else {
          out.append(kReplacement);  // a byte that starts no valid UTF-8 sequence
        }
    }
    run = ++i;
  }
  out.append(s.substr(run));
  out.push_back('"');
}

void append_json_nullable(std::string& out, const std::optional<std::string>& s) {
  if (s)
    append_json_string(out, *s);
  else
    out.append("null");
}

void append_json_int(std::string& out, std::optional<std::int64_t> v) {
  if (v)
    fmt::format_to(std::back_inserter(out), "{}", *v);
  else
    out.append("null");
}

void append_json_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", v);
}

LineWriter::LineWriter(int fd, std::string name) : fd_(fd), name_(std::move(name)) {
  buf_.reserve(kFlushAt * 2);
}

LineWriter::~LineWriter() {
  try {
    flush();
  } catch (...) {  // a destructor must not throw; callers that care call flush() first
  }
}

void LineWriter::line(std::string_view line) {
  buf_.append(line);
  end_line();
}

void LineWriter::end_line() {
  buf_.push_back('\n');
  if (buf_.size() >= kFlushAt) flush();
}

void LineWriter::flush() {
  std::size_t done = 0;
  while (done < buf_.size()) {
    const ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EPIPE) {
      // Only reached when SIGPIPE is ignored; the reader went away (`hark … | head`).
      buf_.clear();
      throw BrokenPipe();
    }
    if (n < 0) {
      const int err = errno;
      buf_.clear();
      throw Error(fmt::format("write error: {}: {}", name_, std::strerror(err)));
    }
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

}  // namespace hark
