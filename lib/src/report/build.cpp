#include <algorithm>
#include <cmath>
#include <set>

#include "state_data.hpp"

namespace hark::report {
namespace {

constexpr std::size_t kComplaint = 0, kPraise = 2, kExpertTip = 3;
constexpr double kSpikeZ = 3.5;            // Iglewicz and Hoaglin's cut-off for outliers
constexpr std::uint64_t kSpikeMinimum = 3;  // fewer mentions than this is never a spike
constexpr std::size_t kSpikeTerms = 5;
constexpr double kSpikeTermLift = 1.5;  // a spike's term is at least this much more common in it
constexpr std::uint64_t kThemeMinimum = 2;  // a theme is shared by at least two complaints

double round1(double x) { return std::round(x * 10.0) / 10.0; }

std::uint64_t classified(const ClassCounts& c) {
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < kUnclassified; ++i) n += c[i];
  return n;
}

std::optional<double> net_score(const ClassCounts& c) {
  const std::uint64_t n = classified(c);
  if (n == 0) return std::nullopt;
  const double good = static_cast<double>(c[kPraise] + c[kExpertTip]);
  return round1(100.0 * (good - static_cast<double>(c[kComplaint])) / static_cast<double>(n));
}

std::vector<Breakdown> sorted(const std::map<std::string, ClassCounts, std::less<>>& m) {
  std::vector<Breakdown> v;
  for (const auto& [name, counts] : m) v.push_back({name, counts});
  const auto total = [](const Breakdown& b) {
    std::uint64_t n = 0;
    for (auto x : b.counts) n += x;
    return n;
  };
  std::stable_sort(v.begin(), v.end(),
                   [&](const Breakdown& a, const Breakdown& b) { return total(a) > total(b); });
  return v;
}

// Nearest-rank percentile of sorted values: exact, and the same however the data was split.
std::int64_t percentile(const std::vector<std::int64_t>& v, int p) {
  const std::size_t rank = (v.size() * static_cast<std::size_t>(p) + 99) / 100;
  return v[std::max<std::size_t>(rank, 1) - 1];
}

// How much more a term belongs to a part than to the whole: count × ln(lift), the lift
// being the term's share of the part over its share of the whole.
double distinctiveness(std::uint64_t in_part, std::uint64_t part, std::uint64_t in_all,
                       std::uint64_t all) {
  const double lift = (static_cast<double>(in_part) / static_cast<double>(part)) /
                      (static_cast<double>(in_all) / static_cast<double>(all));
  return static_cast<double>(in_part) * std::log(lift);
}

}  // namespace

Robust robust_z(std::vector<std::uint64_t> v, std::uint64_t x) {
  Robust r;
  if (v.empty()) return r;
  const auto median = [](std::vector<double> a) {
    std::sort(a.begin(), a.end());
    const std::size_t n = a.size();
    return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2.0;
  };
  std::vector<double> d(v.begin(), v.end());
  r.median = median(d);
  for (double& y : d) y = std::fabs(y - r.median);
  r.mad = median(d);
  // A scale of at least one mention keeps a quiet baseline (MAD 0) from calling 1 a spike.
  r.z = (static_cast<double>(x) - r.median) / std::max(1.4826 * r.mad, 1.0);
  return r;
}

Report build_report(const State& state) {
  const State::Data& d = state.data();
  const Window& w = d.window;
  Report r;
  r.window = w;
  r.settings = d.settings;
  r.read = d.read;
  r.duplicates = d.duplicates;
  r.undated = d.undated;
  r.after_window = d.after_window;
  r.earliest = d.earliest;
  // A bucket is covered when the input reaches back to its start.
  const auto covered = [&](std::size_t b) { return d.earliest && *d.earliest <= w.edges[b]; };

  for (std::size_t b = w.first; b < w.buckets(); ++b) {
    r.volume.push_back(d.buckets[b]);
    for (std::size_t c = 0; c < kClasses; ++c) r.totals[c] += d.buckets[b][c];
  }
  r.score = net_score(r.totals);
  const std::size_t n = w.window_buckets();
  if (w.first >= n && covered(w.first - n)) {
    ClassCounts prev{};
    for (std::size_t b = w.first - n; b < w.first; ++b)
      for (std::size_t c = 0; c < kClasses; ++c) prev[c] += d.buckets[b][c];
    r.previous = prev;
    r.previous_score = net_score(prev);
  }
  r.by_source = sorted(d.by_source);
  r.by_channel = sorted(d.by_channel);
  r.by_lang = sorted(d.by_lang);

  r.queue_by_state = d.queue_by_state;
  for (auto x : d.queue_by_state) r.queue_total += x;
  r.queue = d.queue;
  keep_top(r.queue, queue_before);

  r.answers_known = d.answers_known;
  r.answered = d.answered;
  r.answered_within_sla = d.answered_within_sla;
  if (!d.latencies.empty()) {
    std::vector<std::int64_t> lat = d.latencies;
    std::sort(lat.begin(), lat.end());
    r.median_response = percentile(lat, 50);
    r.p90_response = percentile(lat, 90);
  }

  for (const auto& themes_of_language : d.themes) {
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one in a lambda.
    const auto& lt = themes_of_language.second;
    if (lt.complaints == 0) continue;
    LanguageThemes lth{themes_of_language.first, lt.complaints, lt.mentions, {}};
    // A word that only ever appears inside one phrase says nothing the phrase does not.
    std::set<std::uint32_t> subsumed;
    lt.terms.for_each([&](std::uint32_t t, const TermCounts& tc) {
      const std::string_view term = d.terms.text(t);
      const auto space = term.find(' ');
      if (space == std::string::npos || tc.complaints < kThemeMinimum) return;
      for (std::string_view word : {term.substr(0, space), term.substr(space + 1)}) {
        const std::uint32_t wt = d.terms.find(word);
        const TermCounts* wc = wt == TermIndex::kNone ? nullptr : lt.terms.find(wt);
        if (wc && wc->all == tc.all && wc->complaints == tc.complaints) subsumed.insert(wt);
      }
    });
    lt.terms.for_each([&](std::uint32_t t, const TermCounts& tc) {
      if (tc.complaints < kThemeMinimum || subsumed.count(t)) return;
      const double score = distinctiveness(tc.complaints, lt.complaints, tc.all, lt.mentions);
      if (score <= 0.0) return;
      const Example& ex = d.examples[tc.example];
      lth.themes.push_back({std::string(d.terms.text(t)), tc.complaints, tc.all, score, ex.id,
                            ex.text});
    });
    const auto theme_before = [](const Theme& a, const Theme& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.term < b.term;
    };
    keep_top(lth.themes, theme_before);
    for (Theme& t : lth.themes) t.score = std::round(t.score * 1000.0) / 1000.0;
    r.themes.push_back(std::move(lth));
  }

  r.amplify_total = d.amplify_total;
  r.amplify = d.amplify;
  keep_top(r.amplify, amplify_before);
  r.privacy_total = d.privacy_total;
  r.privacy = d.privacy;
  keep_top(r.privacy, privacy_before);

  // Spikes: each window bucket against the covered buckets trailing it.
  const std::size_t baseline = w.hourly ? 7 * 24 : 28;
  const std::size_t needed = w.hourly ? 24 : 7;
  std::uint64_t window_total = 0;
  for (auto x : r.totals) window_total += x;
  for (std::size_t b = w.first; b < w.buckets(); ++b)
    for (std::size_t c = 0; c < kUnclassified; ++c) {
      const std::uint64_t x = d.buckets[b][c];
      if (x < kSpikeMinimum) continue;
      std::vector<std::uint64_t> base;
      for (std::size_t k = b - std::min(b, baseline); k < b; ++k)
        if (covered(k)) base.push_back(d.buckets[k][c]);
      if (base.size() < needed) continue;
      const Robust z = robust_z(base, x);
      if (z.z < kSpikeZ) continue;
      Spike s{c, w.edges[b], w.edges[b + 1], x, z.median, z.mad, std::round(z.z * 100) / 100, {}};
      // The words of the spike's mentions that are rarer in the whole window.
      std::vector<std::pair<double, std::pair<std::string, std::uint64_t>>> scored;
      d.bucket_terms[b - w.first][c].for_each([&](std::uint32_t t, std::uint64_t k) {
        if (k < 2) return;
        std::uint64_t in_all = 0;
        for (std::size_t b2 = 0; b2 < d.bucket_terms.size(); ++b2)
          for (std::size_t c2 = 0; c2 < kClasses; ++c2)
            if (const std::uint64_t* n = d.bucket_terms[b2][c2].find(t)) in_all += *n;
        const double score = distinctiveness(k, x, in_all, window_total);
        if (score >= static_cast<double>(k) * std::log(kSpikeTermLift))
          scored.push_back({score, {std::string(d.terms.text(t)), k}});
      });
      std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second.first < b.second.first;
      });
      for (std::size_t i = 0; i < std::min(scored.size(), kSpikeTerms); ++i)
        s.terms.push_back(scored[i].second);
      r.spikes.push_back(std::move(s));
    }
  return r;
}

}  // namespace hark::report
