#include <filesystem>
#include <stdlib.h>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "hark/error.hpp"
#include "hark/state.hpp"

namespace {

// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "hark-state-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

// Sets an environment variable for one scope and restores it after.
struct EnvVar {
  std::string name;
  std::string old;
  bool had;
  EnvVar(const char* n, const char* value) : name(n), had(getenv(n) != nullptr) {
    if (had) old = getenv(n);
    if (value != nullptr)
      setenv(n, value, 1);
    else
      unsetenv(n);
  }
  ~EnvVar() {
    if (had)
      setenv(name.c_str(), old.c_str(), 1);
    else
      unsetenv(name.c_str());
  }
};

}  // namespace

TEST_SUITE_BEGIN("state");

TEST_CASE("the default path follows XDG_STATE_HOME, else HOME") {
  {
    EnvVar xdg("XDG_STATE_HOME", "/var/tmp/xdg");
    CHECK(hark::StateStore::default_path() == "/var/tmp/xdg/hark/state.db");
  }
  {
    EnvVar xdg("XDG_STATE_HOME", nullptr);
    EnvVar home("HOME", "/home/ann");
    CHECK(hark::StateStore::default_path() == "/home/ann/.local/state/hark/state.db");
  }
  {
    // A relative XDG_STATE_HOME is invalid by the spec and ignored.
    EnvVar xdg("XDG_STATE_HOME", "rel/state");
    EnvVar home("HOME", "/home/ann");
    CHECK(hark::StateStore::default_path() == "/home/ann/.local/state/hark/state.db");
  }
  {
    EnvVar xdg("XDG_STATE_HOME", nullptr);
    EnvVar home("HOME", nullptr);
    CHECK_THROWS_AS(hark::StateStore::default_path(), hark::Error);
  }
}

TEST_CASE("a new store creates its directories and knows nothing") {
  TempDir dir;
  const auto path = (dir.path / "a" / "b" / "state.db").string();
  hark::StateStore store(path);
  CHECK(std::filesystem::exists(path));
  CHECK_FALSE(store.source("https://example.org/feed").has_value());
  CHECK_FALSE(store.seen("feed:x"));
}

TEST_CASE("confirmed ids and validators survive reopening") {
  TempDir dir;
  const auto path = (dir.path / "state.db").string();
  const std::vector<std::string> ids = {"feed:https://e.org/1", "feed:https://e.org/2"};
  {
    hark::StateStore store(path);
    store.confirm("https://e.org/feed",
                  {{"\"v1\"", "Tue, 24 Nov 2026 09:00:00 GMT"}, 200, "", 1000}, ids);
  }
  hark::StateStore store(path);
  CHECK(store.seen("feed:https://e.org/1"));
  CHECK(store.seen("feed:https://e.org/2"));
  CHECK_FALSE(store.seen("feed:https://e.org/3"));
  const auto st = store.source("https://e.org/feed");
  REQUIRE(st.has_value());
  CHECK(st->validators.etag == "\"v1\"");
  CHECK(st->validators.last_modified == "Tue, 24 Nov 2026 09:00:00 GMT");
  CHECK(st->status == 200);
  CHECK(st->error.empty());
  CHECK(st->checked == 1000);
}

TEST_CASE("a failure records status and error but keeps the validators") {
  TempDir dir;
  hark::StateStore store((dir.path / "state.db").string());
  store.confirm("https://e.org/feed", {{"\"v1\"", ""}, 200, "", 1000}, {});
  store.record_failure("https://e.org/feed", 503, "HTTP 503 after 3 tries", 2000);
  auto st = store.source("https://e.org/feed");
  REQUIRE(st.has_value());
  CHECK(st->validators.etag == "\"v1\"");
  CHECK(st->status == 503);
  CHECK(st->error == "HTTP 503 after 3 tries");
  CHECK(st->checked == 2000);
  // The next success clears the error.
  store.confirm("https://e.org/feed", {{"\"v2\"", ""}, 200, "", 3000}, {});
  st = store.source("https://e.org/feed");
  CHECK(st->validators.etag == "\"v2\"");
  CHECK(st->error.empty());
}

TEST_CASE("confirming an id twice is harmless") {
  TempDir dir;
  hark::StateStore store((dir.path / "state.db").string());
  const std::vector<std::string> ids = {"feed:a", "feed:a"};
  store.confirm("s", {{}, 200, "", 1}, ids);
  store.confirm("s", {{}, 200, "", 2}, ids);
  CHECK(store.seen("feed:a"));
}

TEST_CASE("two stores on one file write at once without losing a confirmation") {
  TempDir dir;
  const auto path = (dir.path / "state.db").string();
  hark::StateStore{path};  // create the schema first, as an earlier run would have
  auto writer = [&](int who) {
    hark::StateStore store(path);
    for (int i = 0; i < 200; ++i) {
      const std::vector<std::string> ids = {"feed:" + std::to_string(who) + "-" +
                                            std::to_string(i)};
      store.confirm("source-" + std::to_string(who), {{}, 200, "", i}, ids);
    }
  };
  std::thread a(writer, 1);
  std::thread b(writer, 2);
  a.join();
  b.join();
  hark::StateStore store(path);
  int seen = 0;
  for (int who = 1; who <= 2; ++who)
    for (int i = 0; i < 200; ++i)
      seen += store.seen("feed:" + std::to_string(who) + "-" + std::to_string(i));
  CHECK(seen == 400);
}

TEST_CASE("an unusable state file is an error naming it") {
  TempDir dir;
  const auto path = (dir.path / "state.db").string();
  std::filesystem::create_directory(path);  // a directory where the file should be
  const std::string name = path;
  CHECK_THROWS_WITH_AS(hark::StateStore{path}, doctest::Contains(name.c_str()), hark::Error);
}

TEST_SUITE_END();
