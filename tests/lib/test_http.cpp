#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include <doctest/doctest.h>
#include <httplib.h>

#include "hark/error.hpp"
#include "hark/http.hpp"

namespace {

using namespace std::chrono_literals;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kFeed = slurp(HARK_TEST_DATA "/fetch/rss.xml");

// A real HTTP server on 127.0.0.1, on a port the kernel picks, for the life of one test.
struct TestServer {
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::atomic<bool> stopping{false};

  TestServer() = default;
  void start() {
    port = server.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    thread = std::thread([this] { server.listen_after_bind(); });
    while (!server.is_running())
      std::this_thread::sleep_for(1ms);
  }
  ~TestServer() {
    stopping = true;
    server.stop();
    thread.join();
  }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port) + path;
  }
};

hark::HttpOptions fast_options() {
  hark::HttpOptions o;
  o.connect_timeout_ms = 5'000;
  o.timeout_ms = 5'000;
  o.backoff_ms = 10;
  return o;
}

hark::HttpResponse fetch_one(const std::string& url, const hark::HttpOptions& options,
                             hark::Validators validators = {}) {
  auto client = hark::make_curl_client(options);
  hark::HttpResponse out;
  int calls = 0;
  client->get({url, validators}, [&](hark::HttpResponse&& r) {
    ++calls;
    out = std::move(r);
  });
  client->run();
  REQUIRE(calls == 1);
  return out;
}

void serve_feed(httplib::Response& res) { res.set_content(kFeed, "application/rss+xml"); }

}  // namespace

TEST_SUITE_BEGIN("http");

TEST_CASE("a 200 returns the body, its type and validators, and names hark in the User-Agent") {
  TestServer s;
  std::string agent;
  s.server.Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    agent = req.get_header_value("User-Agent");
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Tue, 24 Nov 2026 09:00:00 GMT");
    serve_feed(res);
  });
  s.start();
  const auto r = fetch_one(s.url("/feed.xml"), fast_options());
  CHECK(r.ok());
  CHECK(r.status == 200);
  CHECK(r.tries == 1);
  CHECK(r.body == kFeed);
  CHECK(r.content_type == "application/rss+xml");
  CHECK(r.validators.etag == "\"v1\"");
  CHECK(r.validators.last_modified == "Tue, 24 Nov 2026 09:00:00 GMT");
  CHECK(r.url == s.url("/feed.xml"));
  CHECK(agent == "hark/" HARK_VERSION);
}

TEST_CASE("a matching ETag is sent as If-None-Match and a 304 has no body") {
  TestServer s;
  s.server.Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("ETag", "\"v1\"");
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    serve_feed(res);
  });
  s.start();
  const auto first = fetch_one(s.url("/feed.xml"), fast_options());
  REQUIRE(first.status == 200);
  const auto second = fetch_one(s.url("/feed.xml"), fast_options(), first.validators);
  CHECK(second.ok());
  CHECK(second.not_modified());
  CHECK(second.body.empty());
}

TEST_CASE("Last-Modified alone is sent back as If-Modified-Since") {
  TestServer s;
  const std::string stamp = "Tue, 24 Nov 2026 09:00:00 GMT";
  std::string sent_etag = "unset";
  s.server.Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Last-Modified", stamp);
    sent_etag = req.get_header_value("If-None-Match");
    if (req.get_header_value("If-Modified-Since") == stamp) {
      res.status = 304;
      return;
    }
    serve_feed(res);
  });
  s.start();
  const auto first = fetch_one(s.url("/feed.xml"), fast_options());
  REQUIRE(first.status == 200);
  CHECK(first.validators.etag.empty());
  const auto second = fetch_one(s.url("/feed.xml"), fast_options(), first.validators);
  CHECK(second.status == 304);
  CHECK(sent_etag.empty());
}

TEST_CASE("a gzip body is decoded, and gzip and br are offered") {
  TestServer s;
  std::string accepted;
  s.server.Get("/feed.xml", [&](const httplib::Request& req, httplib::Response& res) {
    accepted = req.get_header_value("Accept-Encoding");
    res.set_header("Content-Encoding", "gzip");
    res.set_content(slurp(HARK_TEST_DATA "/fetch/rss.xml.gz"), "application/rss+xml");
  });
  s.start();
  const auto r = fetch_one(s.url("/feed.xml"), fast_options());
  CHECK(r.ok());
  CHECK(r.body == kFeed);
  CHECK(accepted.find("gzip") != std::string::npos);
  CHECK(accepted.find("br") != std::string::npos);
}

TEST_CASE("a chain of five redirects is followed, a sixth, or a loop, fails") {
  TestServer s;
  s.server.Get(R"(/r/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    const int left = std::stoi(req.matches[1]);
    if (left == 0) return serve_feed(res);
    res.set_redirect("/r/" + std::to_string(left - 1));
  });
  s.server.Get("/loop",
               [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
  s.start();
  const auto five = fetch_one(s.url("/r/5"), fast_options());
  CHECK(five.ok());
  CHECK(five.body == kFeed);
  CHECK(five.url == s.url("/r/0"));
  const auto six = fetch_one(s.url("/r/6"), fast_options());
  CHECK(six.error == "more than 5 redirects");
  const auto loop = fetch_one(s.url("/loop"), fast_options());
  CHECK(loop.error == "more than 5 redirects");
  CHECK(loop.tries == 1);
}

TEST_CASE("a redirect to file:// is refused") {
  TestServer s;
  s.server.Get("/tofile", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("file://" HARK_TEST_DATA "/fetch/rss.xml");
  });
  s.start();
  const auto r = fetch_one(s.url("/tofile"), fast_options());
  CHECK_FALSE(r.ok());
  CHECK(r.body.empty());
  CHECK(r.error == "redirect to a scheme other than http(s) refused");
}

TEST_CASE("only http and https are fetched from the network") {
  const auto r = fetch_one("file://" HARK_TEST_DATA "/fetch/rss.xml", fast_options());
  CHECK_FALSE(r.ok());
  CHECK(r.body.empty());
}

TEST_CASE("a 404 fails at once") {
  TestServer s;
  int hits = 0;
  s.server.Get("/missing", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 404;
  });
  s.start();
  const auto r = fetch_one(s.url("/missing"), fast_options());
  CHECK(r.error == "HTTP 404");
  CHECK(r.status == 404);
  CHECK(hits == 1);
}

TEST_CASE("a 429 with Retry-After is retried no sooner than asked") {
  TestServer s;
  std::vector<std::chrono::steady_clock::time_point> times;
  s.server.Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
    times.push_back(std::chrono::steady_clock::now());
    if (times.size() == 1) {
      res.status = 429;
      res.set_header("Retry-After", "1");
      return;
    }
    serve_feed(res);
  });
  s.start();
  const auto r = fetch_one(s.url("/busy"), fast_options());
  CHECK(r.ok());
  CHECK(r.tries == 2);
  CHECK(r.body == kFeed);
  REQUIRE(times.size() == 2);
  CHECK(times[1] - times[0] >= 1s);
}

TEST_CASE("a Retry-After over the limit gives up instead of waiting") {
  TestServer s;
  s.server.Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "3600");
  });
  s.start();
  auto options = fast_options();
  options.max_retry_after_s = 60;
  const auto r = fetch_one(s.url("/busy"), options);
  CHECK(r.error == "HTTP 429, Retry-After 3600 s is over the 60 s limit");
  CHECK(r.tries == 1);
}

TEST_CASE("a 500 is retried with backoff, a lasting 503 fails after all tries") {
  TestServer s;
  int hits = 0;
  s.server.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++hits == 1) {
      res.status = 500;
      return;
    }
    serve_feed(res);
  });
  s.server.Get("/down", [](const httplib::Request&, httplib::Response& res) { res.status = 503; });
  s.start();
  const auto flaky = fetch_one(s.url("/flaky"), fast_options());
  CHECK(flaky.ok());
  CHECK(flaky.tries == 2);
  const auto down = fetch_one(s.url("/down"), fast_options());
  CHECK(down.error == "HTTP 503 after 3 tries");
  CHECK(down.status == 503);
}

TEST_CASE("a stalled body times out, and is retried") {
  TestServer s;
  int hits = 0;
  s.server.Get("/stall", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.set_chunked_content_provider("application/rss+xml",
                                     [&](std::size_t, httplib::DataSink& sink) {
                                       sink.write("<rss>", 5);
                                       // Send nothing more until the test ends.
                                       while (!s.stopping)
                                         std::this_thread::sleep_for(10ms);
                                       return false;
                                     });
  });
  s.start();
  auto options = fast_options();
  options.timeout_ms = 300;
  options.retries = 1;
  const auto r = fetch_one(s.url("/stall"), options);
  CHECK(r.error == "timed out after 2 tries");
  CHECK(hits == 2);
}

TEST_CASE("a body over the limit fails, with or without a Content-Length") {
  TestServer s;
  const std::string big(5000, 'x');
  s.server.Get("/big", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "application/rss+xml");
  });
  s.server.Get("/big-chunked", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("application/rss+xml",
                                     [&](std::size_t offset, httplib::DataSink& sink) {
                                       if (offset >= big.size()) {
                                         sink.done();
                                         return true;
                                       }
                                       sink.write(big.data() + offset, 500);
                                       return true;
                                     });
  });
  s.start();
  auto options = fast_options();
  options.max_body = 1000;
  CHECK(fetch_one(s.url("/big"), options).error == "body over the 1000 bytes limit");
  CHECK(fetch_one(s.url("/big-chunked"), options).error == "body over the 1000 bytes limit");
  options.max_body = 5000;
  CHECK(fetch_one(s.url("/big-chunked"), options).ok());
}

TEST_CASE("a body cut short of its Content-Length fails") {
  TestServer s;
  s.server.Get("/cut", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(kFeed.size(), "application/rss+xml",
                             [&](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               if (offset == 0) sink.write(kFeed.data(), 100);
                               return offset ==
                                      0;  // false on the next call: the server drops the connection
                             });
  });
  s.start();
  const auto r = fetch_one(s.url("/cut"), fast_options());
  CHECK_FALSE(r.ok());
  CHECK(r.body.empty());
  CHECK(r.error.find("transfer closed") != std::string::npos);
}

TEST_CASE("many transfers to one host run at most two at a time, and all finish") {
  TestServer s;
  std::mutex m;
  int now = 0;
  int peak = 0;
  s.server.Get(R"(/slow/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(m);
      peak = std::max(peak, ++now);
    }
    std::this_thread::sleep_for(50ms);
    {
      std::lock_guard<std::mutex> lock(m);
      --now;
    }
    serve_feed(res);
  });
  s.start();
  auto client = hark::make_curl_client(fast_options());
  int done = 0;
  for (int i = 0; i < 6; ++i)
    client->get({s.url("/slow/" + std::to_string(i)), {}}, [&](hark::HttpResponse&& r) {
      CHECK(r.ok());
      ++done;
    });
  client->run();
  CHECK(done == 6);
  CHECK(peak >= 1);
  CHECK(peak <= 2);
}

TEST_CASE("a callback may queue a follow-up request") {
  TestServer s;
  s.server.Get(R"(/page/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(req.matches[1].str(), "text/plain");
  });
  s.start();
  auto client = hark::make_curl_client(fast_options());
  std::vector<std::string> pages;
  client->get({s.url("/page/1"), {}}, [&](hark::HttpResponse&& r) {
    pages.push_back(r.body);
    client->get({s.url("/page/2"), {}}, [&](hark::HttpResponse&& r2) { pages.push_back(r2.body); });
  });
  client->run();
  CHECK(pages == std::vector<std::string>{"1", "2"});
}

TEST_CASE("local targets: paths, file:// URLs and size limits") {
  const std::string path = HARK_TEST_DATA "/fetch/rss.xml";
  CHECK(hark::read_local(path, 1u << 20) == kFeed);
  CHECK(hark::read_local("file://" + path, 1u << 20) == kFeed);
  CHECK_THROWS_WITH_AS(hark::read_local(path, 100), "over the 100 bytes limit", hark::Error);
  CHECK_THROWS_WITH_AS(hark::read_local(HARK_TEST_DATA "/fetch/none.xml", 100),
                       "No such file or directory", hark::Error);
}

TEST_CASE("http and https URLs go to the network, anything else is local") {
  CHECK(hark::is_network_url("http://example.org/feed"));
  CHECK(hark::is_network_url("HTTPS://example.org/feed"));
  CHECK_FALSE(hark::is_network_url("file:///tmp/feed.xml"));
  CHECK_FALSE(hark::is_network_url("feeds/http.xml"));
  CHECK_FALSE(hark::is_network_url("-"));
}

TEST_CASE("Retry-After is read as seconds or as an HTTP date") {
  // 1994-11-06T08:49:37Z, the date in RFC 9110's examples.
  const std::int64_t now = 784111777;
  CHECK(hark::parse_retry_after("120", now) == 120);
  CHECK(hark::parse_retry_after(" 0 ", now) == 0);
  CHECK(hark::parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now) == 30);
  CHECK(hark::parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == 0);
  CHECK(hark::parse_retry_after("soon", now) == -1);
  CHECK(hark::parse_retry_after("", now) == -1);
}

TEST_SUITE_END();
