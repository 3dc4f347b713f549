#pragma once

#include <simdjson.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace hark {

// Where a record came from, for messages: "mentions.jsonl:3".
struct Position {
  std::string_view input;
  std::size_t line = 0;  // 1-based physical line number
};

// A line that could not be used. `kept` is true when the line was repaired and still handed on
// (invalid UTF-8 replaced with U+FFFD); otherwise it was skipped.
struct BadLine {
  Position where;
  std::string reason;
  bool kept = false;
};

// Called once per good record: the parsed object and the line's own bytes (no line end), so a
// stage that does not change the record can copy it unchanged. May throw RecordError.
using RecordFn = std::function<void(simdjson::dom::object record, std::string_view raw,
                                    const Position& where)>;

// Called once per bad line. Return false to stop reading (--strict).
using BadLineFn = std::function<bool(const BadLine& bad)>;

// Reads JSON lines from file descriptors, one JSON object per line.
class JsonlReader {
 public:
  static constexpr std::size_t kDefaultMaxLine = 16u << 20;

  explicit JsonlReader(std::size_t max_line = kDefaultMaxLine);

  // Reads `fd` to its end, handing each record to `on_record` and each bad line to `on_bad`.
  // Lines are handed on as soon as read(2) delivers them, and `after_chunk` (if set) runs
  // after each delivery, so a slow producer's lines flow through. Returns false if `on_bad`
  // asked to stop. Throws Error when the input cannot be read.
  bool read(int fd, std::string_view name, const RecordFn& on_record, const BadLineFn& on_bad,
            const std::function<void()>& after_chunk = {});

 private:
  bool handle_line(std::string_view line, const Position& where, const RecordFn& on_record,
                   const BadLineFn& on_bad);

  std::size_t max_line_;
  simdjson::dom::parser parser_;
  std::string repaired_;
};

// An input named on the command line: a path, or "-" for stdin. Owns the descriptor.
class Input {
 public:
  // Throws Error naming the path when it cannot be opened.
  explicit Input(const std::string& path);
  ~Input();
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  int fd() const { return fd_; }
  const std::string& name() const { return name_; }

 private:
  int fd_ = -1;
  std::string name_;
};

}  // namespace hark
