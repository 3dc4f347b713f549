#include "feeds/source.hpp"

#include <utility>

#include "feeds/feeds.hpp"
#include "hark/error.hpp"

namespace hark::feeds {
namespace {

// Parses one document into a result; a document no parser recognises is a failure, so
// an HTML error page served with status 200 is reported instead of passing silently.
FetchResult parse_document(std::string_view body, const FeedMeta& meta) {
  ParseResult parsed = parse(body, meta);
  FetchResult r;
  r.bytes = body.size();
  if (parsed.format.empty()) {
    r.error = parsed.warnings.empty() ? "not a feed" : parsed.warnings.front();
    return r;
  }
  r.mentions = std::move(parsed.items);
  r.warnings = std::move(parsed.warnings);
  return r;
}

// Reads and parses a local target; pure apart from the read, so safe on any thread.
FetchResult fetch_local(const FetchRequest& request) {
  std::string body;
  try {
    body = read_local(request.target, request.max_body);
  } catch (const Error& e) {
    FetchResult r;
    r.error = e.what();
    return r;
  }
  return parse_document(body, {request.target, "", request.fetched});
}

class FeedSource final : public Source {
 public:
  std::function<FetchResult()> local_job(const FetchRequest& request) override {
    if (is_network_url(request.target)) return {};
    return [request] { return fetch_local(request); };
  }

  void fetch(const FetchRequest& request, HttpClient& http, FetchDone done) override {
    if (!is_network_url(request.target)) {
      done(fetch_local(request));
      return;
    }
    http.get(
        {request.target, request.validators}, [done = std::move(done), sent = request.validators,
                                               fetched = request.fetched](HttpResponse&& response) {
          FetchResult r;
          if (!response.ok()) {
            r.error = std::move(response.error);
          } else if (response.not_modified()) {
            r.not_modified = true;
          } else {
            r = parse_document(response.body, {response.url, response.content_type, fetched});
          }
          r.status = response.status;
          r.validators = std::move(response.validators);
          // A 304 need not repeat the validators; keep the ones that earned it.
          if (r.not_modified && r.validators.etag.empty() && r.validators.last_modified.empty())
            r.validators = sent;
          done(std::move(r));
        });
  }
};

}  // namespace

std::unique_ptr<Source> make() { return std::make_unique<FeedSource>(); }

}  // namespace hark::feeds
