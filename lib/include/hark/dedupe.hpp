#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hark {

// 64-bit FNV-1a: the stable hash behind --shard and the id sets (docs/filter.md).
std::uint64_t fnv1a64(std::string_view s);

// Remembers hashes in bounded memory: two generations of `capacity / 2` entries each; when
// the newer fills up, the older is forgotten. Every hash among the last capacity / 2
// distinct ones inserted is remembered. About 16 bytes per entry.
class RecentSet {
 public:
  explicit RecentSet(std::size_t capacity);

  // Inserts `h`; returns false if it was already remembered.
  bool insert(std::uint64_t h);

 private:
  struct Table {
    std::vector<std::uint64_t> slots;  // 0 marks an empty slot; hash 0 is stored as 1
    std::size_t used = 0;
    bool contains(std::uint64_t h) const;
    void add(std::uint64_t h);
  };
  std::size_t per_generation_;
  Table newer_, older_;
};

// 64-bit SimHash of a text's word bigrams (unigrams for one-word texts), after folding case
// and accents and dropping URLs, @handles and a leading "RT @user:". Near-identical texts
// get hashes a few bits apart. Returns 0 for a text with no words.
std::uint64_t simhash(std::string_view text);

// Finds earlier texts whose SimHash is within kNearBits of a new one, in bounded memory
// (same two-generation scheme as RecentSet).
class NearDupes {
 public:
  static constexpr int kNearBits = 3;
  explicit NearDupes(std::size_t capacity);

  // Returns true if a remembered hash is within kNearBits of `h`; otherwise remembers `h`.
  bool seen_or_add(std::uint64_t h);

 private:
  struct Generation {
    // Four bands of 16 bits: two hashes within 3 bits agree exactly on at least one band.
    std::vector<std::vector<std::uint64_t>> buckets[4];
    std::size_t used = 0;
    bool near(std::uint64_t h) const;
    void add(std::uint64_t h);
    void clear();
  };
  std::size_t per_generation_;
  Generation newer_, older_;
};

}  // namespace hark
