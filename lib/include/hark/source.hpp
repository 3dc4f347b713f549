#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hark/http.hpp"
#include "hark/mention.hpp"

namespace hark {

// One thing to fetch, as named on the command line (docs/plugins.md).
struct FetchRequest {
  std::string target;     // what the user gave: a URL, a path, "-", or plugin-specific
  Validators validators;  // from the state store for a conditional GET; empty = fetch all
  std::string fetched;    // RFC 3339 UTC, for every record's `fetched`
  std::size_t max_body = HttpOptions{}.max_body;  // limit for local input too
};

// The outcome of fetching one target: the mentions of one document, or why it failed.
struct FetchResult {
  std::vector<Mention> mentions;      // in document order
  std::vector<std::string> warnings;  // problems that did not stop the source, one line each
  std::string error;                  // why the target failed; empty on success
  long status = 0;                    // last HTTP status; 0 for local input
  Validators validators;              // to send next time (from the response)
  std::uint64_t bytes = 0;            // body bytes read
  bool not_modified = false;          // the server answered 304: nothing new
};

using FetchDone = std::function<void(FetchResult&&)>;

// A source adapter; implementations live under plugins/<name>/. A plugin has two parts: a
// pure parse function (bytes and metadata in, mentions out, no I/O) that tests drive with
// fixtures, and this fetch part, which gets the bytes through the shared HttpClient.
class Source {
 public:
  virtual ~Source() = default;
  // Starts fetching `request.target` and calls `done` exactly once with the outcome:
  // either before returning (local input, a bad target) or later from inside http.run()
  // (network). Reports failures in FetchResult::error rather than by throwing.
  virtual void fetch(const FetchRequest& request, HttpClient& http, FetchDone done) = 0;
  // For a target read without the network (a file, "-"): what fetch() would do, as a job
  // that needs no HttpClient and may run on another thread. Empty when the target needs
  // fetch(). The job must not use the Source object, which may be gone by then.
  virtual std::function<FetchResult()> local_job(const FetchRequest& /*request*/) { return {}; }
};

// One row of the plugin registry (plugins/registry.cpp).
struct SourceInfo {
  std::string_view name;     // as used on the command line: "NAME:TARGET"
  std::string_view summary;  // one line for `hark fetch --list`
  std::unique_ptr<Source> (*make)();
};

}  // namespace hark
