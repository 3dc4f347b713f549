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
  void set(std::string_view key, std::string_view json);
  // Forgets the keys; their buffers are kept for the next record.
  void clear() { used_ = 0; }

  // Appends the edited record (no line end) to `out`. `raw` is the record's own text.
  void write(std::string& out, simdjson::dom::object record, std::string_view raw) const;

 private:
  std::vector<std::pair<std::string, std::string>> keys_;  // the first used_ are set
  std::size_t used_ = 0;
};

}  // namespace hark
