#include "hark/record_edit.hpp"

#include <span>

#include "hark/json.hpp"

namespace hark {

void RecordEdit::set(std::string_view key, std::string_view json) {
  for (std::size_t i = 0; i < used_; ++i) {
    if (keys_[i].first == key) {
      keys_[i].second.assign(json);
      return;
    }
  }
  if (used_ == keys_.size()) keys_.emplace_back();
  keys_[used_].first.assign(key);
  keys_[used_].second.assign(json);
  ++used_;
}

void RecordEdit::write(std::string& out, simdjson::dom::object record, std::string_view raw) const {
  const auto set_keys = std::span(keys_).first(used_);
  bool replaces = false;
  for (const auto& [k, v] : set_keys) {
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
      for (const auto& [k, v] : set_keys) replaced = replaced || k == field.key;
      if (replaced) continue;
      if (!empty) out.push_back(',');
      empty = false;
      append_json_string(out, field.key);
      out.push_back(':');
      out.append(simdjson::minify(field.value));
    }
  }
  for (const auto& [k, v] : set_keys) {
    if (!empty) out.push_back(',');
    empty = false;
    append_json_string(out, k);
    out.push_back(':');
    out.append(v);
  }
  out.push_back('}');
}

}  // namespace hark
