#include <fstream>
#include <sstream>
#include <vector>

#include <doctest/doctest.h>

#include "feeds/source.hpp"
#include "registry.hpp"

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Answers every GET with one canned response and remembers the requests.
class FakeHttp final : public hark::HttpClient {
 public:
  explicit FakeHttp(hark::HttpResponse response) : response_(std::move(response)) {}
  void get(hark::HttpRequest request, hark::HttpDone done) override {
    requests.push_back(request);
    pending_.push_back(std::move(done));
  }
  void run() override {
    for (auto& done : pending_)
      done(hark::HttpResponse(response_));
    pending_.clear();
  }
  std::vector<hark::HttpRequest> requests;

 private:
  hark::HttpResponse response_;
  std::vector<hark::HttpDone> pending_;
};

hark::FetchResult fetch(hark::HttpClient& http, hark::FetchRequest request) {
  auto source = hark::feeds::make();
  hark::FetchResult out;
  int calls = 0;
  source->fetch(request, http, [&](hark::FetchResult&& r) {
    ++calls;
    out = std::move(r);
  });
  http.run();
  REQUIRE(calls == 1);
  return out;
}

hark::HttpResponse ok_response(std::string body) {
  hark::HttpResponse r;
  r.status = 200;
  r.url = "https://forum.example.org/feed.xml";
  r.content_type = "application/rss+xml";
  r.validators = {"\"v2\"", ""};
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_SUITE_BEGIN("plugins");

TEST_CASE("every registry row has a name, a summary and a factory, with feeds first") {
  const auto sources = hark::builtin_sources();
  REQUIRE_FALSE(sources.empty());
  CHECK(sources.front().name == "feeds");
  for (const hark::SourceInfo& s : sources) {
    CHECK_FALSE(s.name.empty());
    CHECK_FALSE(s.summary.empty());
    REQUIRE((s.make != nullptr));
    CHECK(s.make().get() != nullptr);
    CHECK(hark::find_source(s.name) == &s);
  }
  CHECK(hark::find_source("nonesuch") == nullptr);
}

TEST_CASE("a feed URL is fetched with the stored validators and parsed") {
  FakeHttp http(ok_response(slurp(HARK_TEST_DATA "/fetch/rss.xml")));
  const auto r = fetch(
      http, {"https://forum.example.org/feed.xml", {"\"v1\"", "Mon"}, "2026-11-25T00:00:00Z"});
  REQUIRE(http.requests.size() == 1);
  CHECK(http.requests[0].url == "https://forum.example.org/feed.xml");
  CHECK(http.requests[0].validators.etag == "\"v1\"");
  CHECK(http.requests[0].validators.last_modified == "Mon");
  CHECK(r.error.empty());
  CHECK(r.status == 200);
  CHECK(r.validators.etag == "\"v2\"");
  REQUIRE(r.mentions.size() == 2);
  CHECK(r.mentions[0].id == "feed:https://forum.example.org/t/101");
  CHECK(r.mentions[1].fetched == "2026-11-25T00:00:00Z");
}

TEST_CASE("a 304 yields no mentions and keeps the validators that earned it") {
  hark::HttpResponse not_modified;
  not_modified.status = 304;
  FakeHttp http(not_modified);
  const auto r = fetch(http, {"https://forum.example.org/feed.xml", {"\"v1\"", ""}, ""});
  CHECK(r.error.empty());
  CHECK(r.not_modified);
  CHECK(r.mentions.empty());
  CHECK(r.validators.etag == "\"v1\"");
}

TEST_CASE("a transport failure is passed on as the source's error") {
  hark::HttpResponse failed;
  failed.status = 503;
  failed.error = "HTTP 503 after 3 tries";
  FakeHttp http(failed);
  const auto r = fetch(http, {"https://forum.example.org/feed.xml", {}, ""});
  CHECK(r.error == "HTTP 503 after 3 tries");
  CHECK(r.status == 503);
}

TEST_CASE("an HTML page served as 200 fails the source") {
  FakeHttp http(ok_response("<!DOCTYPE html><html><body><p>Oops</p></body></html>"));
  const auto r = fetch(http, {"https://forum.example.org/feed.xml", {}, ""});
  CHECK_FALSE(r.error.empty());
  CHECK(r.mentions.empty());
}

TEST_CASE("a path is read directly, never through the HTTP client") {
  FakeHttp http(ok_response(""));
  const auto r = fetch(http, {HARK_TEST_DATA "/fetch/atom.xml", {}, ""});
  CHECK(http.requests.empty());
  CHECK(r.error.empty());
  REQUIRE(r.mentions.size() == 1);
  CHECK(r.mentions[0].id == "feed:tag:news.example.com,2026:acme-1");
  const auto missing = fetch(http, {HARK_TEST_DATA "/fetch/none.xml", {}, ""});
  CHECK(missing.error == "No such file or directory");
}

TEST_SUITE_END();
