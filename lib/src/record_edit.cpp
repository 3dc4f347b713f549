#include "hark/record_edit.hpp"

#include <span>

#include "hark/json.hpp"

namespace hark {

std::string& RecordEdit::value(std::string_view key) {
  for (std::size_t i = 0; i < used_; ++i) {
    if (keys_[i].name == key) {
      keys_[i].value.clear();
      return keys_[i].value;
    }
  }
  if (used_ == keys_.size()) keys_.emplace_back();
  Key& k = keys_[used_++];
  if (k.quoted.empty() || k.name != key) {
    k.name.assign(key);
    k.quoted.clear();
    append_json_string(k.quoted, key);
    k.quoted.push_back(':');
  }
  k.value.clear();
  return k.value;
}

void RecordEdit::write(std::string& out, simdjson::dom::object record, std::string_view raw) const {
  const auto set_keys = std::span(keys_).first(used_);
  const auto is_set = [&](std::string_view key) {
    for (const Key& k : set_keys)
      if (k.name == key) return true;
    return false;
  };
  bool replaces = false;
  for (auto field : record) replaces = replaces || is_set(field.key);
  bool empty = true;
  if (!replaces) {
    // Keep the original bytes: cut at the closing brace and append.
    const std::size_t close = raw.rfind('}');
    out.append(raw.substr(0, close));
    empty = record.size() == 0;
  } else {
    out.push_back('{');
    for (auto field : record) {
      if (is_set(field.key)) continue;
      if (!empty) out.push_back(',');
      empty = false;
      append_json_string(out, field.key);
      out.push_back(':');
      out.append(simdjson::minify(field.value));
    }
  }
  for (const Key& k : set_keys) {
    if (!empty) out.push_back(',');
    empty = false;
    out.append(k.quoted);
    out.append(k.value);
  }
  out.push_back('}');
}

}  // namespace hark
