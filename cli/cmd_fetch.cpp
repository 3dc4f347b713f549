#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <unistd.h>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"
#include "hark/http.hpp"
#include "hark/json.hpp"
#include "hark/ordered_jobs.hpp"
#include "hark/source.hpp"
#include "hark/state.hpp"
#include "hark/time.hpp"
#include "registry.hpp"

namespace hark::cli {
namespace {

struct FetchOptions {
  std::vector<std::string> targets;
  std::string sources_file;
  std::string state_path;
  bool no_state = false;
  bool all = false;
  std::string since;
  bool quiet = false;
  bool verbose = false;
  bool list = false;
  double connect_timeout_s = 10;
  double timeout_s = 60;
  std::size_t max_body = HttpOptions{}.max_body;
  int jobs = 8;
  int retries = 2;
};

// Reads --sources: one target a line; blank lines and lines starting with '#' are skipped.
std::vector<std::string> read_sources_file(const std::string& path, std::size_t max_body) {
  std::string text;
  try {
    text = read_local(path, max_body);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", path, e.what()));
  }
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    line.remove_prefix(first);
    line.remove_suffix(line.size() - line.find_last_not_of(" \t\r") - 1);
    out.emplace_back(line);
  }
  return out;
}

// Picks the plugin for a target: "NAME:REST" names a registered plugin, anything else
// (URLs, paths, "-") goes to the first row, the feeds plugin.
std::pair<const SourceInfo*, std::string> route(const std::string& target) {
  const auto colon = target.find(':');
  if (colon != std::string::npos) {
    if (const SourceInfo* s = find_source(std::string_view(target).substr(0, colon)))
      return {s, target.substr(colon + 1)};
  }
  return {&builtin_sources().front(), target};
}

std::string human_bytes(std::uint64_t n) {
  if (n < 10'000) return fmt::format("{} B", n);
  if (n < 10'000'000) return fmt::format("{} KB", n / 1000);
  return fmt::format("{} MB", n / 1'000'000);
}

// The one-line progress display, drawn on stderr only when it is a terminal.
class Progress {
 public:
  Progress(bool enabled, std::size_t total) : enabled_(enabled), total_(total) {}
  void source_done(std::size_t mentions, std::uint64_t bytes, bool failed) {
    ++done_;
    mentions_ += mentions;
    bytes_ += bytes;
    errors_ += failed;
    draw();
  }
  // Prints a message line, keeping the progress line below it.
  void message(const std::string& line) {
    clear();
    fmt::print(stderr, "{}\n", line);
    draw();
  }
  void finish() { clear(); }

 private:
  void draw() {
    if (!enabled_) return;
    fmt::print(stderr, "\r\033[Khark fetch: {}/{} sources, {} mentions, {}, {} errors", done_,
               total_, mentions_, human_bytes(bytes_), errors_);
    std::fflush(stderr);
  }
  void clear() {
    if (enabled_) fmt::print(stderr, "\r\033[K");
  }
  bool enabled_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t mentions_ = 0;
  std::uint64_t bytes_ = 0;
  std::size_t errors_ = 0;
};

// A local source's outcome, parsed on a worker thread; when every record will be written
// (no state, or --all) its JSON lines are made there too: json holds them one after
// another, record i ending at ends[i].
struct LocalDone {
  const std::string* target;
  FetchResult result;
  std::string json;
  std::vector<std::size_t> ends;
};

int list_sources() {
  for (const SourceInfo& s : builtin_sources())
    fmt::print("{:<10}  {}\n", s.name, s.summary);
  return 0;
}

int run_fetch(const FetchOptions& opt) {
  if (opt.list) return list_sources();
  std::vector<std::string> targets = opt.targets;
  if (!opt.sources_file.empty()) {
    for (std::string& t : read_sources_file(opt.sources_file, opt.max_body))
      targets.push_back(std::move(t));
  }
  if (targets.empty())
    throw CLI::ValidationError("fetch", "no sources: give URLs, files, '-' or --sources FILE");
  const UnixTime now = now_utc();
  std::optional<UnixTime> since;
  if (!opt.since.empty()) {
    since = parse_instant(opt.since, now);
    if (!since)
      throw CLI::ValidationError("--since", "expected a duration (7d), a date or RFC 3339 time");
  }

  std::unique_ptr<StateStore> state;
  if (!opt.no_state)
    state = std::make_unique<StateStore>(opt.state_path.empty() ? StateStore::default_path()
                                                                : opt.state_path);
  HttpOptions http_options;
  http_options.jobs = opt.jobs;
  http_options.connect_timeout_ms = static_cast<long>(opt.connect_timeout_s * 1000);
  http_options.timeout_ms = static_cast<long>(opt.timeout_s * 1000);
  http_options.max_body = opt.max_body;
  http_options.retries = opt.retries;
  const std::unique_ptr<HttpClient> http = make_curl_client(http_options);

  LineWriter out;
  Progress progress(!opt.quiet && ::isatty(2) == 1, targets.size());
  const std::string fetched = format_rfc3339(now);
  std::unordered_set<std::string> emitted;  // ids written this run, so none repeats
  int failures = 0;

  auto finish = [&](const std::string& target, FetchResult&& r, const LocalDone* lines) {
    if (!r.error.empty()) {
      ++failures;
      progress.message(fmt::format("hark fetch: {}: {}", target, r.error));
      if (state) state->record_failure(target, r.status, r.error, now);
      progress.source_done(0, r.bytes, true);
      return;
    }
    if (!opt.quiet) {
      for (const std::string& w : r.warnings)
        progress.message(fmt::format("hark fetch: {}: {}", target, w));
    }
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < r.mentions.size(); ++i) {
      const Mention& m = r.mentions[i];
      if (since && m.published) {
        const auto t = parse_rfc3339(*m.published);
        if (t && *t < *since) continue;
      }
      if (state && !opt.all) {
        if (emitted.count(m.id) != 0 || state->seen(m.id)) continue;
        emitted.insert(m.id);
      }
      if (lines && !lines->ends.empty()) {
        const std::size_t start = i == 0 ? 0 : lines->ends[i - 1];
        out.buffer().append(lines->json, start, lines->ends[i] - start);
      } else {
        append_mention(out.buffer(), m);
      }
      out.end_line();
      ids.push_back(m.id);
    }
    // At-least-once: the lines are out of our hands before the ids are marked seen.
    out.flush();
    if (state) state->confirm(target, {r.validators, r.status, "", now}, ids);
    if (opt.verbose) {
      const std::string what = r.not_modified
                                   ? "not modified"
                                   : fmt::format("{} items, {} written, {}", r.mentions.size(),
                                                 ids.size(), human_bytes(r.bytes));
      progress.message(r.status != 0
                           ? fmt::format("hark fetch: {}: HTTP {}, {}", target, r.status, what)
                           : fmt::format("hark fetch: {}: {}", target, what));
    }
    progress.source_done(ids.size(), r.bytes, false);
  };

  // Local sources are read and parsed on worker threads (no more than --jobs, nor than
  // cores) and finished here in command-line order, as a sequential run would; state and
  // output stay on this thread. The window bounds how many parsed sources wait in memory.
  const unsigned threads = std::min(static_cast<unsigned>(opt.jobs),
                                    std::max(1u, std::thread::hardware_concurrency()));
  // Workers make the JSON lines when every record will be written; alone, it is a copy.
  const bool json_on_workers = (!state || opt.all) && threads > 1;
  OrderedJobs<LocalDone> local(threads, 4 * threads, [&finish](LocalDone&& d) {
    finish(*d.target, std::move(d.result), &d);
  });
  std::vector<std::unique_ptr<Source>> plugins;  // alive until every callback has run
  for (const std::string& target : targets) {
    auto [info, rest] = route(target);
    plugins.push_back(info->make());
    FetchRequest request{rest, {}, fetched, opt.max_body};
    if (auto job = plugins.back()->local_job(request)) {
      local.submit([job = std::move(job), &target, json_on_workers] {
        LocalDone d{&target, job(), {}, {}};
        if (json_on_workers && d.result.error.empty()) {
          d.ends.reserve(d.result.mentions.size());
          for (const Mention& m : d.result.mentions) {
            append_mention(d.json, m);
            d.ends.push_back(d.json.size());
          }
        }
        return d;
      });
      continue;
    }
    if (state && !opt.all) {
      if (auto st = state->source(target)) request.validators = st->validators;
    }
    plugins.back()->fetch(request, *http, [&finish, target](FetchResult&& r) {
      finish(target, std::move(r), nullptr);
    });
  }
  local.finish();
  http->run();
  progress.finish();
  return failures > 0 ? static_cast<int>(Exit::failure) : 0;
}

}  // namespace

void setup_fetch(CLI::App& app, Status& status) {
  auto opt = std::make_shared<FetchOptions>();
  auto* sub = app.add_subcommand("fetch", "Fetch mentions from feeds and platforms as JSON lines");
  sub->add_option("SOURCE", opt->targets, "Feed URLs, files, or '-' for stdin");
  sub->add_option("--sources", opt->sources_file, "Read sources from FILE, one a line, # comments")
      ->type_name("FILE");
  sub->add_option("-j,--jobs", opt->jobs, "Transfers at once (at most 2 per host)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  auto* state = sub->add_option("--state", opt->state_path,
                                "State database (default $XDG_STATE_HOME/hark/state.db)")
                    ->type_name("PATH");
  sub->add_flag("--no-state", opt->no_state, "Use no state: fetch and emit everything")
      ->excludes(state);
  sub->add_flag("--all", opt->all, "Emit every mention and skip conditional GET, still recording");
  sub->add_option("--since", opt->since, "Drop items published before this (7d, 2026-11-01)")
      ->type_name("DURATION|DATE");
  sub->add_flag("-q,--quiet", opt->quiet, "Only report failed sources; no progress line");
  sub->add_flag("-v,--verbose", opt->verbose, "Report every source's outcome");
  sub->add_flag("--list", opt->list, "List the source plugins and exit");
  sub->add_option("--connect-timeout", opt->connect_timeout_s, "Seconds to connect, per try")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--timeout", opt->timeout_s, "Seconds for a whole transfer, per try")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--max-body", opt->max_body, "Largest body accepted (20MB, 512kb, bytes)")
      ->transform(CLI::AsSizeValue(false))
      ->type_name("SIZE");
  sub->add_option("--retries", opt->retries, "Extra tries after a timeout, 429 or 5xx")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->footer(
      "Examples:\n"
      "  hark fetch https://example.org/feed.xml     # new mentions since the last run\n"
      "  hark fetch --sources sources.txt --since 2d\n"
      "  hark fetch --no-state examples/feeds/*       # local files, everything");
  sub->callback([opt, &status] { status.code = run_fetch(*opt); });
}

}  // namespace hark::cli
