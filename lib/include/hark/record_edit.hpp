#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hark {

// Writes a copy of a record with keys added or replaced, for stages that add their own keys
// (classify). Every other key keeps its place and value; when no key is replaced, the
// original bytes are kept and the new keys are appended before the closing brace.
class RecordEdit {
 public:
  // Sets `key` to `json`, which must be one valid JSON value.
  void set(std::string_view key, std::string_view json) { value(key).assign(json); }
  // The emptied value of `key`, for the caller to write one JSON value into: set() without
  // building the value elsewhere first.
  std::string& value(std::string_view key);
  // Forgets the keys; their buffers are kept for the next record.
  void clear() { used_ = 0; }

  // Appends the edited record (no line end) to `out`. `raw` is the record's own text.
  void write(std::string& out, simdjson::dom::object record, std::string_view raw) const;

 private:
  struct Key {
    std::string name;
    std::string quoted;  // "name": as JSON, kept while the same key is set record after record
    std::string value;
  };
  std::vector<Key> keys_;  // the first used_ are set
  std::size_t used_ = 0;
};

}  // namespace hark
