#include "hark/http.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>
#include <fmt/format.h>

#include "hark/error.hpp"

namespace hark {
namespace {

using Clock = std::chrono::steady_clock;

// One request from get() to its callback, across tries.
struct Transfer {
  HttpRequest request;
  HttpDone done;
  std::string host;
  int tries = 0;
  Clock::time_point ready{};  // a retry does not start before this
  // State of the current try.
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body;
  std::size_t max_body = 0;
  bool too_big = false;
  char error[CURL_ERROR_SIZE] = {};
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t len = size * n;
  // Checked on decoded bytes, so a small compressed body cannot expand without bound.
  if (t->body.size() + len > t->max_body) {
    t->too_big = true;
    return 0;  // makes libcurl fail the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, len);
  return len;
}

std::string header(CURL* easy, const char* name) {
  curl_header* h = nullptr;
  // Request -1: the last response, after any redirects.
  if (curl_easy_header(easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK) return {};
  return h->value;
}

std::string host_of(const std::string& url) {
  std::string host = url;
  CURLU* u = curl_url();
  char* part = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &part, 0) == CURLUE_OK) {
    host = part;
    curl_free(part);
  }
  curl_url_cleanup(u);
  return host;
}

std::string size_text(std::size_t bytes) {
  if (bytes % (1u << 20) == 0) return fmt::format("{} MB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

class CurlClient final : public HttpClient {
 public:
  explicit CurlClient(const HttpOptions& options)
      : options_(options), rng_(std::random_device{}()) {
    static std::once_flag global;
    std::call_once(global, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    multi_ = curl_multi_init();
    if (multi_ == nullptr) throw Error("cannot set up libcurl");
    // Our own scheduler already keeps to these limits; libcurl's are a second guard.
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options_.per_host));
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  }

  ~CurlClient() override {
    for (auto& [easy, t] : active_)
      cleanup(*t);
    curl_multi_cleanup(multi_);
  }

  void get(HttpRequest request, HttpDone done) override {
    auto t = std::make_unique<Transfer>();
    t->host = host_of(request.url);
    t->request = std::move(request);
    t->done = std::move(done);
    waiting_.push_back(std::move(t));
  }

  void run() override {
    while (!waiting_.empty() || !active_.empty()) {
      start_ready();
      int running = 0;
      curl_multi_perform(multi_, &running);
      int left = 0;
      bool finished = false;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        finish(msg->easy_handle, msg->data.result);
        finished = true;
      }
      if (finished) continue;  // fill the freed slots before sleeping
      if (!active_.empty() || !waiting_.empty())
        curl_multi_poll(multi_, nullptr, 0, wait_ms(), nullptr);
    }
  }

 private:
  // How long poll may sleep: until the next retry is due, at most a second. Transfers
  // that are due but held back by --jobs or the per-host limit need no timer: a running
  // transfer finishing wakes poll.
  int wait_ms() const {
    const auto now = Clock::now();
    auto next = now + std::chrono::seconds(1);
    for (const auto& t : waiting_)
      if (t->ready > now) next = std::min(next, t->ready);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
    return static_cast<int>(std::max<std::int64_t>(ms.count(), 1));
  }

  // Moves waiting transfers into the multi handle while slots are free, in queue order,
  // skipping those whose host is busy or whose retry is not yet due.
  void start_ready() {
    const auto now = Clock::now();
    for (auto it = waiting_.begin();
         it != waiting_.end() && static_cast<int>(active_.size()) < options_.jobs;) {
      Transfer& t = **it;
      if (t.ready > now || per_host_[t.host] >= options_.per_host) {
        ++it;
        continue;
      }
      start(t);
      ++per_host_[t.host];
      active_.emplace(t.easy, std::move(*it));
      it = waiting_.erase(it);
    }
  }

  void start(Transfer& t) {
    ++t.tries;
    t.body.clear();
    t.too_big = false;
    t.error[0] = '\0';
    t.max_body = options_.max_body;
    CURL* e = curl_easy_init();
    if (e == nullptr) throw Error("cannot set up libcurl");
    t.easy = e;
    curl_easy_setopt(e, CURLOPT_URL, t.request.url.c_str());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    // Only the web: never file://, ftp:// or others, neither asked for nor redirected to.
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, options_.max_redirects);
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_body));
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
    const Validators& v = t.request.validators;
    if (!v.etag.empty())
      t.headers = curl_slist_append(t.headers, ("If-None-Match: " + v.etag).c_str());
    if (!v.last_modified.empty())
      t.headers = curl_slist_append(t.headers, ("If-Modified-Since: " + v.last_modified).c_str());
    if (t.headers != nullptr) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headers);
    curl_multi_add_handle(multi_, e);
  }

  void cleanup(Transfer& t) {
    curl_multi_remove_handle(multi_, t.easy);
    curl_easy_cleanup(t.easy);
    curl_slist_free_all(t.headers);
    t.easy = nullptr;
    t.headers = nullptr;
  }

  // Milliseconds to wait before the next try, or -1 to give up now (`why` may say why).
  long retry_delay_ms(Transfer& t, CURLcode code, long status, std::string& why) {
    const bool transient =
        code == CURLE_OPERATION_TIMEDOUT || (code == CURLE_OK && (status == 429 || status >= 500));
    if (!transient || t.tries > options_.retries) return -1;
    if (code == CURLE_OK) {
      const std::string after = header(t.easy, "Retry-After");
      if (!after.empty()) {
        const long s = parse_retry_after(after, std::time(nullptr));
        if (s > options_.max_retry_after_s) {
          why = fmt::format("HTTP {}, Retry-After {} s is over the {} s limit", status, s,
                            options_.max_retry_after_s);
          return -1;
        }
        if (s >= 0) return s * 1000;
      }
    }
    // Exponential backoff with jitter, so many clients do not come back in step.
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const double base = static_cast<double>(options_.backoff_ms) * (1L << (t.tries - 1));
    return static_cast<long>(base * jitter(rng_));
  }

  std::string describe(const Transfer& t, CURLcode code, long status) const {
    switch (code) {
      case CURLE_OK:
        return fmt::format("HTTP {}", status);
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (t.too_big || code == CURLE_FILESIZE_EXCEEDED)
          return fmt::format("body over the {} limit", size_text(options_.max_body));
        break;
      case CURLE_OPERATION_TIMEDOUT:
        return "timed out";
      case CURLE_TOO_MANY_REDIRECTS:
        return fmt::format("more than {} redirects", options_.max_redirects);
      case CURLE_UNSUPPORTED_PROTOCOL:
        if (status >= 300 && status < 400) return "redirect to a scheme other than http(s) refused";
        break;
      default:
        break;
    }
    return t.error[0] != '\0' ? std::string(t.error) : curl_easy_strerror(code);
  }

  void finish(CURL* easy, CURLcode code) {
    auto node = active_.extract(easy);
    std::unique_ptr<Transfer> t = std::move(node.mapped());
    --per_host_[t->host];
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    std::string why;
    const long delay = retry_delay_ms(*t, code, status, why);
    if (delay >= 0) {
      cleanup(*t);
      t->ready = Clock::now() + std::chrono::milliseconds(delay);
      waiting_.push_back(std::move(t));
      return;
    }
    HttpResponse r;
    r.status = status;
    r.tries = t->tries;
    char* url = nullptr;
    curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url);
    r.url = url != nullptr ? url : t->request.url;
    const bool good = code == CURLE_OK && ((status >= 200 && status < 300) || status == 304);
    if (good) {
      r.content_type = header(easy, "Content-Type");
      r.validators = {header(easy, "ETag"), header(easy, "Last-Modified")};
      r.body = std::move(t->body);
    } else {
      r.error = why.empty() ? describe(*t, code, status) : why;
      if (t->tries > 1) r.error += fmt::format(" after {} tries", t->tries);
    }
    cleanup(*t);
    t->done(std::move(r));
  }

  HttpOptions options_;
  CURLM* multi_ = nullptr;
  std::deque<std::unique_ptr<Transfer>> waiting_;
  std::map<CURL*, std::unique_ptr<Transfer>> active_;
  std::map<std::string, int> per_host_;
  std::mt19937 rng_;
};

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// The local path a file:// URL names, percent-decoded.
std::string file_url_path(std::string_view target) {
  CURLU* u = curl_url();
  char* path = nullptr;
  std::string out;
  const std::string url(target);
  const bool ok =
      curl_url_set(u, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) == CURLUE_OK;
  if (ok) out = path;
  curl_free(path);
  curl_url_cleanup(u);
  if (!ok) throw Error("not a file URL");
  return out;
}

}  // namespace

std::unique_ptr<HttpClient> make_curl_client(const HttpOptions& options) {
  return std::make_unique<CurlClient>(options);
}

bool is_network_url(std::string_view target) {
  return starts_with_nocase(target, "http://") || starts_with_nocase(target, "https://");
}

std::string read_local(std::string_view target, std::size_t max_body) {
  const bool is_stdin = target == "-";
  const std::string path = is_stdin                                ? std::string()
                           : starts_with_nocase(target, "file://") ? file_url_path(target)
                                                                   : std::string(target);
  const int fd = is_stdin ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(std::strerror(errno));
  std::string body;
  struct stat st {};
  // A regular file's size is known: one allocation, and no copying as the string grows.
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<std::size_t>(st.st_size) <= max_body)
    body.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      if (!is_stdin) ::close(fd);
      throw Error(std::strerror(err));
    }
    if (n == 0) break;
    body.append(buf, static_cast<std::size_t>(n));
    if (body.size() > max_body) {
      if (!is_stdin) ::close(fd);
      throw Error(fmt::format("over the {} limit", size_text(max_body)));
    }
  }
  if (!is_stdin) ::close(fd);
  return body;
}

long parse_retry_after(std::string_view value, std::int64_t now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
    value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
    value.remove_suffix(1);
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return -1;
    return std::stol(std::string(value));
  }
  const std::string date(value);
  const time_t when = curl_getdate(date.c_str(), nullptr);
  if (when == -1) return -1;
  return static_cast<long>(std::max<std::int64_t>(0, static_cast<std::int64_t>(when) - now));
}

}  // namespace hark
