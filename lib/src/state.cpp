#include "hark/state.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <thread>

#include <fmt/format.h>
#include <sqlite3.h>

#include "hark/error.hpp"

namespace hark {
namespace {

// Version 1 of the schema; `PRAGMA user_version` says which one a file holds.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sources (
  source        TEXT PRIMARY KEY,  -- the URL or path as given
  etag          TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  status        INTEGER NOT NULL DEFAULT 0,
  error         TEXT NOT NULL DEFAULT '',
  checked       INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS seen (
  id         TEXT PRIMARY KEY,  -- a record's id, confirmed emitted
  first_seen INTEGER NOT NULL
) WITHOUT ROWID;
PRAGMA user_version = 1;
)sql";

void bind_text(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p != nullptr ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : "";
}

// Resets a statement for reuse whatever happened, so no read lock outlives its call.
struct Reset {
  sqlite3_stmt* s;
  ~Reset() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

}  // namespace

StateStore::StateStore(const std::string& path) : path_(path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec)
    throw Error(fmt::format("{}: cannot create directory: {}", parent.string(), ec.message()));
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(fmt::format("{}: cannot open state: {}", path, why));
  }
  try {
    // Another run may hold the write lock for a moment; wait for it rather than fail.
    sqlite3_busy_timeout(db_, 30'000);
    // WAL lets readers and one writer work at once; NORMAL sync can lose the last commits
    // on power loss, which only re-emits mentions (at-least-once), never loses them.
    exec_when_free("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = NORMAL");
    exec_when_free("BEGIN IMMEDIATE");
    exec(kSchema);
    exec("COMMIT");
    select_source_ =
        prepare("SELECT etag, last_modified, status, error, checked FROM sources WHERE source = ?");
    select_seen_ = prepare("SELECT 1 FROM seen WHERE id = ?");
    insert_seen_ = prepare("INSERT OR IGNORE INTO seen (id, first_seen) VALUES (?, ?)");
    upsert_source_ = prepare(
        "INSERT INTO sources (source, etag, last_modified, status, error, checked) "
        "VALUES (?, ?, ?, ?, '', ?) ON CONFLICT (source) DO UPDATE SET etag = excluded.etag, "
        "last_modified = excluded.last_modified, status = excluded.status, error = '', "
        "checked = excluded.checked");
    record_failure_ = prepare(
        "INSERT INTO sources (source, status, error, checked) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (source) DO UPDATE SET status = excluded.status, error = excluded.error, "
        "checked = excluded.checked");
  } catch (...) {
    close();
    throw;
  }
}

StateStore::~StateStore() { close(); }

void StateStore::close() {
  for (sqlite3_stmt* s :
       {select_source_, select_seen_, insert_seen_, upsert_source_, record_failure_})
    sqlite3_finalize(s);
  select_source_ = select_seen_ = insert_seen_ = upsert_source_ = record_failure_ = nullptr;
  sqlite3_close(db_);
  db_ = nullptr;
}

std::string StateStore::default_path() {
  const char* xdg = std::getenv("XDG_STATE_HOME");
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/hark/state.db";
  const char* home = std::getenv("HOME");
  if (home == nullptr || home[0] == '\0')
    throw Error("no state location: set XDG_STATE_HOME or HOME, or use --state or --no-state",
                Exit::usage);
  return std::string(home) + "/.local/state/hark/state.db";
}

void StateStore::fail(std::string_view what) {
  throw Error(fmt::format("{}: state {}: {}", path_, what, sqlite3_errmsg(db_)));
}

void StateStore::exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail("error");
}

// Two runs opening a new state at once race to switch it to WAL, and SQLite answers the
// loser "busy" at once where waiting could deadlock; so the setup tries again for a while.
void StateStore::exec_when_free(const char* sql) {
  for (int tries = 0;; ++tries) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    if ((rc & 0xff) != SQLITE_BUSY || tries == 3000) fail("error");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

sqlite3_stmt* StateStore::prepare(const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
    fail("error");
  return s;
}

std::optional<SourceState> StateStore::source(std::string_view source) {
  Reset reset{select_source_};
  bind_text(select_source_, 1, source);
  const int rc = sqlite3_step(select_source_);
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) fail("read error");
  SourceState st;
  st.validators = {column_text(select_source_, 0), column_text(select_source_, 1)};
  st.status = static_cast<long>(sqlite3_column_int64(select_source_, 2));
  st.error = column_text(select_source_, 3);
  st.checked = sqlite3_column_int64(select_source_, 4);
  return st;
}

bool StateStore::seen(std::string_view id) {
  Reset reset{select_seen_};
  bind_text(select_seen_, 1, id);
  const int rc = sqlite3_step(select_seen_);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail("read error");
  return rc == SQLITE_ROW;
}

void StateStore::confirm(std::string_view source, const SourceState& state,
                         std::span<const std::string> ids) {
  // IMMEDIATE takes the write lock up front, so a busy database waits here (busy timeout)
  // instead of failing halfway through.
  exec("BEGIN IMMEDIATE");
  try {
    for (const std::string& id : ids) {
      Reset reset{insert_seen_};
      bind_text(insert_seen_, 1, id);
      sqlite3_bind_int64(insert_seen_, 2, state.checked);
      if (sqlite3_step(insert_seen_) != SQLITE_DONE) fail("write error");
    }
    Reset reset{upsert_source_};
    bind_text(upsert_source_, 1, source);
    bind_text(upsert_source_, 2, state.validators.etag);
    bind_text(upsert_source_, 3, state.validators.last_modified);
    sqlite3_bind_int64(upsert_source_, 4, state.status);
    sqlite3_bind_int64(upsert_source_, 5, state.checked);
    if (sqlite3_step(upsert_source_) != SQLITE_DONE) fail("write error");
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void StateStore::record_failure(std::string_view source, long status, std::string_view error,
                                UnixTime when) {
  Reset reset{record_failure_};
  bind_text(record_failure_, 1, source);
  sqlite3_bind_int64(record_failure_, 2, status);
  bind_text(record_failure_, 3, error);
  sqlite3_bind_int64(record_failure_, 4, when);
  if (sqlite3_step(record_failure_) != SQLITE_DONE) fail("write error");
}

}  // namespace hark
