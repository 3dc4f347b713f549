#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hark {

// Appends `s` as a JSON string literal, quotes included. Quotes, backslashes and control
// characters are escaped; invalid UTF-8 becomes U+FFFD, so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);

// Appends a JSON string, or null when `s` is absent.
void append_json_nullable(std::string& out, const std::optional<std::string>& s);

// Appends an integer, or null when absent.
void append_json_int(std::string& out, std::optional<std::int64_t> v);

// Appends a finite double in shortest round-trip form; NaN and infinities become null.
void append_json_double(std::string& out, double v);

// Returns true when `s` is well-formed UTF-8.
bool valid_utf8(std::string_view s);

// Appends `s` to `out` with every invalid UTF-8 sequence replaced by U+FFFD.
void append_utf8_repaired(std::string& out, std::string_view s);

// Buffered line writer on a file descriptor. Write errors throw Error naming the output;
// a broken pipe (with SIGPIPE ignored) throws BrokenPipe.
class LineWriter {
 public:
  explicit LineWriter(int fd = 1, std::string name = "<stdout>");
  ~LineWriter();  // flushes what is left, ignoring errors: call flush() to see them
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;

  // Writes one line; `line` must not contain '\n'. Flushes when the buffer is large.
  void line(std::string_view line);
  // The buffer itself, for building a line in place; call end_line() after.
  std::string& buffer() { return buf_; }
  void end_line();
  // Writes out everything buffered. Throws Error on a write error.
  void flush();

 private:
  static constexpr std::size_t kFlushAt = 1u << 16;
  int fd_;
  std::string name_;
  std::string buf_;
};

}  // namespace hark
