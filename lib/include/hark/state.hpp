#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "hark/http.hpp"
#include "hark/time.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hark {

// What the store remembers about one source between runs.
struct SourceState {
  Validators validators;  // of the last successful fetch whose mentions were all confirmed
  long status = 0;        // last HTTP status (0 for files or when no response came)
  std::string error;      // last failure, empty when the last fetch succeeded
  UnixTime checked = 0;   // when it was last fetched
};

// The incremental state of `hark fetch` in one SQLite file (docs/fetch.md, "State"):
// per source the validators for conditional GET and the last outcome, per mention the
// ids already emitted. Safe for several processes at once (WAL, busy timeout, every write
// in one transaction). Throws Error naming the file on any database failure.
class StateStore {
 public:
  // Opens or creates the database, creating missing parent directories.
  explicit StateStore(const std::string& path);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  // The default location: $XDG_STATE_HOME/hark/state.db, else ~/.local/state/hark/state.db.
  // Throws Error when neither XDG_STATE_HOME nor HOME is set.
  static std::string default_path();

  // What is stored for `source`, or nullopt for a source never fetched.
  std::optional<SourceState> source(std::string_view source);

  // True when `id` was confirmed by an earlier run.
  bool seen(std::string_view id);

  // Confirms a fetched source in one transaction: its ids are marked seen and its new
  // validators and status stored. Call only after the mentions' lines were written and
  // flushed, so a crash before this re-emits them rather than losing them.
  void confirm(std::string_view source, const SourceState& state, std::span<const std::string> ids);

  // Records a failed fetch: status, error and time; the old validators are kept.
  void record_failure(std::string_view source, long status, std::string_view error, UnixTime when);

 private:
  void close();
  void exec(const char* sql);
  void exec_when_free(const char* sql);
  sqlite3_stmt* prepare(const char* sql);
  [[noreturn]] void fail(std::string_view what);
  std::string path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* select_source_ = nullptr;
  sqlite3_stmt* select_seen_ = nullptr;
  sqlite3_stmt* insert_seen_ = nullptr;
  sqlite3_stmt* upsert_source_ = nullptr;
  sqlite3_stmt* record_failure_ = nullptr;
};

}  // namespace hark
