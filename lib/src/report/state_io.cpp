// The state file: one JSON object holding exact counts, so states merge without loss.
#include <algorithm>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/json.hpp"
#include "state_data.hpp"

namespace hark::report {
namespace {

constexpr int kStateVersion = 1;

void put_counts(std::string& out, const ClassCounts& c) {
  out += '[';
  for (std::size_t i = 0; i < kClasses; ++i) {
    if (i) out += ',';
    out += std::to_string(c[i]);
  }
  out += ']';
}

void put_item(std::string& out, const Item& i) {
  out += '[';
  append_json_string(out, i.id);
  out += fmt::format(",{},{},", i.cls, i.published);
  append_json_string(out, i.source);
  out += ',';
  append_json_string(out, i.url);
  out += ',';
  append_json_string(out, i.text);
  out += fmt::format(",{},", i.engagement);
  append_json_int(out, i.reach);
  out += ']';
}

void put_items(std::string& out, std::vector<Item> items, bool (*less)(const Item&, const Item&)) {
  std::sort(items.begin(), items.end(), less);
  out += '[';
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k) out += ',';
    put_item(out, items[k]);
  }
  out += ']';
}

void put_breakdown(std::string& out, const std::map<std::string, ClassCounts, std::less<>>& m) {
  out += '{';
  bool first = true;
  for (const auto& [name, counts] : m) {
    if (!first) out += ',';
    first = false;
    append_json_string(out, name);
    out += ':';
    put_counts(out, counts);
  }
  out += '}';
}

// A table's entries by term text, so a state serializes the same whatever the numbering.
template <class V>
std::vector<std::pair<std::string_view, const V*>> sorted_terms(const TermIndex& index,
                                                                const TermTable<V>& table) {
  std::vector<std::pair<std::string_view, const V*>> v;
  v.reserve(table.size());
  table.for_each([&](std::uint32_t t, const V& x) { v.push_back({index.text(t), &x}); });
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return v;
}

// Reading: every shape problem is one error naming the state input.
struct Reader {
  std::string_view name;

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(fmt::format("{}: not a hark report state ({})", name, what));
  }
  template <class T>
  T get(simdjson::simdjson_result<T> r, std::string_view what) const {
    T v;
    if (std::move(r).get(v)) fail(what);
    return v;
  }
  simdjson::dom::element el(simdjson::dom::array a, std::size_t i) const {
    return get(a.at(i), "array entry");
  }
  std::uint64_t u64(simdjson::dom::element e, std::string_view what) const {
    return get(e.get_uint64(), what);
  }
  std::int64_t i64(simdjson::dom::element e, std::string_view what) const {
    return get(e.get_int64(), what);
  }
  std::string str(simdjson::dom::element e, std::string_view what) const {
    return std::string(get(e.get_string(), what));
  }
  ClassCounts counts(simdjson::dom::element e) const {
    ClassCounts c{};
    auto arr = get(e.get_array(), "class counts");
    if (arr.size() != kClasses) fail("class counts");
    std::size_t i = 0;
    for (auto v : arr) c[i++] = u64(v, "class counts");
    return c;
  }
  Item item(simdjson::dom::element e) const {
    auto a = get(e.get_array(), "item");
    if (a.size() != 8) fail("item");
    Item i;
    i.id = str(el(a, 0), "item id");
    i.cls = static_cast<std::size_t>(u64(el(a, 1), "item class"));
    if (i.cls >= kClasses) fail("item class");
    i.published = i64(el(a, 2), "item time");
    i.source = str(el(a, 3), "item source");
    i.url = str(el(a, 4), "item url");
    i.text = str(el(a, 5), "item text");
    i.engagement = i64(el(a, 6), "item engagement");
    if (!el(a, 7).is_null()) i.reach = i64(el(a, 7), "item reach");
    return i;
  }
  std::vector<Item> items(simdjson::dom::element e) const {
    std::vector<Item> v;
    for (auto x : get(e.get_array(), "items")) v.push_back(item(x));
    return v;
  }
  void breakdown(simdjson::dom::element e,
                 std::map<std::string, ClassCounts, std::less<>>& m) const {
    for (auto [k, v] : get(e.get_object(), "breakdown")) m[std::string(k)] = counts(v);
  }
};

}  // namespace

std::string State::serialize() const {
  const Data& d = *data_;
  std::string out;
  out += fmt::format("{{\"hark_report_state\":{},\"window\":{{\"period\":", kStateVersion);
  append_json_string(out, d.window.period);
  out += ",\"tz\":";
  append_json_string(out, d.window.tz);
  out += fmt::format(",\"now\":{},\"sla\":{},\"answers_from\":[", d.window.now, d.settings.sla);
  for (std::size_t i = 0; i < d.settings.answers_from.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, d.settings.answers_from[i]);
  }
  out += fmt::format("]}},\"read\":{},\"duplicates\":{},\"undated\":{},\"after_window\":{},"
                     "\"earliest\":",
                     d.read, d.duplicates, d.undated, d.after_window);
  append_json_int(out, d.earliest);
  out += ",\"buckets\":[";
  for (std::size_t b = 0; b < d.buckets.size(); ++b) {
    if (b) out += ',';
    put_counts(out, d.buckets[b]);
  }
  out += "],\"source\":";
  put_breakdown(out, d.by_source);
  out += ",\"channel\":";
  put_breakdown(out, d.by_channel);
  out += ",\"lang\":";
  put_breakdown(out, d.by_lang);
  out += fmt::format(",\"queue_by_state\":[{},{},{},{}],\"queue\":[", d.queue_by_state[0],
                     d.queue_by_state[1], d.queue_by_state[2], d.queue_by_state[3]);
  std::vector<QueueItem> queue = d.queue;
  std::sort(queue.begin(), queue.end(), queue_before);
  for (std::size_t k = 0; k < queue.size(); ++k) {
    if (k) out += ',';
    out += fmt::format("[{},", static_cast<int>(queue[k].state));
    put_item(out, queue[k].item);
    out += ']';
  }
  out += fmt::format("],\"answers_known\":{},\"answered\":{},\"answered_within_sla\":{},"
                     "\"latencies\":[",
                     d.answers_known, d.answered, d.answered_within_sla);
  std::vector<std::int64_t> lat = d.latencies;
  std::sort(lat.begin(), lat.end());
  for (std::size_t k = 0; k < lat.size(); ++k) out += (k ? "," : "") + std::to_string(lat[k]);
  out += fmt::format("],\"amplify_total\":{},\"amplify\":", d.amplify_total);
  put_items(out, d.amplify, amplify_before);
  out += fmt::format(",\"privacy_total\":{},\"privacy\":", d.privacy_total);
  put_items(out, d.privacy, privacy_before);
  // Themes: terms sorted, examples renumbered to those still referenced.
  // Examples are numbered by first use and kept once per id, so equal states serialize equally.
  std::map<std::string_view, std::size_t> renumber;
  std::vector<std::size_t> kept;
  out += ",\"themes\":{";
  bool first_lang = true;
  for (const auto& [lang, lt] : d.themes) {
    if (!first_lang) out += ',';
    first_lang = false;
    append_json_string(out, lang);
    out += fmt::format(":{{\"mentions\":{},\"complaints\":{},\"terms\":[", lt.mentions,
                       lt.complaints);
    const auto terms = sorted_terms(d.terms, lt.terms);
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const TermCounts& tc = *terms[k].second;
      if (k) out += ',';
      out += '[';
      append_json_string(out, terms[k].first);
      out += fmt::format(",{},{},", tc.all, tc.complaints);
      if (tc.example == TermCounts::kNoExample) {
        out += "null";
      } else {
        const auto [it, added] = renumber.emplace(d.examples[tc.example].id, kept.size());
        if (added) kept.push_back(tc.example);
        out += std::to_string(it->second);
      }
      out += ']';
    }
    out += "]}";
  }
  out += "},\"examples\":[";
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (k) out += ',';
    out += '[';
    append_json_string(out, d.examples[kept[k]].id);
    out += ',';
    append_json_string(out, d.examples[kept[k]].text);
    out += ']';
  }
  out += "],\"bucket_terms\":[";
  bool first_cell = true;
  for (std::size_t b = 0; b < d.bucket_terms.size(); ++b)
    for (std::size_t c = 0; c < kClasses; ++c) {
      const auto& cell = d.bucket_terms[b][c];
      if (cell.empty()) continue;
      if (!first_cell) out += ',';
      first_cell = false;
      out += fmt::format("[{},{},[", b, c);
      const auto terms = sorted_terms(d.terms, cell);
      for (std::size_t k = 0; k < terms.size(); ++k) {
        if (k) out += ',';
        out += '[';
        append_json_string(out, terms[k].first);
        out += fmt::format(",{}]", *terms[k].second);
      }
      out += "]]";
    }
  out += "]}";
  return out;
}

State State::parse(std::string_view json, std::string_view name) {
  const Reader r{name};
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc)) r.fail("invalid JSON");
  auto root = r.get(doc.get_object(), "an object");
  const auto at = [&](std::string_view key) { return r.get(root.at_key(key), key); };
  if (r.u64(at("hark_report_state"), "version") != kStateVersion) r.fail("unknown version");
  auto win = r.get(at("window").get_object(), "window");
  Settings settings;
  settings.sla = r.i64(r.get(win.at_key("sla"), "sla"), "sla");
  for (auto s : r.get(r.get(win.at_key("answers_from"), "answers_from").get_array(), "answers_from"))
    settings.answers_from.push_back(r.str(s, "answers_from"));
  State state(make_window(r.str(r.get(win.at_key("period"), "period"), "period"),
                          r.str(r.get(win.at_key("tz"), "tz"), "tz"),
                          r.i64(r.get(win.at_key("now"), "now"), "now")),
              std::move(settings));
  Data& d = *state.data_;
  d.read = r.u64(at("read"), "read");
  d.duplicates = r.u64(at("duplicates"), "duplicates");
  d.undated = r.u64(at("undated"), "undated");
  d.after_window = r.u64(at("after_window"), "after_window");
  if (!at("earliest").is_null()) d.earliest = r.i64(at("earliest"), "earliest");
  auto buckets = r.get(at("buckets").get_array(), "buckets");
  if (buckets.size() != d.buckets.size()) r.fail("bucket count");
  std::size_t b = 0;
  for (auto e : buckets) d.buckets[b++] = r.counts(e);
  r.breakdown(at("source"), d.by_source);
  r.breakdown(at("channel"), d.by_channel);
  r.breakdown(at("lang"), d.by_lang);
  std::size_t s = 0;
  for (auto e : r.get(at("queue_by_state").get_array(), "queue_by_state"))
    if (s < 4) d.queue_by_state[s++] = r.u64(e, "queue_by_state");
  for (auto e : r.get(at("queue").get_array(), "queue")) {
    auto pair = r.get(e.get_array(), "queue item");
    const std::uint64_t state_index = r.u64(r.el(pair, 0), "queue state");
    if (state_index > 3) r.fail("queue state");
    d.queue.push_back({r.item(r.el(pair, 1)), static_cast<SlaState>(state_index)});
  }
  d.answers_known = r.u64(at("answers_known"), "answers_known");
  d.answered = r.u64(at("answered"), "answered");
  d.answered_within_sla = r.u64(at("answered_within_sla"), "answered_within_sla");
  for (auto e : r.get(at("latencies").get_array(), "latencies"))
    d.latencies.push_back(r.i64(e, "latency"));
  d.amplify_total = r.u64(at("amplify_total"), "amplify_total");
  d.amplify = r.items(at("amplify"));
  d.privacy_total = r.u64(at("privacy_total"), "privacy_total");
  d.privacy = r.items(at("privacy"));
  for (auto e : r.get(at("examples").get_array(), "examples")) {
    auto pair = r.get(e.get_array(), "example");
    d.examples.push_back({r.str(r.el(pair, 0), "example id"), r.str(r.el(pair, 1), "example text")});
  }
  for (auto [lang, v] : r.get(at("themes").get_object(), "themes")) {
    LanguageTerms& lt = d.themes[std::string(lang)];
    auto o = r.get(v.get_object(), "themes");
    lt.mentions = r.u64(r.get(o.at_key("mentions"), "mentions"), "mentions");
    lt.complaints = r.u64(r.get(o.at_key("complaints"), "complaints"), "complaints");
    for (auto t : r.get(r.get(o.at_key("terms"), "terms").get_array(), "terms")) {
      auto a = r.get(t.get_array(), "term");
      TermCounts tc;
      tc.all = r.u64(r.el(a, 1), "term count");
      tc.complaints = r.u64(r.el(a, 2), "term count");
      if (!r.el(a, 3).is_null()) {
        tc.example = static_cast<std::size_t>(r.u64(r.el(a, 3), "term example"));
        if (tc.example >= d.examples.size()) r.fail("term example");
      }
      // Counts that no run could produce would make the theme scores meaningless.
      if (tc.complaints > tc.all || tc.complaints > lt.complaints || tc.all > lt.mentions ||
          (tc.complaints > 0) != (tc.example != TermCounts::kNoExample))
        r.fail("term counts");
      const std::uint32_t n = d.terms.intern(r.get(r.el(a, 0).get_string(), "term"));
      if (!lt.terms.find(n)) lt.terms[n] = tc;
    }
  }
  for (auto e : r.get(at("bucket_terms").get_array(), "bucket_terms")) {
    auto a = r.get(e.get_array(), "bucket terms");
    const std::uint64_t bucket = r.u64(r.el(a, 0), "bucket");
    const std::uint64_t cls = r.u64(r.el(a, 1), "class");
    if (bucket >= d.bucket_terms.size() || cls >= kClasses) r.fail("bucket terms");
    auto& cell = d.bucket_terms[bucket][cls];
    for (auto t : r.get(r.el(a, 2).get_array(), "bucket terms")) {
      auto p = r.get(t.get_array(), "bucket term");
      const std::uint32_t n = d.terms.intern(r.get(r.el(p, 0).get_string(), "term"));
      const std::uint64_t count = r.u64(r.el(p, 1), "term count");
      if (!cell.find(n)) cell[n] = count;
    }
  }
  return state;
}

}  // namespace hark::report
