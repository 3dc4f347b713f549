#include <algorithm>
#include <cstring>
#include <tuple>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/mention.hpp"
#include "state_data.hpp"

namespace hark::report {
namespace {

constexpr std::string_view kClassNames[kClasses] = {"complaint", "question",   "praise",
                                                    "expert-tip", "other",     "unclassified"};
constexpr std::size_t kComplaint = 0, kQuestion = 1, kPraise = 2, kExpertTip = 3;
constexpr std::int64_t kDueWindow = 12 * 3600;  // "due" within 12 hours of the SLA
constexpr std::size_t kItemText = 280;          // bytes of mention text a list keeps
constexpr std::int64_t kQueueLookbackDays = 7;

std::size_t class_index(std::optional<std::string_view> name) {
  if (!name) return kUnclassified;
  for (std::size_t c = 0; c < kUnclassified; ++c)
    if (*name == kClassNames[c]) return c;
  return kUnclassified;
}

// Cuts `s` to at most `max` bytes at a UTF-8 character boundary, marking the cut.
std::string cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

void count(std::map<std::string, ClassCounts, std::less<>>& m, BreakdownMemo& memo,
           std::string_view key, std::size_t cls) {
  for (const auto& [name, counts] : memo)
    if (name.size() == key.size() && std::memcmp(name.data(), key.data(), key.size()) == 0) {
      ++(*counts)[cls];
      return;
    }
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), ClassCounts{}).first;
  ++it->second[cls];
  if (memo.size() < kBreakdownMemo) memo.push_back({it->first, &it->second});
}

template <class T, class Less>
void push_top(std::vector<T>& v, T&& x, Less less) {
  v.push_back(std::move(x));
  if (v.size() >= 4 * kTop) keep_top(v, less);
}

std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

// A hash for short strings (terms, ids), eight bytes a step and inlined: std::hash's call
// was a large part of looking a term up.
std::uint64_t short_hash(std::string_view s) {
  std::uint64_t h = s.size() * 0x9E3779B97F4A7C15ULL;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  for (std::size_t k = 0; i + k < s.size(); ++k)
    w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i + k])) << (8 * k);
  return mix((h ^ w) * 0xc4ceb9fe1a85ec53ULL);
}

// Whether key `k`, known to be as long as `lit`, is `lit`: a compare of constant length is
// inlined, where string_view's == was a call per key of a matching length.
template <std::size_t N>
bool is(std::string_view k, const char (&lit)[N]) {
  return std::memcmp(k.data(), lit, N - 1) == 0;
}

// The sum of an engagement object's counts, its keys read in one pass; the first of a repeated
// key counts and the errors come in the same order, as with a lookup per key.
std::int64_t engagement_sum(simdjson::dom::object eo) {
  std::optional<simdjson::dom::element> counts[3];
  for (auto it = eo.begin(); it != eo.end(); ++it) {
    const std::string_view k = it.key();
    const std::size_t i = k == "replies" ? 0 : k == "likes" ? 1 : k == "shares" ? 2 : 3;
    if (i < 3 && !counts[i]) counts[i] = it.value();
  }
  constexpr std::string_view kWhere[] = {"engagement.replies", "engagement.likes",
                                         "engagement.shares"};
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (!counts[i] || counts[i]->is_null()) continue;
    std::int64_t n;
    if (counts[i]->get_int64().get(n))
      throw RecordError(fmt::format("\"{}\" must be an integer or null", kWhere[i]));
    sum += n;
  }
  return sum;
}

// The keys a report reads, taken in one pass over the record: a lookup per key would scan
// the object's keys again each time, and this loop is most of the report's time.
struct Fields {
  std::optional<std::string_view> id, published, cls, source, channel, lang, text, title, url,
      advice, answered_at;
  bool has_answered_key = false;
  std::int64_t engagement = 0;
  std::optional<std::int64_t> reach;
};

Fields read_fields(simdjson::dom::object rec) {
  Fields f;
  const auto string = [](simdjson::dom::element v, std::string_view key,
                         std::optional<std::string_view>& out) {
    if (v.is_null()) return;
    std::string_view s;
    if (v.get_string().get(s)) throw RecordError(fmt::format("\"{}\" must be a string or null", key));
    out = s;
  };
  for (const auto field : rec) {
    const std::string_view k = field.key;
    const simdjson::dom::element v = field.value;
    // Dispatch on the key's length first: most keys are then ruled out without a compare.
    switch (k.size()) {
      case 2:
        if (is(k, "id")) string(v, k, f.id);
        break;
      case 3:
        if (is(k, "url")) string(v, k, f.url);
        break;
      case 4:
        if (is(k, "text")) string(v, k, f.text);
        else if (is(k, "lang")) string(v, k, f.lang);
        break;
      case 5:
        if (is(k, "class")) string(v, k, f.cls);
        else if (is(k, "title")) string(v, k, f.title);
        else if (is(k, "reach") && !v.is_null()) {
          std::int64_t n;
          if (v.get_int64().get(n)) throw RecordError("\"reach\" must be an integer or null");
          f.reach = n;
        }
        break;
      case 6:
        if (is(k, "source")) string(v, k, f.source);
        else if (is(k, "advice")) string(v, k, f.advice);
        break;
      case 7:
        if (is(k, "channel")) string(v, k, f.channel);
        break;
      case 9:
        if (is(k, "published")) string(v, k, f.published);
        break;
      case 10:
        if (is(k, "engagement") && !v.is_null()) {
          simdjson::dom::object eo;
          if (v.get_object().get(eo)) throw RecordError("\"engagement\" must be an object or null");
          f.engagement = engagement_sum(eo);
        }
        break;
      case 11:
        if (is(k, "answered_at")) {
          f.has_answered_key = true;
          string(v, k, f.answered_at);
        }
        break;
      default:
        break;
    }
  }
  return f;
}

}  // namespace

std::string_view class_name(std::size_t c) { return kClassNames[c]; }

std::string_view sla_state_name(SlaState s) {
  static constexpr std::string_view kNames[] = {"overdue", "due", "ok", "unknown"};
  return kNames[static_cast<int>(s)];
}

std::uint64_t IdSet::hash(std::string_view id) {
  const std::uint64_t h = short_hash(id);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

bool IdSet::insert(std::uint64_t h) {
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<std::uint64_t> old(slots_.size() * 2);
    old.swap(slots_);
    size_ = 0;
    for (std::uint64_t x : old)
      if (x) {
        std::size_t i = x & (slots_.size() - 1);
        while (slots_[i]) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = x;
        ++size_;
      }
  }
  std::size_t i = h & (slots_.size() - 1);
  while (slots_[i]) {
    if (slots_[i] == h) return false;
    i = (i + 1) & (slots_.size() - 1);
  }
  slots_[i] = h;
  ++size_;
  return true;
}

std::size_t TermIndex::probe(std::string_view t, std::uint64_t h) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = h >> 32;
  std::size_t i = h & mask;
  for (; slots_[i]; i = (i + 1) & mask) {
    if ((slots_[i] >> 32) != tag) continue;
    const std::size_t n = static_cast<std::uint32_t>(slots_[i] - 1);
    const std::size_t start = starts_[n];
    if (starts_[n + 1] - start == t.size() &&
        std::memcmp(bytes_.data() + start, t.data(), t.size()) == 0)
      break;
  }
  return i;
}

std::uint32_t TermIndex::find(std::string_view t) const {
  const std::uint64_t s = slots_[probe(t, short_hash(t))];
  return s ? static_cast<std::uint32_t>(s - 1) : kNone;
}

std::uint32_t TermIndex::intern(std::string_view t) {
  const std::uint64_t h = short_hash(t);
  std::size_t i = probe(t, h);
  if (slots_[i]) return static_cast<std::uint32_t>(slots_[i] - 1);
  const auto n = static_cast<std::uint32_t>(size());
  bytes_.append(t);
  starts_.push_back(bytes_.size());
  if (2 * (size() + 1) > slots_.size()) {
    // The hashes are not kept: recomputing them from the text on a rare resize is cheaper
    // than 8 more bytes a term.
    std::vector<std::uint64_t> old(2 * slots_.size());
    old.swap(slots_);
    for (std::uint64_t x : old)
      if (x) {
        const auto k = static_cast<std::uint32_t>(x - 1);
        const std::string_view u = text(k);
        slots_[probe(u, short_hash(u))] = x;
      }
    i = probe(t, h);
  }
  slots_[i] = ((h >> 32) << 32) | (n + 1ULL);
  return n;
}

bool queue_before(const QueueItem& a, const QueueItem& b) {
  // Overdue before due before ok before unknown; then the loudest, the widest read, the
  // oldest; the id settles ties so every shard order agrees.
  return std::make_tuple(static_cast<int>(a.state), -a.item.engagement,
                         -a.item.reach.value_or(-1), a.item.published, std::cref(a.item.id)) <
         std::make_tuple(static_cast<int>(b.state), -b.item.engagement,
                         -b.item.reach.value_or(-1), b.item.published, std::cref(b.item.id));
}

bool amplify_before(const Item& a, const Item& b) {
  return std::make_tuple(-a.engagement, -a.reach.value_or(-1), std::cref(a.id)) <
         std::make_tuple(-b.engagement, -b.reach.value_or(-1), std::cref(b.id));
}

bool privacy_before(const Item& a, const Item& b) {
  return std::make_tuple(-a.published, std::cref(a.id)) <
         std::make_tuple(-b.published, std::cref(b.id));
}

State::State(Window window, Settings settings) : data_(std::make_unique<Data>()) {
  std::sort(settings.answers_from.begin(), settings.answers_from.end());
  settings.answers_from.erase(
      std::unique(settings.answers_from.begin(), settings.answers_from.end()),
      settings.answers_from.end());
  data_->buckets.resize(window.buckets());
  data_->bucket_terms.resize(window.window_buckets());
  data_->window = std::move(window);
  data_->settings = std::move(settings);
}

State::~State() = default;
State::State(State&&) noexcept = default;
State& State::operator=(State&&) noexcept = default;
const Window& State::window() const { return data_->window; }
const Settings& State::settings() const { return data_->settings; }


void State::add(simdjson::dom::object rec) {
  Data& d = *data_;
  const Window& w = d.window;
  // Every key is read and checked before anything is counted, so a bad record counts nowhere.
  const Fields f = read_fields(rec);
  const auto& id = f.id;
  if (!id || id->empty()) throw RecordError("missing \"id\"");
  const auto& published_s = f.published;
  const auto& cls_s = f.cls;
  const auto& source = f.source;
  const auto& channel = f.channel;
  const auto& lang = f.lang;
  const auto& text = f.text;
  const auto& title = f.title;
  const auto& url = f.url;
  const auto& advice = f.advice;
  const std::int64_t engagement = f.engagement;
  const auto& reach = f.reach;
  const bool has_answered_key = f.has_answered_key;
  const auto& answered_s = f.answered_at;

  const std::uint64_t id_hash = IdSet::hash(*id);
  d.seen.prefetch(id_hash);
  const std::optional<UnixTime> published =
      published_s ? parse_rfc3339(*published_s) : std::nullopt;
  if (!d.seen.insert(id_hash)) {
    ++d.duplicates;
    return;
  }
  ++d.read;
  if (!published) {
    ++d.undated;
    return;
  }
  if (*published >= w.to) {
    ++d.after_window;
    return;
  }
  if (!d.earliest || *published < *d.earliest) d.earliest = *published;
  if (*published < w.edges.front()) return;  // older than anything the report compares with

  const std::size_t cls = class_index(cls_s);
  const auto bucket = static_cast<std::size_t>(
      std::upper_bound(w.edges.begin(), w.edges.end(), *published) - w.edges.begin() - 1);
  ++d.buckets[bucket][cls];
  const bool in_window = bucket >= w.first;
  const std::string_view body = text ? *text : title.value_or("");

  const auto item = [&] {
    Item it;
    it.id = std::string(*id);
    it.cls = cls;
    it.published = *published;
    it.source = std::string(source.value_or(""));
    it.url = std::string(url.value_or(""));
    it.text = cut(body, kItemText);
    it.engagement = engagement;
    it.reach = reach;
    return it;
  };

  if ((cls == kComplaint || cls == kQuestion) &&
      bucket >= w.first - static_cast<std::size_t>(w.hourly ? kQueueLookbackDays * 24
                                                            : kQueueLookbackDays)) {
    const UnixTime as_of = w.as_of();
    std::optional<UnixTime> answered_at;
    bool known = false;
    if (answered_s) {
      answered_at = parse_rfc3339(*answered_s);
      known = answered_at.has_value();  // an unreadable time tells us nothing
      if (answered_at && *answered_at > as_of) answered_at.reset();  // not yet, as of the report
    } else if (has_answered_key) {
      const auto& from = d.settings.answers_from;
      known = std::binary_search(from.begin(), from.end(), "*") ||
              (source && std::binary_search(from.begin(), from.end(), *source));
    }
    if (in_window && known) {
      ++d.answers_known;
      if (answered_at) {
        ++d.answered;
        const std::int64_t latency = std::max<std::int64_t>(0, *answered_at - *published);
        d.latencies.push_back(latency);
        if (latency <= d.settings.sla) ++d.answered_within_sla;
      }
    }
    if (!answered_at) {
      const std::int64_t age = as_of - *published;
      SlaState state = SlaState::unknown;
      if (known)
        state = age > d.settings.sla               ? SlaState::overdue
                : age > d.settings.sla - kDueWindow ? SlaState::due
                                                    : SlaState::ok;
      ++d.queue_by_state[static_cast<int>(state)];
      push_top(d.queue, QueueItem{item(), state}, queue_before);
    }
  }
  if (!in_window) return;

  count(d.by_source, d.memo[0], source.value_or("unknown"), cls);
  count(d.by_channel, d.memo[1], channel.value_or("unknown"), cls);
  count(d.by_lang, d.memo[2], lang.value_or("unknown"), cls);
  if (cls == kPraise || cls == kExpertTip) {
    ++d.amplify_total;
    push_top(d.amplify, item(), amplify_before);
  }
  if (advice && *advice == "respond-private") {
    ++d.privacy_total;
    push_top(d.privacy, item(), privacy_before);
  }

  const std::string_view theme_lang = theme_language(lang.value_or(""));
  d.scratch.split(body, theme_lang);
  const std::uint64_t record = ++d.record;
  auto& cell = d.bucket_terms[bucket - w.first][cls];
  LanguageTerms* terms = nullptr;
  const bool complaint = cls == kComplaint;
  std::size_t example = TermCounts::kNoExample;
  if (!theme_lang.empty()) {
    // theme_language returns views of its own list, so the pointer names the language.
    for (const auto& [name, lt] : d.theme_memo)
      if (name == theme_lang.data()) terms = lt;
    if (!terms) {
      auto lt = d.themes.find(theme_lang);
      if (lt == d.themes.end())
        lt = d.themes.emplace(std::string(theme_lang), LanguageTerms{}).first;
      terms = &lt->second;
      d.theme_memo.push_back({theme_lang.data(), terms});
    }
    ++terms->mentions;
    if (complaint) {
      ++terms->complaints;
      example = d.examples.size();  // stored below only if some term takes it
    }
  }
  // Spike cells count words only; phrases are looked up only when there are themes to count.
  const std::size_t n = terms ? d.scratch.terms.size() : d.scratch.words_in_terms;
  bool used = false;
  for (std::size_t k = 0; k < n; ++k) {
    const std::uint32_t t = d.terms.intern(d.scratch.terms[k]);
    if (t >= d.stamps.size()) d.stamps.resize(t + 1);
    if (d.stamps[t] == record) continue;  // said twice in one mention
    d.stamps[t] = record;
    if (k < d.scratch.words_in_terms) ++cell[t];
    if (!terms) continue;
    TermCounts& tc = terms->terms[t];
    ++tc.all;
    if (!complaint) continue;
    ++tc.complaints;
    if (tc.example == TermCounts::kNoExample || *id < d.examples[tc.example].id) {
      tc.example = example;
      used = true;
    }
  }
  // Most complaints are no term's smallest id: their id and text are not copied at all.
  if (used) d.examples.push_back({std::string(*id), cut(body, kItemText)});
}

void State::merge(State&& other) {
  Data& d = *data_;
  Data& o = *other.data_;
  const auto key = [](const Data& x) {
    return std::tie(x.window.period, x.window.tz, x.window.now, x.settings.sla,
                    x.settings.answers_from);
  };
  if (key(d) != key(o))
    throw Error("states differ in --period, --tz, --now, --sla or --answers-from; merge only "
                "states made with the same options",
                Exit::usage);
  d.read += o.read;
  d.duplicates += o.duplicates;
  d.undated += o.undated;
  d.after_window += o.after_window;
  if (o.earliest && (!d.earliest || *o.earliest < *d.earliest)) d.earliest = o.earliest;
  for (std::size_t b = 0; b < d.buckets.size(); ++b)
    for (std::size_t c = 0; c < kClasses; ++c) d.buckets[b][c] += o.buckets[b][c];
  using Breakdowns = std::map<std::string, ClassCounts, std::less<>>;
  const std::pair<Breakdowns*, Breakdowns*> breakdowns[] = {
      {&d.by_source, &o.by_source}, {&d.by_channel, &o.by_channel}, {&d.by_lang, &o.by_lang}};
  for (const auto& [mine, theirs] : breakdowns)
    for (const auto& [name, counts] : *theirs) {
      ClassCounts& m = (*mine)[name];
      for (std::size_t c = 0; c < kClasses; ++c) m[c] += counts[c];
    }
  for (std::size_t s = 0; s < 4; ++s) d.queue_by_state[s] += o.queue_by_state[s];
  for (auto& q : o.queue) push_top(d.queue, std::move(q), queue_before);
  d.answers_known += o.answers_known;
  d.answered += o.answered;
  d.answered_within_sla += o.answered_within_sla;
  d.latencies.insert(d.latencies.end(), o.latencies.begin(), o.latencies.end());
  d.amplify_total += o.amplify_total;
  for (auto& i : o.amplify) push_top(d.amplify, std::move(i), amplify_before);
  d.privacy_total += o.privacy_total;
  for (auto& i : o.privacy) push_top(d.privacy, std::move(i), privacy_before);
  std::vector<std::size_t> copied(o.examples.size(), TermCounts::kNoExample);
  for (auto& [lang, theirs] : o.themes) {
    LanguageTerms& mine = d.themes[lang];
    mine.mentions += theirs.mentions;
    mine.complaints += theirs.complaints;
    theirs.terms.for_each([&](std::uint32_t t, const TermCounts& tc) {
      TermCounts& m = mine.terms[d.terms.intern(o.terms.text(t))];
      m.all += tc.all;
      m.complaints += tc.complaints;
      if (tc.example == TermCounts::kNoExample) return;
      const Example& ex = o.examples[tc.example];
      if (m.example == TermCounts::kNoExample || ex.id < d.examples[m.example].id) {
        // Each of their examples is copied once, however many terms it serves.
        if (copied[tc.example] == TermCounts::kNoExample) {
          copied[tc.example] = d.examples.size();
          d.examples.push_back(ex);
        }
        m.example = copied[tc.example];
      }
    });
  }
  for (std::size_t b = 0; b < d.bucket_terms.size(); ++b)
    for (std::size_t c = 0; c < kClasses; ++c)
      o.bucket_terms[b][c].for_each([&](std::uint32_t t, std::uint64_t count) {
        d.bucket_terms[b][c][d.terms.intern(o.terms.text(t))] += count;
      });
  other = State(o.window, o.settings);  // leave `other` empty rather than half-moved
}

}  // namespace hark::report
