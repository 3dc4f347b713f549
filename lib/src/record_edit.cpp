#include "hark/record_edit.hpp"

#include "hark/json.hpp"

namespace hark {

void RecordEdit::set(std::string_view key, std::string json) {
  for (auto& [k, v] : keys_) {
    if (k == key) {
      v = std::move(json);
      return;
    }
  }
  keys_.emplace_back(std::string(key), std::move(json));
}

void RecordEdit::write(std::string& out, simdjson::dom::object record, std::string_view raw) const {
  bool replaces = false;
  for (const auto& [k, v] : keys_) {
    simdjson::dom::element unused;
    if (!record.at_key(k).get(unused)) replaces = true;
  }
  bool empty = true;
  if (!replaces) {
    // Keep the original bytes: cut at the closing brace and append.
    const std::size_t close = raw.rfind('}');
    out.append(raw.substr(0, close));
    empty = record.size() == 0;
  } else {
    out.push_back('{');
    for (auto field : record) {
      bool replaced = false;
      for (const auto& [k, v] : keys_) replaced = replaced || k == field.key;
      if (replaced) continue;
      if (!empty) out.push_back(',');
      empty = false;
      append_json_string(out, field.key);
      out.push_back(':');
      out.append(simdjson::minify(field.value));
    }
  }
  for (const auto& [k, v] : keys_) {
    if (!empty) out.push_back(',');
    empty = false;
    append_json_string(out, k);
    out.push_back(':');
    out.append(v);
  }
  out.push_back('}');
}

}  // namespace hark
