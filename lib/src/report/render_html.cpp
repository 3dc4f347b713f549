// The html format: one self-contained page (inline CSS and SVG, no scripts, no external
// assets) that reads well on a phone and survives being forwarded by mail.
#include <algorithm>

#include <fmt/format.h>

#include "render.hpp"

namespace hark::report {
namespace {

constexpr std::string_view kClassColour[kClasses] = {"#d64545", "#e39b1b", "#2e9d5b",
                                                     "#2f7fd1", "#98a2ad", "#d5dae0"};
// Pill text: white, but dark on the pale unclassified grey.
constexpr std::string_view kClassInk[kClasses] = {"#fff", "#fff", "#fff", "#fff", "#fff", "#3b4650"};

// A name cut to `n` characters (UTF-8), for chart labels with no room to wrap.
std::string clip(std::string_view s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n)
      return std::string(s.substr(0, i)) + "…";
  return std::string(s);
}

// Every piece of text from a mention or a user goes through here.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  return out;
}

// A link only for http(s) URLs, so a record cannot smuggle in a javascript: href.
std::string link(std::string_view url, std::string_view inner) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) return std::string(inner);
  return fmt::format("<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", esc(url), inner);
}

std::string signed_number(std::int64_t v) { return v > 0 ? fmt::format("+{}", v) : std::to_string(v); }
std::string signed_score(double v) { return v > 0 ? fmt::format("+{:.1f}", v) : fmt::format("{:.1f}", v); }

std::string duration(std::int64_t s) {
  if (s < 3600) return fmt::format("{} min", s / 60);
  return fmt::format("{:.1f} h", static_cast<double>(s) / 3600.0);
}

// A round, even axis maximum at or above `peak` (2, 4, 6, 8, 10, 20, ...), so the middle
// grid line is a whole number.
std::uint64_t axis_max(std::uint64_t peak) {
  std::uint64_t step = 1;
  while (true) {
    for (std::uint64_t m : {2, 4, 6, 8, 10})
      if (m * step >= peak) return m * step;
    step *= 10;
  }
}

constexpr double kW = 720, kH = 230, kLeft = 40, kRight = 12, kTop = 14, kBottom = 30;

std::string axes(std::uint64_t max) {
  std::string s;
  for (int k = 0; k <= 2; ++k) {
    const double y = kTop + (kH - kTop - kBottom) * (1.0 - k / 2.0);
    s += fmt::format(
        "<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" class=\"grid\"/>"
        "<text x=\"{}\" y=\"{:.1f}\" class=\"tick\" text-anchor=\"end\">{}</text>",
        kLeft, y, kW - kRight, y, kLeft - 6, y + 4, max * static_cast<std::uint64_t>(k) / 2);
  }
  return s;
}

std::string x_labels(const Report& r, const LocalClock& clock, double slot) {
  const Window& w = r.window;
  const std::size_t n = r.volume.size();
  const std::size_t every = w.hourly ? 3 : std::max<std::size_t>(1, (n + 9) / 10);
  std::string s;
  for (std::size_t b = 0; b < n; b += every)
    s += fmt::format("<text x=\"{:.1f}\" y=\"{}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
                     kLeft + slot * (static_cast<double>(b) + 0.5), kH - 10,
                     esc(clock.format(w.edges[w.first + b], w.hourly ? "%H:%M" : "%d %b")));
  return s;
}

std::string stacked_bars(const Report& r, const LocalClock& clock) {
  const Window& w = r.window;
  std::uint64_t peak = 0;
  for (const auto& v : r.volume) peak = std::max(peak, total(v));
  const std::uint64_t max = axis_max(std::max<std::uint64_t>(peak, 1));
  const double plot = kH - kTop - kBottom;
  const double slot = (kW - kLeft - kRight) / static_cast<double>(r.volume.size());
  std::string s = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Mentions per {} "
      "by class\">",
      kW, kH, w.hourly ? "hour" : "day");
  s += axes(max);
  for (std::size_t b = 0; b < r.volume.size(); ++b) {
    double y = kTop + plot;
    for (std::size_t c = 0; c < kClasses; ++c) {
      const std::uint64_t v = r.volume[b][c];
      if (v == 0) continue;
      const double h = plot * static_cast<double>(v) / static_cast<double>(max);
      y -= h;
      s += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\">"
          "<title>{} {}: {}</title></rect>",
          kLeft + slot * static_cast<double>(b) + slot * 0.12, y, slot * 0.76, h, kClassColour[c],
          esc(clock.format(w.edges[w.first + b])), class_name(c), v);
    }
  }
  s += x_labels(r, clock, slot);
  return s + "</svg>";
}

std::string volume_line(const Report& r, const LocalClock& clock) {
  const Window& w = r.window;
  std::uint64_t peak = 0;
  for (const auto& v : r.volume) peak = std::max(peak, total(v));
  const std::uint64_t max = axis_max(std::max<std::uint64_t>(peak, 1));
  const double plot = kH - kTop - kBottom;
  const double slot = (kW - kLeft - kRight) / static_cast<double>(r.volume.size());
  const auto x = [&](std::size_t b) { return kLeft + slot * (static_cast<double>(b) + 0.5); };
  const auto y = [&](std::uint64_t v) {
    return kTop + plot * (1.0 - static_cast<double>(v) / static_cast<double>(max));
  };
  std::string s = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"Total mentions per "
      "{}\">",
      kW, kH, w.hourly ? "hour" : "day");
  s += axes(max);
  std::string points;
  for (std::size_t b = 0; b < r.volume.size(); ++b)
    points += fmt::format("{:.1f},{:.1f} ", x(b), y(total(r.volume[b])));
  s += fmt::format("<polygon points=\"{:.1f},{:.1f} {}{:.1f},{:.1f}\" class=\"area\"/>", x(0),
                   y(0), points, x(r.volume.size() - 1), y(0));
  s += fmt::format("<polyline points=\"{}\" class=\"line\"/>", points);
  for (std::size_t b = 0; b < r.volume.size(); ++b) {
    const UnixTime start = w.edges[w.first + b];
    const bool spike = std::any_of(r.spikes.begin(), r.spikes.end(),
                                   [&](const Spike& sp) { return sp.from == start; });
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" class=\"{}\"><title>{}: {}{}"
                     "</title></circle>",
                     x(b), y(total(r.volume[b])), spike ? 6 : 3, spike ? "spike" : "dot",
                     esc(clock.format(start)), total(r.volume[b]), spike ? " (spike)" : "");
  }
  s += x_labels(r, clock, slot);
  return s + "</svg>";
}

std::string source_bars(const std::vector<Breakdown>& rows) {
  const std::size_t n = std::min<std::size_t>(rows.size(), 8);
  std::uint64_t peak = 1;
  for (std::size_t i = 0; i < n; ++i) peak = std::max(peak, total(rows[i].counts));
  const double row = 30, label = 130, width = kW - label - 60;
  std::string s = fmt::format(
      "<svg class=\"chart\" viewBox=\"0 0 {} {:.0f}\" role=\"img\" aria-label=\"Mentions by "
      "source\">",
      kW, row * static_cast<double>(n) + 8);
  // Names start at the left edge and are clipped before the bars: glyph widths are unknown
  // here, so a count of characters cannot promise a fit. The whole name is the tooltip.
  s += fmt::format("<clipPath id=\"source-names\"><rect width=\"{}\" height=\"{:.0f}\"/></clipPath>"
                   "<g clip-path=\"url(#source-names)\">",
                   label - 8, row * static_cast<double>(n) + 8);
  for (std::size_t i = 0; i < n; ++i)
    s += fmt::format("<text x=\"0\" y=\"{:.1f}\" class=\"label\"><title>{}</title>{}</text>",
                     22 + row * static_cast<double>(i), esc(rows[i].name), esc(clip(rows[i].name, 20)));
  s += "</g>";
  for (std::size_t i = 0; i < n; ++i) {
    const double y = 4 + row * static_cast<double>(i);
    double x = label;
    for (std::size_t c = 0; c < kClasses; ++c) {
      const std::uint64_t v = rows[i].counts[c];
      if (v == 0) continue;
      const double w = width * static_cast<double>(v) / static_cast<double>(peak);
      s += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"20\" fill=\"{}\"><title>{} "
          "{}: {}</title></rect>",
          x, y + 4, w, kClassColour[c], esc(rows[i].name), class_name(c), v);
      x += w;
    }
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" class=\"label\">{}</text>", x + 6, y + 18,
                     total(rows[i].counts));
  }
  return s + "</svg>";
}

std::string legend() {
  std::string s = "<ul class=\"legend\">";
  for (std::size_t c = 0; c < kClasses; ++c)
    s += fmt::format("<li><span style=\"background:{}\"></span>{}</li>", kClassColour[c],
                     class_name(c));
  return s + "</ul>";
}

std::string card(std::string_view label, std::string_view value, std::string_view note,
                 std::string_view tone = "") {
  return fmt::format(
      "<div class=\"card {}\"><div class=\"k\">{}</div><div class=\"v\">{}</div>"
      "<div class=\"n\">{}</div></div>",
      tone, label, value, note);
}

std::string breakdown_table(std::string_view title, const std::vector<Breakdown>& rows) {
  std::string s = fmt::format("<div><h3>{}</h3><table><tr><th>{}</th><th class=\"num\">mentions</th>"
                              "</tr>",
                              title, title == "Channels" ? "channel" : "language");
  for (const Breakdown& b : rows)
    s += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>", esc(b.name), total(b.counts));
  return s + "</table></div>";
}

std::string item_rows(const std::vector<Item>& items) {
  std::string s;
  for (const Item& i : items)
    s += fmt::format(
        "<tr><td class=\"num\">{}</td><td class=\"opt\"><span class=\"pill\" "
        "style=\"background:{};color:{}\">{}</span></td><td class=\"opt\">{}</td><td class=\"text\">{}</td>"
        "</tr>",
        i.engagement, kClassColour[i.cls], kClassInk[i.cls], class_name(i.cls), esc(i.source),
        link(i.url, esc(one_line(i.text))));
  return s;
}

constexpr std::string_view kStyle = R"(
:root{--ink:#1d2329;--muted:#66717c;--line:#e3e7eb;--bg:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:980px;margin:0 auto;padding:20px 16px 40px}
header{background:#1f2a36;color:#fff;padding:22px 16px}
header div{max-width:980px;margin:0 auto}
header h1{margin:0;font-size:22px;font-weight:650;letter-spacing:.2px}
header p{margin:4px 0 0;color:#c3ccd6;font-size:14px}
h2{font-size:17px;margin:28px 0 10px}
h3{font-size:15px;margin:14px 0 6px;color:var(--muted);font-weight:600}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin-top:14px}
section>h2:first-child{margin-top:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .k{color:var(--muted);font-size:13px}
.card .v{font-size:28px;font-weight:700;margin-top:2px}
.card .n{color:var(--muted);font-size:13px}
.card.bad .v{color:#c0392b}.card.good .v{color:#2e8b57}
.chart{width:100%;height:auto;display:block}
.chart .grid{stroke:#e8ecef;stroke-width:1}
.chart .tick{fill:#7b8691;font-size:13px}
.chart .label{fill:#33404c;font-size:15px}
.chart .line{fill:none;stroke:#1f6fb2;stroke-width:2.5;stroke-linejoin:round}
.chart .area{fill:#1f6fb2;opacity:.10}
.chart .dot{fill:#1f6fb2}.chart .spike{fill:#d64545;stroke:#fff;stroke-width:2}
table.classes{margin-top:10px;max-width:460px}
.legend{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:13px;color:var(--muted)}
.legend span{display:inline-block;width:11px;height:11px;border-radius:3px;margin-right:6px;vertical-align:-1px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;color:var(--muted);font-weight:600;font-size:12px;text-transform:uppercase;letter-spacing:.4px;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid #f0f2f4;padding:7px 8px;vertical-align:top}
td.text{min-width:240px;overflow-wrap:anywhere}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.pill{display:inline-block;color:#fff;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap}
.sla-overdue{background:#c0392b}.sla-due{background:#e08e0b}.sla-ok{background:#2e8b57}.sla-unknown{background:#8a949e}
.spikes li{margin:4px 0}
.term{font-weight:600}
.muted{color:var(--muted)}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:0 24px}
a{color:#1f6fb2;text-decoration:none}a:hover{text-decoration:underline}
footer{color:var(--muted);font-size:13px;margin-top:22px}
@media (max-width:560px){body{font-size:14px}main{padding:12px 10px 30px}.cards{grid-template-columns:1fr 1fr;gap:8px}.card .v{font-size:23px}td.text{min-width:0}.opt{display:none}section{padding:12px}.chart .tick{font-size:22px}.chart .label{font-size:24px}}
)";

}  // namespace

std::string render_html(const Report& r) {
  const Window& w = r.window;
  const LocalClock clock(w.tz);
  const std::uint64_t n = total(r.totals);
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">";
  h += fmt::format("<title>Reputation report {} – {}</title><style>{}</style></head><body>",
                   esc(clock.format(w.from, "%Y-%m-%d")), esc(clock.format(w.to, "%Y-%m-%d")),
                   kStyle);
  h += fmt::format(
      "<header><div><h1>Reputation report</h1><p>{} – {} ({}) · {} · SLA {}</p></div></header>"
      "<main>",
      esc(clock.format(w.from)), esc(clock.format(w.to)), esc(w.tz), esc(w.period),
      duration(r.settings.sla));

  // The four numbers a lead reads first.
  std::string delta = "no earlier data to compare";
  if (r.previous)
    delta = fmt::format("{} vs previous {}", signed_number(static_cast<std::int64_t>(n) -
                                                           static_cast<std::int64_t>(total(*r.previous))),
                        w.hourly ? "day" : "period");
  std::string trend = r.score && r.previous_score
                          ? fmt::format("trend {} (was {})", signed_score(*r.score - *r.previous_score),
                                        signed_score(*r.previous_score))
                          : "praise and tips minus complaints, %";
  const auto known_rate = rate(r.answered, r.answers_known);
  h += "<div class=\"cards\">";
  h += card("Mentions", std::to_string(n), delta);
  h += card("Net reputation", r.score ? signed_score(*r.score) : "n/a", trend,
            r.score && *r.score < 0 ? "bad" : "good");
  h += card("Open in queue", std::to_string(r.queue_total),
            fmt::format("{} overdue · {} due · {} unknown", r.queue_by_state[0], r.queue_by_state[1],
                        r.queue_by_state[3]),
            r.queue_by_state[0] ? "bad" : "");
  h += card("Answered", known_rate ? fmt::format("{:.0f}%", *known_rate) : "n/a",
            r.median_response ? fmt::format("median {}, p90 {}", duration(*r.median_response),
                                            duration(*r.p90_response))
                              : "no answer data in the input");
  h += "</div>";

  if (!r.spikes.empty()) {
    h += "<section><h2>Spikes</h2><ul class=\"spikes\">";
    for (const Spike& s : r.spikes) {
      std::string terms;
      for (const auto& [t, k] : s.terms)
        terms += fmt::format("{}<span class=\"term\">{}</span> ({})", terms.empty() ? "" : ", ",
                             esc(t), k);
      h += fmt::format(
          "<li><span class=\"pill\" style=\"background:{};color:{}\">{}</span> {}: <b>{}</b> mentions "
          "against a usual {} (z {:.1f}){}</li>",
          kClassColour[s.cls], kClassInk[s.cls], class_name(s.cls), esc(clock.format(s.from)), s.count, s.median, s.z,
          terms.empty() ? "" : " — " + terms);
    }
    h += "</ul></section>";
  }

  h += fmt::format("<section><h2>Mentions per {} by class</h2>{}{}", w.hourly ? "hour" : "day",
                   stacked_bars(r, clock), legend());
  h += "<div class=\"scroll\"><table class=\"classes\"><tr><th>class</th><th class=\"num\">"
       "mentions</th><th class=\"num\">share</th>";
  if (r.previous) h += "<th class=\"num\">change</th>";
  h += "</tr>";
  for (std::size_t c = 0; c < kClasses; ++c) {
    if (c == kUnclassified && r.totals[c] == 0) continue;
    const auto share = rate(r.totals[c], n);
    h += fmt::format("<tr><td><span class=\"pill\" style=\"background:{};color:{}\">{}</span></td>"
                     "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                     kClassColour[c], kClassInk[c], class_name(c), r.totals[c],
                     share ? fmt::format("{:.1f}%", *share) : "–");
    if (r.previous)
      h += fmt::format("<td class=\"num\">{}</td>",
                       signed_number(static_cast<std::int64_t>(r.totals[c]) -
                                     static_cast<std::int64_t>((*r.previous)[c])));
    h += "</tr>";
  }
  h += "</table></div></section>";

  h += fmt::format("<section><h2>Webcare queue</h2><p class=\"muted\">{} complaints and questions "
                   "without a known answer, most urgent first: {} overdue, {} due within 12 h, "
                   "{} ok, {} unknown (no source says whether they were answered).</p>",
                   r.queue_total, r.queue_by_state[0], r.queue_by_state[1], r.queue_by_state[2],
                   r.queue_by_state[3]);
  if (!r.queue.empty()) {
    h += "<div class=\"scroll\"><table><tr><th>SLA</th><th class=\"num\">age</th>"
         "<th class=\"opt\">class</th><th class=\"num opt\">eng.</th><th class=\"opt\">source</th>"
         "<th>mention</th></tr>";
    for (const QueueItem& q : r.queue)
      h += fmt::format(
          "<tr><td><span class=\"pill sla-{0}\">{0}</span></td><td class=\"num\">{1:.1f} h</td>"
          "<td class=\"opt\">{2}</td><td class=\"num opt\">{3}</td><td class=\"opt\">{4}</td>"
          "<td class=\"text\">{5}</td></tr>",
          sla_state_name(q.state), age_hours(w.as_of() - q.item.published), class_name(q.item.cls),
          q.item.engagement, esc(q.item.source), link(q.item.url, esc(one_line(q.item.text))));
    h += "</table></div>";
  }
  h += "</section>";

  h += "<section><h2>Complaint themes</h2>";
  if (r.themes.empty()) h += "<p class=\"muted\">No complaints in a language with themes.</p>";
  for (const LanguageThemes& lt : r.themes) {
    h += fmt::format("<h3>{} · {} of {}</h3>", esc(lt.lang), count_of(lt.complaints, "complaint"),
                     count_of(lt.mentions, "mention"));
    if (lt.themes.empty()) {
      h += "<p class=\"muted\">Nothing stands out.</p>";
      continue;
    }
    h += "<div class=\"scroll\"><table><tr><th>term</th><th class=\"num\">complaints</th>"
         "<th>example</th></tr>";
    for (const Theme& t : lt.themes)
      h += fmt::format("<tr><td class=\"term\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"text\">{}</td></tr>",
                       esc(t.term), t.complaints, esc(one_line(t.example_text)));
    h += "</table></div>";
  }
  h += "</section>";

  h += fmt::format("<section><h2>Total volume</h2>{}</section>", volume_line(r, clock));
  h += fmt::format("<section><h2>Sources</h2>{}{}<div class=\"two\">{}{}</div></section>",
                   source_bars(r.by_source), legend(), breakdown_table("Channels", r.by_channel),
                   breakdown_table("Languages", r.by_lang));

  const auto list = [&](std::string_view title, std::string_view note, std::uint64_t count,
                        const std::vector<Item>& items) {
    h += fmt::format("<section><h2>{} <span class=\"muted\">({})</span></h2><p class=\"muted\">{}"
                     "</p>",
                     title, count, note);
    if (!items.empty())
      h += "<div class=\"scroll\"><table><tr><th class=\"num\">eng.</th><th class=\"opt\">class"
           "</th><th class=\"opt\">source</th><th>mention</th></tr>" +
           item_rows(items) + "</table></div>";
    h += "</section>";
  };
  list("Amplify", "Praise and expert tips with the most engagement: worth sharing or thanking.",
       r.amplify_total, r.amplify);
  list("Respond in private", "Personal details seen: take these to a private channel.",
       r.privacy_total, r.privacy);

  h += fmt::format(
      "<footer>Made by hark report as of {} ({}). {} records read, {} duplicate ids, {} without a "
      "date, {} after the window.</footer></main></body></html>\n",
      esc(clock.format(w.as_of())), esc(w.tz), r.read, r.duplicates, r.undated, r.after_window);
  return h;
}

}  // namespace hark::report
