#include "hark/dedupe.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <string>

#include "hark/fold.hpp"

namespace hark {
namespace {

std::size_t table_size(std::size_t entries) {
  return std::bit_ceil(std::max<std::size_t>(entries * 2, 16));  // load stays at most 1/2
}

std::uint64_t mix(std::uint64_t h) {  // splitmix64 finaliser: spreads FNV's low bits
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

bool word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; }

}  // namespace

std::uint64_t fnv1a64(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

RecentSet::RecentSet(std::size_t capacity) : per_generation_(std::max<std::size_t>(capacity / 2, 1)) {
  newer_.slots.assign(table_size(per_generation_), 0);
}

bool RecentSet::Table::contains(std::uint64_t h) const {
  if (slots.empty()) return false;
  const std::size_t mask = slots.size() - 1;
  for (std::size_t i = mix(h) & mask;; i = (i + 1) & mask) {
    if (slots[i] == h) return true;
    if (slots[i] == 0) return false;
  }
}

void RecentSet::Table::add(std::uint64_t h) {
  const std::size_t mask = slots.size() - 1;
  std::size_t i = mix(h) & mask;
  while (slots[i] != 0) i = (i + 1) & mask;
  slots[i] = h;
  ++used;
}

bool RecentSet::insert(std::uint64_t h) {
  if (h == 0) h = 1;
  if (newer_.contains(h) || older_.contains(h)) return false;
  if (newer_.used == per_generation_) {
    std::swap(older_, newer_);
    newer_.slots.assign(table_size(per_generation_), 0);
    newer_.used = 0;
  }
  newer_.add(h);
  return true;
}

std::uint64_t simhash(std::string_view text) {
  const std::string f = folded(text);
  // Split into words, dropping URLs and @handles, which differ between copies of a post.
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < f.size();) {
    if (!word_byte(static_cast<unsigned char>(f[i])) && f[i] != '@') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < f.size() && f[j] != ' ' && f[j] != '\n' && f[j] != '\t') ++j;
    std::string_view tok(f.data() + i, j - i);
    if (tok.front() == '@' || tok.starts_with("http://") || tok.starts_with("https://") ||
        tok.starts_with("www.")) {
      i = j;
      continue;
    }
    // Within the token, keep runs of word bytes as words ("ziggo's" → "ziggo", "s").
    for (std::size_t a = 0; a < tok.size();) {
      if (!word_byte(static_cast<unsigned char>(tok[a]))) {
        ++a;
        continue;
      }
      std::size_t b = a;
      while (b < tok.size() && word_byte(static_cast<unsigned char>(tok[b]))) ++b;
      words.push_back(tok.substr(a, b - a));
      a = b;
    }
    i = j;
  }
  if (!words.empty() && words.front() == "rt") words.erase(words.begin());
  if (words.empty()) return 0;
  int votes[64] = {};
  const auto vote = [&](std::uint64_t h) {
    for (int b = 0; b < 64; ++b) votes[b] += (h >> b) & 1 ? 1 : -1;
  };
  if (words.size() == 1) vote(mix(fnv1a64(words[0])));
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    vote(mix(fnv1a64(words[i]) * 31 + fnv1a64(words[i + 1])));
  std::uint64_t h = 0;
  for (int b = 0; b < 64; ++b)
    if (votes[b] > 0) h |= std::uint64_t{1} << b;
  return h;
}

NearDupes::NearDupes(std::size_t capacity)
    : per_generation_(std::max<std::size_t>(capacity / 2, 1)) {
  newer_.clear();
  older_.clear();
}

void NearDupes::Generation::clear() {
  for (auto& band : buckets) band.assign(1u << 16, {});
  used = 0;
}

bool NearDupes::Generation::near(std::uint64_t h) const {
  for (int band = 0; band < 4; ++band) {
    const auto key = static_cast<std::uint16_t>(h >> (16 * band));
    for (std::uint64_t other : buckets[band][key])
      if (std::popcount(h ^ other) <= kNearBits) return true;
  }
  return false;
}

void NearDupes::Generation::add(std::uint64_t h) {
  for (int band = 0; band < 4; ++band)
    buckets[band][static_cast<std::uint16_t>(h >> (16 * band))].push_back(h);
  ++used;
}

bool NearDupes::seen_or_add(std::uint64_t h) {
  if (newer_.near(h) || older_.near(h)) return true;
  if (newer_.used == per_generation_) {
    std::swap(older_, newer_);
    newer_.clear();
  }
  newer_.add(h);
  return false;
}

}  // namespace hark
