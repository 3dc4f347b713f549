#include "hark/jsonl.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/json.hpp"

namespace hark {
namespace {

constexpr std::size_t kReadSize = 1u << 20;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

std::string describe(simdjson::error_code err) {
  switch (err) {
    case simdjson::TAPE_ERROR:
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "malformed JSON (truncated or unbalanced object)";
    case simdjson::UNCLOSED_STRING:
      return "malformed JSON (unclosed string)";
    case simdjson::STRING_ERROR:
      return "malformed JSON (bad escape in a string)";
    case simdjson::NUMBER_ERROR:
      return "malformed JSON (bad number)";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "malformed JSON (bad literal)";
    case simdjson::DEPTH_ERROR:
      return "JSON nested too deeply";
    default:
      return fmt::format("malformed JSON ({})", simdjson::error_message(err));
  }
}

}  // namespace

JsonlReader::JsonlReader(std::size_t max_line) : max_line_(max_line) {}

bool JsonlReader::handle_line(std::string_view line, const Position& where,
                              const RecordFn& on_record, const BadLineFn& on_bad) {
  // Windows tools (PowerShell, Excel's "UTF-8" export) start a file with a byte order mark:
  // it says nothing in UTF-8, and the first record is kept.
  if (where.line == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  line = trim(line);
  if (line.empty()) return true;
  // The caller guarantees SIMDJSON_PADDING readable bytes after every line.
  simdjson::dom::element doc;
  auto err = parser_.parse(line.data(), line.size(), false).get(doc);
  bool repaired = false;
  if (err == simdjson::UTF8_ERROR) {
    // Keep the record: replace the bad bytes, say so, and parse again.
    repaired_.clear();
    append_utf8_repaired(repaired_, line);
    const std::size_t len = repaired_.size();
    repaired_.append(simdjson::SIMDJSON_PADDING, '\0');
    line = std::string_view(repaired_.data(), len);
    err = parser_.parse(line.data(), line.size(), false).get(doc);
    repaired = true;
  }
  if (err) return on_bad(BadLine{where, describe(err)});
  simdjson::dom::object obj;
  if (doc.get_object().get(obj)) return on_bad(BadLine{where, "expected a JSON object"});
  if (repaired && !on_bad(BadLine{where, "invalid UTF-8 replaced with U+FFFD", true})) return false;
  try {
    on_record(obj, line, where);
  } catch (const RecordError& e) {
    return on_bad(BadLine{where, e.what()});
  }
  return true;
}

bool JsonlReader::read(int fd, std::string_view name, const RecordFn& on_record,
                       const BadLineFn& on_bad, const std::function<void()>& after_chunk) {
  // One allocation with room for the padding simdjson reads past the end of a line.
  std::size_t cap = kReadSize * 2;
  auto buf = std::make_unique<char[]>(cap + simdjson::SIMDJSON_PADDING);
  std::size_t begin = 0, end = 0;  // unconsumed bytes are buf[begin, end)
  std::size_t line_no = 1;
  bool skipping = false;  // inside an over-long line, dropping bytes until its end
  for (;;) {
    if (end == cap) {
      if (begin > 0) {
        std::memmove(buf.get(), buf.get() + begin, end - begin);
        end -= begin;
        begin = 0;
      } else {
        // Grow for long lines, up to the limit plus one read.
        std::size_t bigger = cap * 2;
        auto grown = std::make_unique<char[]>(bigger + simdjson::SIMDJSON_PADDING);
        std::memcpy(grown.get(), buf.get(), end);
        buf = std::move(grown);
        cap = bigger;
      }
    }
    // read(2), not fread: return as soon as a pipe has data so slow producers flow through.
    const ssize_t got = ::read(fd, buf.get() + end, cap - end);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(fmt::format("{}: read error: {}", name, std::strerror(errno)));
    const bool eof = got == 0;
    end += static_cast<std::size_t>(got);
    std::memset(buf.get() + end, 0, simdjson::SIMDJSON_PADDING);

    for (;;) {
      const char* start = buf.get() + begin;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end - begin));
      if (!nl) break;
      const std::size_t len = static_cast<std::size_t>(nl - start);
      const Position where{name, line_no};
      bool go_on = true;
      if (skipping) {
        skipping = false;
      } else if (len > max_line_) {
        go_on = on_bad(BadLine{where, fmt::format("line longer than {} bytes", max_line_)});
      } else {
        go_on = handle_line(std::string_view(start, len), where, on_record, on_bad);
      }
      begin += len + 1;
      ++line_no;
      if (!go_on) return false;
    }
    if (begin == end) begin = end = 0;
    if (!skipping && end - begin > max_line_) {
      // Report the over-long line now and drop its bytes as they come, so memory stays flat.
      if (!on_bad(BadLine{{name, line_no}, fmt::format("line longer than {} bytes", max_line_)}))
        return false;
      skipping = true;
    }
    if (skipping) begin = end = 0;
    if (eof) {
      if (end > begin && !skipping &&
          !handle_line(std::string_view(buf.get() + begin, end - begin), {name, line_no},
                       on_record, on_bad))
        return false;
      if (after_chunk) after_chunk();
      return true;
    }
    if (after_chunk) after_chunk();
  }
}

Input::Input(const std::string& path) {
  if (path == "-") {
    fd_ = 0;
    name_ = "<stdin>";
    return;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Error(fmt::format("{}: {}", path, std::strerror(errno)));
  name_ = path;
}

Input::~Input() {
  if (fd_ > 0) ::close(fd_);
}

}  // namespace hark
