#include <doctest/doctest.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "hark/error.hpp"
#include "hark/jsonl.hpp"

namespace {

struct Seen {
  std::vector<std::string> raw;
  std::vector<std::size_t> lines;
  std::vector<std::string> bad;  // "line: reason"
};

// Runs the reader over `input` written into a pipe by another thread.
Seen read_all(const std::string& input, std::size_t max_line = 1000, bool stop_on_bad = false) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::thread writer([&] {
    std::size_t done = 0;
    while (done < input.size()) {
      const ssize_t n = ::write(fds[1], input.data() + done, input.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fds[1]);
  });
  Seen seen;
  hark::JsonlReader reader(max_line);
  reader.read(
      fds[0], "in",
      [&](simdjson::dom::object, std::string_view raw, const hark::Position& at) {
        seen.raw.emplace_back(raw);
        seen.lines.push_back(at.line);
      },
      [&](const hark::BadLine& bad) {
        seen.bad.push_back(std::to_string(bad.where.line) + ": " + bad.reason);
        return !stop_on_bad;
      });
  writer.join();
  ::close(fds[0]);
  return seen;
}

}  // namespace

TEST_SUITE_BEGIN("jsonl");

TEST_CASE("good lines are handed on with their own bytes and line numbers") {
  const Seen s = read_all("{\"id\":\"a\"}\n{ \"id\" : \"b\" , \"x\":[1,2]}\n");
  REQUIRE(s.raw.size() == 2);
  CHECK(s.raw[0] == "{\"id\":\"a\"}");
  CHECK(s.raw[1] == "{ \"id\" : \"b\" , \"x\":[1,2]}");
  CHECK(s.lines == std::vector<std::size_t>{1, 2});
  CHECK(s.bad.empty());
}

TEST_CASE("a malformed line is reported by number and skipped, its neighbours survive") {
  const Seen s = read_all("{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\n{\"id\":\"d\"}\n");
  CHECK(s.raw == std::vector<std::string>{"{\"id\":\"a\"}", "{\"id\":\"b\"}", "{\"id\":\"d\"}"});
  REQUIRE(s.bad.size() == 1);
  CHECK(s.bad[0].rfind("3: malformed JSON", 0) == 0);
}

TEST_CASE("blank lines are ignored but counted, CRLF and a missing final newline work") {
  const Seen s = read_all("\n  \n{\"a\":1}\r\n\t\n{\"b\":2}");
  CHECK(s.raw == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
  CHECK(s.lines == std::vector<std::size_t>{3, 5});
}

TEST_CASE("a byte order mark opening the input is dropped, elsewhere it is a bad line") {
  const Seen s = read_all("\xEF\xBB\xBF{\"a\":1}\r\n\xEF\xBB\xBF{\"b\":2}\n{\"c\":3}\n");
  CHECK(s.raw == std::vector<std::string>{"{\"a\":1}", "{\"c\":3}"});
  CHECK(s.lines == std::vector<std::size_t>{1, 3});
  REQUIRE(s.bad.size() == 1);
  CHECK(s.bad[0].rfind("2: malformed JSON", 0) == 0);
}

TEST_CASE("non-objects and trailing garbage are bad lines") {
  const Seen s = read_all("[1,2]\n\"str\"\n{\"a\":1} x\n{\"a\":1}{\"b\":2}\n{\"ok\":true}\n");
  CHECK(s.raw == std::vector<std::string>{"{\"ok\":true}"});
  CHECK(s.bad.size() == 4);
  CHECK(s.bad[0] == "1: expected a JSON object");
}

TEST_CASE("a line over the limit is a bad line and the next line is still read") {
  const std::string longline = "{\"t\":\"" + std::string(5000, 'x') + "\"}";
  const Seen s = read_all("{\"a\":1}\n" + longline + "\n{\"b\":2}\n", 1000);
  CHECK(s.raw == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}"});
  CHECK(s.lines == std::vector<std::size_t>{1, 3});
  REQUIRE(s.bad.size() == 1);
  CHECK(s.bad[0] == "2: line longer than 1000 bytes");
}

TEST_CASE("an over-long line spanning many reads is dropped without buffering it") {
  const std::string huge = "{\"t\":\"" + std::string(5u << 20, 'y') + "\"}";
  const Seen s = read_all(huge + "\n{\"b\":2}\n", 1u << 16);
  CHECK(s.raw == std::vector<std::string>{"{\"b\":2}"});
  CHECK(s.lines == std::vector<std::size_t>{2});
  CHECK(s.bad.size() == 1);
}

TEST_CASE("invalid UTF-8 is repaired with U+FFFD, reported, and the record kept") {
  const Seen s = read_all("{\"t\":\"caf\xe9\"}\n");
  REQUIRE(s.raw.size() == 1);
  CHECK(s.raw[0] == "{\"t\":\"caf\xEF\xBF\xBD\"}");
  CHECK(s.bad == std::vector<std::string>{"1: invalid UTF-8 replaced with U+FFFD"});
}

TEST_CASE("stopping on the first bad line (--strict) reads no further") {
  const Seen s = read_all("{\"a\":1}\nnope\n{\"b\":2}\n", 1000, true);
  CHECK(s.raw == std::vector<std::string>{"{\"a\":1}"});
  CHECK(s.bad.size() == 1);
}

TEST_CASE("lines larger than one read are reassembled") {
  std::string big = "{\"t\":\"" + std::string(3u << 20, 'z') + "\"}";
  const Seen s = read_all(big + "\n" + big + "\n", 16u << 20);
  REQUIRE(s.raw.size() == 2);
  CHECK(s.raw[1].size() == big.size());
}

TEST_CASE("a record callback can reject a record with RecordError") {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  const std::string input = "{\"a\":1}\n{\"a\":2}\n";
  REQUIRE(::write(fds[1], input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  hark::JsonlReader reader;
  std::vector<std::string> bad;
  int kept = 0;
  reader.read(
      fds[0], "in",
      [&](simdjson::dom::object rec, std::string_view, const hark::Position&) {
        if (int64_t(rec["a"]) == 2) throw hark::RecordError("a must not be 2");
        ++kept;
      },
      [&](const hark::BadLine& b) {
        bad.push_back(b.reason);
        return true;
      });
  ::close(fds[0]);
  CHECK(kept == 1);
  CHECK(bad == std::vector<std::string>{"a must not be 2"});
}

TEST_CASE("a missing input names the path") {
  CHECK_THROWS_WITH_AS(hark::Input("/nonexistent/x.jsonl"),
                       "/nonexistent/x.jsonl: No such file or directory", hark::Error);
}

TEST_SUITE_END();
