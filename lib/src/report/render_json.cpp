// The json and csv formats: for scripts and spreadsheets. Layout in docs/report.md.
#include <fmt/format.h>

#include "hark/json.hpp"
#include "render.hpp"

namespace hark::report {
namespace {

void put_time(std::string& out, UnixTime t) { append_json_string(out, format_rfc3339(t)); }

void put_by_class(std::string& out, const ClassCounts& c) {
  out += '{';
  for (std::size_t i = 0; i < kClasses; ++i) {
    if (i) out += ',';
    append_json_string(out, class_name(i));
    out += fmt::format(":{}", c[i]);
  }
  out += '}';
}

void put_optional(std::string& out, std::optional<double> v) {
  if (v)
    append_json_double(out, *v);
  else
    out += "null";
}

void put_item(std::string& out, const Item& i, UnixTime as_of) {
  out += "{\"id\":";
  append_json_string(out, i.id);
  out += ",\"class\":";
  append_json_string(out, class_name(i.cls));
  out += ",\"published\":";
  put_time(out, i.published);
  out += ",\"age_hours\":";
  append_json_double(out, age_hours(as_of - i.published));
  out += ",\"source\":";
  append_json_string(out, i.source);
  out += ",\"url\":";
  append_json_string(out, i.url);
  out += fmt::format(",\"engagement\":{},\"reach\":", i.engagement);
  append_json_int(out, i.reach);
  out += ",\"text\":";
  append_json_string(out, i.text);
  out += '}';
}

void put_items(std::string& out, std::uint64_t total, const std::vector<Item>& items,
               UnixTime as_of) {
  out += fmt::format("{{\"total\":{},\"items\":[", total);
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k) out += ',';
    put_item(out, items[k], as_of);
  }
  out += "]}";
}

void put_breakdown(std::string& out, const std::vector<Breakdown>& rows) {
  out += '[';
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (k) out += ',';
    out += "{\"name\":";
    append_json_string(out, rows[k].name);
    out += fmt::format(",\"mentions\":{},\"by_class\":", total(rows[k].counts));
    put_by_class(out, rows[k].counts);
    out += '}';
  }
  out += ']';
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

double age_hours(std::int64_t seconds) { return std::round(static_cast<double>(seconds) / 360.0) / 10.0; }

std::uint64_t total(const ClassCounts& c) {
  std::uint64_t n = 0;
  for (auto x : c) n += x;
  return n;
}

std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') {
      out += text[i] == '\t' ? ' ' : text[i];
      continue;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (i + 1 < text.size() && (text[i + 1] == '\n' || text[i + 1] == '\r' || text[i + 1] == ' ')) ++i;
    if (!out.empty() && i + 1 < text.size()) out += " · ";
  }
  return out;
}

std::string count_of(std::uint64_t n, std::string_view noun) {
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s");
}

std::optional<double> rate(std::uint64_t part, std::uint64_t whole) {
  if (whole == 0) return std::nullopt;
  return std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

std::string render_json(const Report& r) {
  const Window& w = r.window;
  const UnixTime as_of = w.as_of();
  std::string out;
  out += "{\"period\":{\"name\":";
  append_json_string(out, w.period);
  out += ",\"from\":";
  put_time(out, w.from);
  out += ",\"to\":";
  put_time(out, w.to);
  out += ",\"as_of\":";
  put_time(out, as_of);
  out += ",\"tz\":";
  append_json_string(out, w.tz);
  out += fmt::format(",\"granularity\":\"{}\",\"sla_hours\":", w.hourly ? "hour" : "day");
  append_json_double(out, static_cast<double>(r.settings.sla) / 3600.0);
  out += fmt::format("}},\"records\":{{\"read\":{},\"duplicates\":{},\"undated\":{},"
                     "\"after_window\":{}}}",
                     r.read, r.duplicates, r.undated, r.after_window);
  out += fmt::format(",\"totals\":{{\"mentions\":{},\"by_class\":", total(r.totals));
  put_by_class(out, r.totals);
  out += ",\"previous\":";
  if (r.previous) {
    out += fmt::format("{{\"mentions\":{},\"by_class\":", total(*r.previous));
    put_by_class(out, *r.previous);
    out += '}';
  } else {
    out += "null";
  }
  out += "},\"reputation\":{\"score\":";
  put_optional(out, r.score);
  out += ",\"previous\":";
  put_optional(out, r.previous_score);
  out += ",\"trend\":";
  put_optional(out, r.score && r.previous_score
                        ? std::optional<double>(std::round((*r.score - *r.previous_score) * 10) / 10)
                        : std::nullopt);
  out += "},\"volume\":[";
  for (std::size_t b = 0; b < r.volume.size(); ++b) {
    if (b) out += ',';
    out += "{\"from\":";
    put_time(out, w.edges[w.first + b]);
    out += fmt::format(",\"mentions\":{},\"by_class\":", total(r.volume[b]));
    put_by_class(out, r.volume[b]);
    out += '}';
  }
  out += "],\"breakdown\":{\"source\":";
  put_breakdown(out, r.by_source);
  out += ",\"channel\":";
  put_breakdown(out, r.by_channel);
  out += ",\"lang\":";
  put_breakdown(out, r.by_lang);
  out += fmt::format("}},\"queue\":{{\"total\":{},\"by_state\":{{", r.queue_total);
  for (int s = 0; s < 4; ++s)
    out += fmt::format("{}\"{}\":{}", s ? "," : "", sla_state_name(static_cast<SlaState>(s)),
                       r.queue_by_state[s]);
  out += "},\"items\":[";
  for (std::size_t k = 0; k < r.queue.size(); ++k) {
    if (k) out += ',';
    put_item(out, r.queue[k].item, as_of);
    out.pop_back();
    out += fmt::format(",\"sla_state\":\"{}\"}}", sla_state_name(r.queue[k].state));
  }
  out += fmt::format("]}},\"response\":{{\"known\":{},\"answered\":{},\"rate\":", r.answers_known,
                     r.answered);
  put_optional(out, rate(r.answered, r.answers_known));
  out += ",\"median_seconds\":";
  append_json_int(out, r.median_response);
  out += ",\"p90_seconds\":";
  append_json_int(out, r.p90_response);
  out += fmt::format(",\"within_sla\":{},\"within_sla_rate\":", r.answered_within_sla);
  put_optional(out, rate(r.answered_within_sla, r.answers_known));
  out += "},\"themes\":{";
  for (std::size_t l = 0; l < r.themes.size(); ++l) {
    const LanguageThemes& lt = r.themes[l];
    if (l) out += ',';
    append_json_string(out, lt.lang);
    out += fmt::format(":{{\"complaints\":{},\"mentions\":{},\"terms\":[", lt.complaints,
                       lt.mentions);
    for (std::size_t k = 0; k < lt.themes.size(); ++k) {
      const Theme& t = lt.themes[k];
      if (k) out += ',';
      out += "{\"term\":";
      append_json_string(out, t.term);
      out += fmt::format(",\"count\":{},\"all\":{},\"score\":", t.complaints, t.all);
      append_json_double(out, t.score);
      out += ",\"example\":{\"id\":";
      append_json_string(out, t.example_id);
      out += ",\"text\":";
      append_json_string(out, t.example_text);
      out += "}}";
    }
    out += "]}";
  }
  out += "},\"amplify\":";
  put_items(out, r.amplify_total, r.amplify, as_of);
  out += ",\"privacy\":";
  put_items(out, r.privacy_total, r.privacy, as_of);
  out += ",\"spikes\":[";
  for (std::size_t k = 0; k < r.spikes.size(); ++k) {
    const Spike& s = r.spikes[k];
    if (k) out += ',';
    out += "{\"class\":";
    append_json_string(out, class_name(s.cls));
    out += ",\"from\":";
    put_time(out, s.from);
    out += ",\"to\":";
    put_time(out, s.to);
    out += fmt::format(",\"count\":{},\"baseline_median\":", s.count);
    append_json_double(out, s.median);
    out += ",\"baseline_mad\":";
    append_json_double(out, s.mad);
    out += ",\"z\":";
    append_json_double(out, s.z);
    out += ",\"terms\":[";
    for (std::size_t t = 0; t < s.terms.size(); ++t) {
      if (t) out += ',';
      out += "{\"term\":";
      append_json_string(out, s.terms[t].first);
      out += fmt::format(",\"count\":{}}}", s.terms[t].second);
    }
    out += "]}";
  }
  out += "]}\n";
  return out;
}

std::string render_csv(const Report& r) {
  // One table after another, each headed by a line naming it, so a spreadsheet opens it whole.
  const Window& w = r.window;
  const LocalClock clock(w.tz);
  std::string out = "table,key,mentions";
  for (std::size_t c = 0; c < kClasses; ++c) out += fmt::format(",{}", class_name(c));
  out += '\n';
  const auto row = [&](std::string_view table, std::string_view key, const ClassCounts& c) {
    out += fmt::format("{},{},{}", table, csv_field(key), total(c));
    for (auto x : c) out += fmt::format(",{}", x);
    out += '\n';
  };
  row("totals", "window", r.totals);
  if (r.previous) row("totals", "previous", *r.previous);
  for (std::size_t b = 0; b < r.volume.size(); ++b)
    row("volume", clock.format(w.edges[w.first + b]), r.volume[b]);
  for (const auto& b : r.by_source) row("source", b.name, b.counts);
  for (const auto& b : r.by_channel) row("channel", b.name, b.counts);
  for (const auto& b : r.by_lang) row("lang", b.name, b.counts);
  out += "\nlist,sla_state,id,class,published,age_hours,engagement,reach,source,url,text\n";
  const auto item = [&](std::string_view list, std::string_view state, const Item& i) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", list, state, csv_field(i.id),
                       class_name(i.cls), clock.format(i.published),
                       age_hours(w.as_of() - i.published), i.engagement,
                       i.reach ? std::to_string(*i.reach) : "", csv_field(i.source),
                       csv_field(i.url), csv_field(i.text));
  };
  for (const auto& q : r.queue) item("queue", sla_state_name(q.state), q.item);
  for (const auto& i : r.amplify) item("amplify", "", i);
  for (const auto& i : r.privacy) item("privacy", "", i);
  out += "\nlang,term,complaints,mentions,score,example_id,example_text\n";
  for (const auto& lt : r.themes)
    for (const auto& t : lt.themes)
      out += fmt::format("{},{},{},{},{},{},{}\n", lt.lang, csv_field(t.term), t.complaints, t.all,
                         t.score, csv_field(t.example_id), csv_field(t.example_text));
  out += "\nspike_class,from,count,baseline_median,baseline_mad,z,terms\n";
  for (const auto& s : r.spikes) {
    std::string terms;
    for (const auto& [t, n] : s.terms) terms += fmt::format("{}{} ({})", terms.empty() ? "" : "; ", t, n);
    out += fmt::format("{},{},{},{},{},{},{}\n", class_name(s.cls), clock.format(s.from), s.count,
                       s.median, s.mad, s.z, csv_field(terms));
  }
  return out;
}

std::string render(const Report& r, Format format, bool colour) {
  switch (format) {
    case Format::json: return render_json(r);
    case Format::csv: return render_csv(r);
    case Format::md: return render_markdown(r);
    case Format::html: return render_html(r);
    case Format::text: break;
  }
  return render_text(r, colour);
}

}  // namespace hark::report
