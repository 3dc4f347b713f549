#pragma once

#include <map>
#include <string>
#include <vector>

#include "hark/report.hpp"
#include "terms.hpp"

namespace hark::report {

// The terms of a state (theme words and phrases, spike words), each stored once in one
// buffer. The tables below count by a term's number, so a mention's term is hashed and
// compared once rather than once per table, and no table holds a std::string per term.
class TermIndex {
 public:
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  // The number of `t`, adding it when new.
  std::uint32_t intern(std::string_view t);
  // The number of `t`, or kNone.
  std::uint32_t find(std::string_view t) const;
  std::string_view text(std::uint32_t n) const {
    return std::string_view(bytes_).substr(starts_[n], starts_[n + 1] - starts_[n]);
  }
  std::size_t size() const { return starts_.size() - 1; }

 private:
  std::size_t probe(std::string_view t, std::uint64_t h) const;
  std::string bytes_;
  std::vector<std::size_t> starts_ = {0};
  // The hash's high half, then the term's number + 1; 0 marks an empty slot.
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);
};

// Values by term number in open addressing; cells start without slots, as most stay small.
template <class V>
class TermTable {
 public:
  V& operator[](std::uint32_t n) {
    if (4 * (size_ + 1) > 3 * slots_.size()) grow();
    Slot& s = slots_[probe(n)];
    if (s.key == 0) {
      s.key = n + 1;
      ++size_;
    }
    return s.value;
  }
  const V* find(std::uint32_t n) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = slots_[probe(n)];
    return s.key ? &s.value : nullptr;
  }
  // Calls f(number, value) for each entry, in no particular order.
  template <class F>
  void for_each(F f) const {
    for (const Slot& s : slots_)
      if (s.key) f(s.key - 1, s.value);
  }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    std::uint32_t key = 0;  // the term's number + 1; 0 is empty
    V value{};
  };
  std::size_t probe(std::uint32_t n) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>((n * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    while (slots_[i].key != 0 && slots_[i].key != n + 1) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : 2 * slots_.size());
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.key) slots_[probe(s.key - 1)] = s;
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

struct TermCounts {
  std::uint64_t all = 0;         // mentions in the window that use the term
  std::uint64_t complaints = 0;  // complaints among them
  std::size_t example = kNoExample;  // the complaint with the smallest id that uses it
  static constexpr std::size_t kNoExample = static_cast<std::size_t>(-1);
};

struct Example {
  std::string id;
  std::string text;
};

struct LanguageTerms {
  std::uint64_t mentions = 0;
  std::uint64_t complaints = 0;
  TermTable<TermCounts> terms;
};

// Seen ids as 64-bit hashes in an open-addressing table: 8 bytes an id rather than a string.
// Two ids sharing a hash would be counted once; with n ids the odds are about n²/2^65.
class IdSet {
 public:
  static std::uint64_t hash(std::string_view id);
  // Starts loading the slot of hash `h`: the table is larger than the caches, and the
  // record's other fields can be read meanwhile.
  void prefetch(std::uint64_t h) const { __builtin_prefetch(&slots_[h & (slots_.size() - 1)]); }
  // Returns true when the id of hash `h` was not there before.
  bool insert(std::uint64_t h);

 private:
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);
  std::size_t size_ = 0;
};

// The first few entries of a breakdown map, found by a scan of short compares rather than the
// map's ordered string compares; map nodes stay put, so the pointers stay valid.
using BreakdownMemo = std::vector<std::pair<std::string_view, ClassCounts*>>;
inline constexpr std::size_t kBreakdownMemo = 16;

struct State::Data {
  Window window;
  Settings settings;
  std::uint64_t read = 0, duplicates = 0, undated = 0, after_window = 0;
  std::optional<UnixTime> earliest;
  std::vector<ClassCounts> buckets;  // one per window.edges bucket
  std::map<std::string, ClassCounts, std::less<>> by_source, by_channel, by_lang;
  std::array<std::uint64_t, 4> queue_by_state{};
  std::vector<QueueItem> queue;
  std::uint64_t answers_known = 0, answered = 0, answered_within_sla = 0;
  std::vector<std::int64_t> latencies;
  std::uint64_t amplify_total = 0;
  std::vector<Item> amplify;
  std::uint64_t privacy_total = 0;
  std::vector<Item> privacy;
  std::map<std::string, LanguageTerms, std::less<>> themes;
  std::vector<Example> examples;
  // Word counts per window bucket and class, for the terms behind a spike.
  std::vector<std::array<TermTable<std::uint64_t>, kClasses>> bucket_terms;
  TermIndex terms;  // the text of the term numbers above
  std::uint64_t record = 0;  // a number for each record folded in
  // The record that last counted each term, so a record counts a term once.
  std::vector<std::uint64_t> stamps;

  IdSet seen;  // not part of the serialized state: shards have disjoint ids
  std::array<BreakdownMemo, 3> memo;  // source, channel, lang
  std::vector<std::pair<const char*, LanguageTerms*>> theme_memo;  // by theme_language's view
  TermScratch scratch;
};

// The orders lists are kept in; they are total, so merged lists equal one run's.
bool queue_before(const QueueItem& a, const QueueItem& b);
bool amplify_before(const Item& a, const Item& b);
bool privacy_before(const Item& a, const Item& b);

// Sorts and keeps the first kTop of `v`.
template <class T, class Less>
void keep_top(std::vector<T>& v, Less less) {
  const std::size_t n = std::min(v.size(), kTop);
  std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n), v.end(), less);
  v.resize(n);
}

}  // namespace hark::report
