#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "hark/report.hpp"
#include "terms.hpp"

namespace hark::report {

// Lookups by string_view without building a std::string per term.
struct TermHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using TermMap = std::unordered_map<std::string, V, TermHash, std::equal_to<>>;

struct TermCounts {
  std::uint64_t all = 0;         // mentions in the window that use the term
  std::uint64_t complaints = 0;  // complaints among them
  std::size_t example = kNoExample;  // the complaint with the smallest id that uses it
  std::uint64_t last = 0;  // the record that last counted it, so a record counts a term once
  static constexpr std::size_t kNoExample = static_cast<std::size_t>(-1);
};

// A word's count in one bucket and class, with the same once-per-record stamp.
struct CellCount {
  std::uint64_t n = 0;
  std::uint64_t last = 0;
};

struct Example {
  std::string id;
  std::string text;
};

struct LanguageTerms {
  std::uint64_t mentions = 0;
  std::uint64_t complaints = 0;
  TermMap<TermCounts> terms;
};

// Seen ids as 64-bit hashes in an open-addressing table: 8 bytes an id rather than a string.
// Two ids sharing a hash would be counted once; with n ids the odds are about n²/2^65.
class IdSet {
 public:
  // Returns true when `id` was not there before.
  bool insert(std::string_view id);

 private:
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024);
  std::size_t size_ = 0;
};

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
  std::vector<std::array<TermMap<CellCount>, kClasses>> bucket_terms;
  std::uint64_t record = 0;  // a number for each record folded in, for the stamps above

  IdSet seen;  // not part of the serialized state: shards have disjoint ids
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
