#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "hark/error.hpp"
#include "hark/report.hpp"
#include "stage.hpp"

namespace hark::cli {
namespace {

struct ReportOptions {
  StageInput input;
  std::string period = "day";
  std::string tz = "UTC";
  std::string now;
  std::string sla = "48h";
  std::vector<std::string> answers_from;
  std::string format = "text";
  bool emit_state = false;
  std::vector<std::string> merge;
  bool fail_on_spike = false;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("{}: cannot open", path));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(fmt::format("{}: cannot read", path));
  return s.str();
}

report::Format format_of(const std::string& name) {
  if (name == "md") return report::Format::md;
  if (name == "html") return report::Format::html;
  if (name == "json") return report::Format::json;
  if (name == "csv") return report::Format::csv;
  return report::Format::text;
}

int run_report(const ReportOptions& opt) {
  LineWriter out;
  int status = 0;
  std::optional<report::State> state;
  if (!opt.merge.empty()) {
    if (!opt.input.files.empty())
      throw Error("--merge reads states, not mention files; give one or the other", Exit::usage);
    for (const std::string& path : opt.merge) {
      report::State s = report::State::parse(read_file(path), path);
      if (state)
        state->merge(std::move(s));
      else
        state.emplace(std::move(s));
    }
  } else {
    const UnixTime clock = now_utc();
    const auto now = opt.now.empty() ? std::optional<UnixTime>(clock) : parse_instant(opt.now, clock);
    if (!now) throw Error(fmt::format("--now: cannot read '{}' as a time", opt.now), Exit::usage);
    const auto sla = parse_duration(opt.sla);
    if (!sla || *sla <= 0)
      throw Error(fmt::format("--sla: expected a duration such as 48h, not '{}'", opt.sla),
                  Exit::usage);
    state.emplace(report::make_window(opt.period, opt.tz, *now),
                  report::Settings{*sla, opt.answers_from});
    status = run_stage("hark report", opt.input, out,
                       [&](simdjson::dom::object rec, std::string_view, const Position&) {
                         state->add(rec);
                       });
  }
  if (opt.emit_state) {
    out.line(state->serialize());
    out.flush();
    return status;
  }
  const report::Report r = report::build_report(*state);
  const char* no_colour = std::getenv("NO_COLOR");
  const bool colour = isatty(STDOUT_FILENO) && !(no_colour && *no_colour);
  out.buffer() += report::render(r, format_of(opt.format), colour);
  out.flush();
  if (opt.fail_on_spike && report::has_spike(r)) return static_cast<int>(Exit::spike);
  return status;
}

}  // namespace

void setup_report(CLI::App& app, Status& status) {
  auto opt = std::make_shared<ReportOptions>();
  auto* sub = app.add_subcommand("report", "Turn classified mentions into a reputation report");
  add_stage_input(*sub, opt->input);
  sub->add_option("--period", opt->period,
                  "day (24 h up to --now), week (7 days up to --now), a date YYYY-MM-DD, or "
                  "FROM..TO (calendar days)")
      ->capture_default_str();
  sub->add_option("--tz", opt->tz, "Time zone for calendar days and shown times, e.g. Europe/Amsterdam")
      ->capture_default_str();
  sub->add_option("--now", opt->now, "The report's clock (RFC 3339 or a date); default: now");
  sub->add_option("--sla", opt->sla, "Time to answer complaints and questions")->capture_default_str();
  sub->add_option("--answers-from", opt->answers_from,
                  "Sources that record the brand's answers: their records without one are known "
                  "unanswered ('*' = all); others are 'unknown'. Comma-separated, repeatable")
      ->delimiter(',')
      ->allow_extra_args(false);
  sub->add_option("--format", opt->format, "text, md, html, json or csv")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "md", "html", "json", "csv"}));
  sub->add_flag("--emit-state", opt->emit_state,
                "Write the mergeable partial aggregate instead of a report");
  sub->add_option("--merge", opt->merge, "Report on (or with --emit-state, merge) saved states")
      ->take_all();
  sub->add_flag("--fail-on-spike", opt->fail_on_spike, "Exit with status 3 when a spike is found");
  sub->footer(
      "Examples:\n"
      "  hark classify m.jsonl | hark report                       # the last 24 hours, text\n"
      "  hark report --period 2026-11-24 --tz Europe/Amsterdam --format html a.jsonl > day.html\n"
      "  hark report --emit-state shard1.jsonl > 1.state; hark report --merge 1.state 2.state\n"
      "Exit status: 0 ok, 1 bad lines skipped, 2 usage, 3 spike found (--fail-on-spike).");
  sub->callback([opt, &status] { status.code = run_report(*opt); });
}

}  // namespace hark::cli
