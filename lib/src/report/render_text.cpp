// The text (terminal) and md formats.
#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

#include "render.hpp"

namespace hark::report {

LocalClock::LocalClock(std::string_view tz) : utc_(tz == "UTC") {
  if (utc_) return;
  if (const char* old = std::getenv("TZ")) {
    had_tz_ = true;
    saved_ = old;
  }
  setenv("TZ", std::string(tz).c_str(), 1);
  tzset();
}

LocalClock::~LocalClock() {
  if (utc_) return;
  if (had_tz_)
    setenv("TZ", saved_.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

std::string LocalClock::format(UnixTime t) const { return format(t, "%Y-%m-%d %H:%M"); }

std::string LocalClock::format(UnixTime t, const char* fmt) const {
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  if (utc_)
    gmtime_r(&tt, &tm);
  else
    localtime_r(&tt, &tm);
  char buf[64];
  const std::size_t n = std::strftime(buf, sizeof buf, fmt, &tm);
  return std::string(buf, n);
}

namespace {

// At most `n` characters of `s` (UTF-8), newlines as spaces, "…" where cut.
std::string clip(std::string_view s, std::size_t n) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && chars++ == n) {
      out += "…";
      break;
    }
    out += c == '\n' || c == '\r' || c == '\t' ? ' ' : static_cast<char>(c);
  }
  return out;
}

std::string signed_number(std::int64_t v) { return v > 0 ? fmt::format("+{}", v) : std::to_string(v); }

std::string signed_score(double v) { return v > 0 ? fmt::format("+{:.1f}", v) : fmt::format("{:.1f}", v); }

std::string duration(std::int64_t s) {
  if (s < 3600) return fmt::format("{}m", s / 60);
  return fmt::format("{:.1f}h", static_cast<double>(s) / 3600.0);
}

std::string percent(std::optional<double> v) { return v ? fmt::format("{:.1f}%", *v) : "n/a"; }

struct Paint {
  bool on;
  std::string operator()(std::string_view s, std::string_view code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, s) : std::string(s);
  }
};

std::string_view state_colour(SlaState s) {
  switch (s) {
    case SlaState::overdue: return "31";
    case SlaState::due: return "33";
    case SlaState::ok: return "32";
    case SlaState::unknown: break;
  }
  return "2";
}

std::string period_line(const Report& r, const LocalClock& clock) {
  const Window& w = r.window;
  return fmt::format("{} – {} ({}), as of {}", clock.format(w.from), clock.format(w.to), w.tz,
                     clock.format(w.as_of()));
}

std::string response_line(const Report& r) {
  if (r.answers_known == 0) return "no source tells whether complaints and questions were answered";
  std::string s = fmt::format("{} of {} answered ({})", r.answered, r.answers_known,
                              percent(rate(r.answered, r.answers_known)));
  if (r.median_response)
    s += fmt::format(", median {}, p90 {}", duration(*r.median_response), duration(*r.p90_response));
  s += fmt::format(", within SLA {} ({})", r.answered_within_sla,
                   percent(rate(r.answered_within_sla, r.answers_known)));
  return s;
}

std::string spike_terms(const Spike& s) {
  std::string t;
  for (const auto& [term, n] : s.terms) t += fmt::format("{}{} ({})", t.empty() ? "" : ", ", term, n);
  return t.empty() ? "-" : t;
}

}  // namespace

std::string render_text(const Report& r, bool colour) {
  const Paint paint{colour};
  const Window& w = r.window;
  const LocalClock clock(w.tz);
  const auto head = [&](std::string_view s) { return paint(s, "1"); };
  std::string out;
  out += head(fmt::format("hark report · {}", w.period)) + "\n";
  out += period_line(r, clock) + "\n\n";

  const std::uint64_t n = total(r.totals);
  out += head("Mentions") + fmt::format("  {}", n);
  if (r.previous)
    out += fmt::format("  ({} vs previous period)",
                       signed_number(static_cast<std::int64_t>(n) -
                                     static_cast<std::int64_t>(total(*r.previous))));
  out += '\n';
  for (std::size_t c = 0; c < kClasses; ++c) {
    if (c == kUnclassified && r.totals[c] == 0) continue;
    out += fmt::format("  {:<13}{:>7}", class_name(c), r.totals[c]);
    if (r.previous)
      out += fmt::format("  {:>6}", signed_number(static_cast<std::int64_t>(r.totals[c]) -
                                                 static_cast<std::int64_t>((*r.previous)[c])));
    out += '\n';
  }
  out += head("Net reputation") + "  " + (r.score ? signed_score(*r.score) : "n/a");
  if (r.score && r.previous_score)
    out += fmt::format("  (previous {}, trend {})", signed_score(*r.previous_score),
                       signed_score(*r.score - *r.previous_score));
  out += "\n\n";

  out += head(fmt::format("Webcare queue  {} open", r.queue_total));
  out += fmt::format("  ({} overdue, {} due, {} ok, {} unknown; SLA {})\n", r.queue_by_state[0],
                     r.queue_by_state[1], r.queue_by_state[2], r.queue_by_state[3],
                     duration(r.settings.sla));
  if (!r.queue.empty()) {
    out += fmt::format("  {:<8} {:>7} {:<10} {:>6}  {:<12} {}\n", "state", "age", "class", "eng",
                       "source", "text");
    for (const QueueItem& q : r.queue) {
      const std::string state = fmt::format("{:<8}", sla_state_name(q.state));
      out += fmt::format("  {} {:>6.1f}h {:<10} {:>6}  {:<12} {}\n",
                         paint(state, state_colour(q.state)), age_hours(w.as_of() - q.item.published),
                         class_name(q.item.cls), q.item.engagement, clip(q.item.source, 12),
                         clip(one_line(q.item.text), 60));
    }
  }
  out += head("Responses") + "  " + response_line(r) + "\n\n";

  out += head("Complaint themes") + "\n";
  if (r.themes.empty()) out += "  none\n";
  for (const LanguageThemes& lt : r.themes) {
    out += fmt::format("  {} ({} of {})\n", lt.lang, count_of(lt.complaints, "complaint"),
                       count_of(lt.mentions, "mention"));
    if (lt.themes.empty()) out += "    nothing stands out\n";
    for (const Theme& t : lt.themes)
      out += fmt::format("    {:<24} {:>5}  e.g. \"{}\"\n", clip(t.term, 24), t.complaints,
                         clip(one_line(t.example_text), 60));
  }
  out += '\n';

  out += head("Spikes") + (r.spikes.empty() ? "  none\n" : "\n");
  for (const Spike& s : r.spikes)
    out += fmt::format("  {} {:<10} {:>5} (baseline {}, z {:.1f})  {}\n", clock.format(s.from),
                       class_name(s.cls), s.count, s.median, s.z, spike_terms(s));
  out += '\n';

  const auto list = [&](std::string_view title, std::uint64_t count, const std::vector<Item>& items) {
    out += head(title) + fmt::format("  {}\n", count);
    for (const Item& i : items)
      out += fmt::format("  {:>6}  {:<10} {:<12} {}\n", i.engagement, class_name(i.cls),
                         clip(i.source, 12), clip(one_line(i.text), 60));
  };
  list("Amplify (praise and expert tips by engagement)", r.amplify_total, r.amplify);
  list("Respond in private", r.privacy_total, r.privacy);
  out += '\n';

  out += head(fmt::format("Volume per {}", w.hourly ? "hour" : "day")) + "\n";
  std::uint64_t peak = 1;
  for (const auto& v : r.volume) peak = std::max(peak, total(v));
  for (std::size_t b = 0; b < r.volume.size(); ++b) {
    const std::uint64_t v = total(r.volume[b]);
    const std::size_t bar = static_cast<std::size_t>((v * 40 + peak - 1) / peak);
    std::string bars;
    for (std::size_t k = 0; k < bar; ++k) bars += "▇";
    out += fmt::format("  {}  {:>6}  {}\n",
                       clock.format(w.edges[w.first + b], w.hourly ? "%m-%d %H:%M" : "%Y-%m-%d"),
                       v, bars);
  }
  out += '\n';
  const auto table = [&](std::string_view title, const std::vector<Breakdown>& rows) {
    out += head(title) + "\n";
    for (const Breakdown& b : rows)
      out += fmt::format("  {:<20} {:>7}\n", clip(b.name, 20), total(b.counts));
  };
  table("Sources", r.by_source);
  table("Channels", r.by_channel);
  table("Languages", r.by_lang);
  out += fmt::format("\n{} records read, {} duplicate ids, {} without a date, {} after the window\n",
                     r.read, r.duplicates, r.undated, r.after_window);
  return out;
}

namespace {

// Mention text in a Markdown table cell: markup characters escaped, so text stays text.
std::string md(std::string_view s) {
  std::string out;
  for (char c : clip(one_line(s), 140)) {
    if (std::string_view("\\`*_[]<>|#!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string render_markdown(const Report& r) {
  const Window& w = r.window;
  const LocalClock clock(w.tz);
  std::string out = fmt::format("# hark report · {}\n\n{}\n\n", w.period, period_line(r, clock));
  out += "## Mentions\n\n| class | mentions |";
  if (r.previous) out += " change |";
  out += r.previous ? "\n|---|---:|---:|\n" : "\n|---|---:|\n";
  for (std::size_t c = 0; c <= kClasses; ++c) {
    if (c == kUnclassified && r.totals[c] == 0) continue;
    const bool all = c == kClasses;
    const std::uint64_t now = all ? total(r.totals) : r.totals[c];
    out += fmt::format("| {} | {} |", all ? "**all**" : class_name(c), now);
    if (r.previous)
      out += fmt::format(" {} |", signed_number(static_cast<std::int64_t>(now) -
                                                static_cast<std::int64_t>(
                                                    all ? total(*r.previous) : (*r.previous)[c])));
    out += '\n';
  }
  out += "\n**Net reputation:** " + (r.score ? signed_score(*r.score) : std::string("n/a"));
  if (r.score && r.previous_score)
    out += fmt::format(" (previous {}, trend {})", signed_score(*r.previous_score),
                       signed_score(*r.score - *r.previous_score));
  out += "\n\n";
  out += fmt::format("## Webcare queue\n\n{} open: {} overdue, {} due, {} ok, {} unknown (SLA {}).\n\n",
                     r.queue_total, r.queue_by_state[0], r.queue_by_state[1], r.queue_by_state[2],
                     r.queue_by_state[3], duration(r.settings.sla));
  if (!r.queue.empty()) {
    out += "| state | age | class | engagement | source | mention |\n|---|---:|---|---:|---|---|\n";
    for (const QueueItem& q : r.queue) {
      const std::string text = md(q.item.text);
      out += fmt::format("| {} | {:.1f}h | {} | {} | {} | {} |\n", sla_state_name(q.state),
                         age_hours(w.as_of() - q.item.published), class_name(q.item.cls),
                         q.item.engagement, md(q.item.source),
                         q.item.url.empty() ? text : fmt::format("[{}](<{}>)", text, md(q.item.url)));
    }
    out += '\n';
  }
  out += "**Responses:** " + response_line(r) + ".\n\n## Complaint themes\n\n";
  if (r.themes.empty()) out += "None.\n\n";
  for (const LanguageThemes& lt : r.themes) {
    out += fmt::format("### {} ({} of {})\n\n", lt.lang, count_of(lt.complaints, "complaint"),
                       count_of(lt.mentions, "mention"));
    if (lt.themes.empty()) {
      out += "Nothing stands out.\n\n";
      continue;
    }
    out += "| term | complaints | example |\n|---|---:|---|\n";
    for (const Theme& t : lt.themes)
      out += fmt::format("| {} | {} | {} |\n", md(t.term), t.complaints, md(t.example_text));
    out += '\n';
  }
  out += "## Spikes\n\n";
  if (r.spikes.empty()) out += "None.\n\n";
  for (const Spike& s : r.spikes)
    out += fmt::format("- **{}** {}: {} mentions (baseline median {}, z {:.1f}); terms: {}\n",
                       class_name(s.cls), clock.format(s.from), s.count, s.median, s.z,
                       md(spike_terms(s)));
  if (!r.spikes.empty()) out += '\n';
  const auto list = [&](std::string_view title, std::uint64_t count, const std::vector<Item>& items) {
    out += fmt::format("## {} ({})\n\n", title, count);
    if (items.empty()) return;
    out += "| engagement | class | source | mention |\n|---:|---|---|---|\n";
    for (const Item& i : items)
      out += fmt::format("| {} | {} | {} | {} |\n", i.engagement, class_name(i.cls), md(i.source),
                         md(i.text));
    out += '\n';
  };
  list("Amplify", r.amplify_total, r.amplify);
  list("Respond in private", r.privacy_total, r.privacy);
  out += fmt::format("## Volume per {}\n\n| {} | mentions |", w.hourly ? "hour" : "day",
                     w.hourly ? "hour" : "day");
  for (std::size_t c = 0; c < kClasses; ++c) out += fmt::format(" {} |", class_name(c));
  out += "\n|---|---:|";
  for (std::size_t c = 0; c < kClasses; ++c) out += "---:|";
  out += '\n';
  for (std::size_t b = 0; b < r.volume.size(); ++b) {
    out += fmt::format("| {} | {} |", clock.format(w.edges[w.first + b]), total(r.volume[b]));
    for (auto x : r.volume[b]) out += fmt::format(" {} |", x);
    out += '\n';
  }
  const auto table = [&](std::string_view title, const std::vector<Breakdown>& rows) {
    out += fmt::format("\n## {}\n\n| name | mentions |\n|---|---:|\n", title);
    for (const Breakdown& b : rows) out += fmt::format("| {} | {} |\n", md(b.name), total(b.counts));
  };
  table("Sources", r.by_source);
  table("Channels", r.by_channel);
  table("Languages", r.by_lang);
  return out;
}

}  // namespace hark::report
