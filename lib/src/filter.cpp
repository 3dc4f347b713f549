#include "hark/filter.hpp"

#include <re2/re2.h>
#include <utf8proc.h>

#include <algorithm>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/fold.hpp"

namespace hark {
namespace {

std::optional<std::string_view> string_at(simdjson::dom::object rec, std::string_view key) {
  std::string_view s;
  if (rec.at_key(key).get_string().get(s)) return std::nullopt;  // absent, null or not a string
  return s;
}

bool one_of(const std::vector<std::string>& values, std::optional<std::string_view> v) {
  return v && std::find(values.begin(), values.end(), *v) != values.end();
}

bool lang_matches(const std::vector<std::string>& wanted, std::optional<std::string_view> v) {
  if (!v) return false;
  for (const std::string& w : wanted) {
    if (v->size() < w.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < w.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>((*v)[i])) ==
             std::tolower(static_cast<unsigned char>(w[i]));
    if (same && (v->size() == w.size() || (*v)[w.size()] == '-' || (*v)[w.size()] == '_'))
      return true;
  }
  return false;
}

// Scripts written without spaces between words, where a term may touch other letters.
bool unspaced_script(utf8proc_int32_t cp) {
  return (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
         (cp >= 0x1000 && cp <= 0x109F) ||  // Myanmar
         (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
         (cp >= 0x3040 && cp <= 0x30FF) ||  // Hiragana, Katakana
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// True for letters, marks, digits and '_': what a whole-word match must not touch. Letters of
// unspaced scripts do not count, so a Japanese term matches inside a sentence.
bool word_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) return std::isalnum(cp) || cp == '_';
  if (unspaced_script(cp)) return false;
  const utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

bool word_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  utf8proc_int32_t cp;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + start);
  if (utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(pos - start), &cp) <= 0) return false;
  return word_cp(cp);
}

bool word_after(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  utf8proc_int32_t cp;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos);
  if (utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp) <= 0)
    return false;
  return word_cp(cp);
}

}  // namespace

std::string match_form(std::string_view s) {
  std::string f = folded(s);
  std::string out;
  out.reserve(f.size());
  bool space = false;
  for (char c : f) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> find_terms(std::string_view text,
                                                            std::string_view term) {
  std::vector<std::pair<std::size_t, std::size_t>> found;
  if (term.empty()) return found;
  for (std::size_t at = text.find(term); at != std::string_view::npos;
       at = text.find(term, at + 1)) {
    const std::size_t end = at + term.size();
    // Only the term's own edges need a boundary: "#ziggo" and "ziggo's" match, "ziggodome"
    // does not. A term that starts or ends with a non-word character ("c++") brings its own.
    const bool left_ok = !word_after(term, 0) || !word_before(text, at);
    const bool right_ok = !word_before(term, term.size()) || !word_after(text, end);
    if (left_ok && right_ok) found.emplace_back(at, end);
  }
  return found;
}

Filter::Filter(FilterSpec spec) : spec_(std::move(spec)) {
  for (const std::string& t : spec_.match)
    if (auto f = match_form(t); !f.empty()) match_.push_back(std::move(f));
  for (const std::string& t : spec_.exclude)
    if (auto f = match_form(t); !f.empty()) exclude_.push_back(std::move(f));
  RE2::Options opts;
  opts.set_log_errors(false);
  for (const std::string& r : spec_.regex) {
    auto re = std::make_unique<RE2>(r, opts);
    if (!re->ok())
      throw Error(fmt::format("--regex '{}': {}", r, re->error()), Exit::usage);
    regex_.push_back(std::move(re));
  }
  if (spec_.dedupe) ids_ = std::make_unique<RecentSet>(spec_.dedupe_memory);
  if (spec_.near_dupes) near_ = std::make_unique<NearDupes>(spec_.dedupe_memory);
}

Filter::~Filter() = default;

bool Filter::matches_terms(simdjson::dom::object rec) {
  bool matched = false, excluded = false;
  for (std::string_view key : {"title", "text"}) {
    const auto v = string_at(rec, key);
    if (!v) continue;
    scratch_ = match_form(*v);
    std::vector<std::pair<std::size_t, std::size_t>> masks;
    for (const std::string& e : exclude_) {
      auto found = find_terms(scratch_, e);
      masks.insert(masks.end(), found.begin(), found.end());
    }
    if (match_.empty()) {
      excluded = excluded || !masks.empty();
      continue;
    }
    // An occurrence inside an excluded phrase ("ziggo" in "ziggo dome") does not count.
    for (const std::string& m : match_) {
      for (auto [b, e] : find_terms(scratch_, m)) {
        const bool masked = std::any_of(masks.begin(), masks.end(), [&](const auto& mask) {
          return mask.first <= b && e <= mask.second;
        });
        if (!masked) matched = true;
      }
    }
  }
  return match_.empty() ? !excluded : matched;
}

bool Filter::selected(simdjson::dom::object rec) {
  if (!spec_.lang.empty() && !lang_matches(spec_.lang, string_at(rec, "lang"))) return false;
  if (!spec_.cls.empty() && !one_of(spec_.cls, string_at(rec, "class"))) return false;
  if (!spec_.source.empty() && !one_of(spec_.source, string_at(rec, "source"))) return false;
  if (!spec_.channel.empty() && !one_of(spec_.channel, string_at(rec, "channel"))) return false;
  if (!spec_.author.empty() && !one_of(spec_.author, string_at(rec, "author"))) return false;
  if (!spec_.advice.empty() && !one_of(spec_.advice, string_at(rec, "advice"))) return false;
  if (spec_.min_confidence) {
    double c;
    if (rec.at_key("confidence").get_double().get(c) || c < *spec_.min_confidence) return false;
  }
  if (spec_.since || spec_.until) {
    const auto p = string_at(rec, "published");
    const auto t = p ? parse_rfc3339(*p) : std::nullopt;
    if (!t) {
      if (!spec_.keep_undated) return false;
    } else if ((spec_.since && *t < *spec_.since) || (spec_.until && *t >= *spec_.until)) {
      return false;
    }
  }
  if (!regex_.empty()) {
    const auto title = string_at(rec, "title"), text = string_at(rec, "text");
    bool any = false;
    for (const auto& re : regex_) {
      any = any || (title && RE2::PartialMatch(*title, *re)) ||
            (text && RE2::PartialMatch(*text, *re));
      if (any) break;
    }
    if (!any) return false;
  }
  if ((!match_.empty() || !exclude_.empty()) && !matches_terms(rec)) return false;
  return true;
}

bool Filter::keep(simdjson::dom::object rec, std::string_view raw) {
  ++counts_.read;
  if (selected(rec) == spec_.invert) {
    ++counts_.unselected;
    return false;
  }
  const auto id = string_at(rec, "id");
  if (spec_.shard_count != 0 && fnv1a64(id ? *id : raw) % spec_.shard_count != spec_.shard_index) {
    ++counts_.other_shard;
    return false;
  }
  if (ids_ && id && !ids_->insert(fnv1a64(*id))) {
    ++counts_.duplicate_id;
    return false;
  }
  if (near_) {
    const auto text = string_at(rec, "text");
    const std::uint64_t h = text ? simhash(*text) : 0;
    if (h != 0 && near_->seen_or_add(h)) {
      ++counts_.near_duplicate;
      return false;
    }
  }
  ++counts_.kept;
  return true;
}

}  // namespace hark
