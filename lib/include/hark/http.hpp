#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace hark {

// Transport policy shared by every source (docs/fetch.md, "Transport").
struct HttpOptions {
  int jobs = 8;                      // transfers at once
  int per_host = 2;                  // transfers at once to one host
  long connect_timeout_ms = 10'000;  // per try
  long timeout_ms = 60'000;          // per try, whole transfer
  std::size_t max_body = 20u << 20;  // bytes after decompression
  long max_redirects = 5;
  int retries = 2;               // extra tries after a timeout, 429 or 5xx
  long backoff_ms = 1'000;       // first retry waits about this long, doubling after
  long max_retry_after_s = 300;  // a longer Retry-After gives up instead of waiting
  std::string user_agent = "hark/" HARK_VERSION;
};

// Validators from an earlier response, sent back for a conditional GET.
struct Validators {
  std::string etag;           // sent as If-None-Match
  std::string last_modified;  // sent as If-Modified-Since
};

struct HttpRequest {
  std::string url;  // http or https only
  Validators validators;
};

struct HttpResponse {
  long status = 0;           // last HTTP status, 0 when no response arrived
  std::string url;           // effective URL, after redirects
  std::string content_type;  // Content-Type header, empty when absent
  Validators validators;     // ETag and Last-Modified of this response
  std::string body;          // decoded (gzip, deflate, br undone)
  std::string error;         // why it failed ("HTTP 503 after 3 tries"); empty when ok()
  int tries = 0;

  // A 2xx or a 304: the body (or its absence) can be used.
  bool ok() const { return error.empty(); }
  bool not_modified() const { return status == 304; }
};

using HttpDone = std::function<void(HttpResponse&&)>;

// The transport, abstract so plugins can be tested without a network.
class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Queues a GET. `done` is called from run(), on the caller's thread, once the transfer
  // has succeeded or failed for good (retries done). Never throws for network errors.
  virtual void get(HttpRequest request, HttpDone done) = 0;
  // Runs the queued transfers concurrently until none is left; callbacks may queue more.
  virtual void run() = 0;
};

// The libcurl client (curl multi): HTTP/2 where offered, compressed bodies, TLS verified,
// only http/https and redirects to them, retries with backoff and jitter honouring
// Retry-After. Throws Error when libcurl cannot be set up.
std::unique_ptr<HttpClient> make_curl_client(const HttpOptions& options);

// True for http:// and https:// URLs (case-insensitive scheme), the targets that go to the
// network; everything else is a local file.
bool is_network_url(std::string_view target);

// Reads a target given directly on the command line: "-" for stdin, a file:// URL or a
// path. Throws Error with the reason (the caller names the target) when it cannot be read
// or is larger than `max_body`.
std::string read_local(std::string_view target, std::size_t max_body);

// Seconds to wait from a Retry-After value (delta seconds or an HTTP date), or -1 when it
// cannot be read. `now` is the current Unix time.
long parse_retry_after(std::string_view value, std::int64_t now);

}  // namespace hark
