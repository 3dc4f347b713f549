#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "hark/error.hpp"
#include "hark/report.hpp"

using namespace hark;
using namespace hark::report;

namespace {

const UnixTime kNow = *parse_rfc3339("2026-11-24T12:00:00Z");

void add(State& s, const std::string& line) {
  simdjson::dom::parser parser;
  simdjson::dom::object o;
  REQUIRE(!parser.parse(line).get(o));
  s.add(o);
}

std::string mention(std::string_view id, std::string_view published, std::string_view cls,
                    std::string_view extra = "") {
  return fmt::format(R"({{"id":"{}","source":"mastodon","published":"{}","class":"{}","lang":"en","text":"text of {}"{}}})",
                     id, published, cls, id, extra);
}

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> v;
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

}  // namespace

TEST_CASE("report: a day is the 24 hours up to now, in hours, with a week of hours before") {
  const Window w = make_window("day", "UTC", kNow);
  CHECK(w.hourly);
  CHECK(w.from == kNow - 86400);
  CHECK(w.to == kNow);
  CHECK(w.window_buckets() == 24);
  CHECK(w.first == 168);
  CHECK(w.edges.front() == kNow - 8 * 86400);
}

TEST_CASE("report: a week is seven days up to now, in days") {
  const Window w = make_window("week", "UTC", kNow);
  CHECK_FALSE(w.hourly);
  CHECK(w.from == kNow - 7 * 86400);
  CHECK(w.window_buckets() == 7);
  CHECK(w.first == 28);
}

TEST_CASE("report: a date is a calendar day in the given zone") {
  const Window utc = make_window("2026-11-24", "UTC", kNow);
  CHECK(utc.from == *parse_rfc3339("2026-11-24T00:00:00Z"));
  CHECK(utc.to == *parse_rfc3339("2026-11-25T00:00:00Z"));
  CHECK(utc.window_buckets() == 24);
  // Amsterdam is UTC+1 in November: its day starts at 23:00 UTC the evening before.
  const Window ams = make_window("2026-11-24", "Europe/Amsterdam", kNow);
  CHECK(ams.from == *parse_rfc3339("2026-11-23T23:00:00Z"));
  CHECK(ams.to == *parse_rfc3339("2026-11-24T23:00:00Z"));
  // The day clocks go forward has 23 hours.
  const Window dst = make_window("2026-03-29", "Europe/Amsterdam", kNow);
  CHECK(dst.from == *parse_rfc3339("2026-03-28T23:00:00Z"));
  CHECK(dst.to == *parse_rfc3339("2026-03-29T22:00:00Z"));
  CHECK(dst.window_buckets() == 23);
}

TEST_CASE("report: a range is whole local days, counted in days") {
  const Window w = make_window("2026-11-18..2026-11-24", "Europe/Amsterdam", kNow);
  CHECK_FALSE(w.hourly);
  CHECK(w.window_buckets() == 7);
  CHECK(w.from == *parse_rfc3339("2026-11-17T23:00:00Z"));
  CHECK(w.to == *parse_rfc3339("2026-11-24T23:00:00Z"));
  CHECK(w.edges[w.first + 1] == *parse_rfc3339("2026-11-18T23:00:00Z"));
}

TEST_CASE("report: bad periods and zones are usage errors") {
  for (const char* p : {"yesterday", "2026-13-01", "2026-11-24..2026-11-20", "2026-11-24..", ""}) {
    CAPTURE(p);
    try {
      make_window(p, "UTC", kNow);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code() == Exit::usage);
    }
  }
  CHECK_THROWS_AS(make_window("day", "Mars/Olympus", kNow), Error);
  CHECK_THROWS_AS(make_window("day", "../etc/passwd", kNow), Error);
}

TEST_CASE("report: each id counts once, later and undated records are kept apart") {
  State s(make_window("day", "UTC", kNow), {});
  add(s, mention("a", "2026-11-24T10:00:00Z", "complaint"));
  add(s, mention("a", "2026-11-24T11:00:00Z", "praise"));  // same id: the first one counts
  add(s, mention("b", "2026-11-24T11:00:00Z", "praise"));
  add(s, mention("c", "2026-11-24T12:00:00Z", "praise"));  // at `to`: after the window
  add(s, R"({"id":"d","published":null,"class":"other"})");
  add(s, mention("e", "2026-11-22T12:00:00Z", "other"));  // the previous period's first second
  add(s, R"({"id":"f","published":"2026-11-24T09:00:00Z"})");  // no class
  add(s, mention("g", "2026-11-24T09:30:00Z", "something-else"));
  const Report r = build_report(s);
  CHECK(r.read == 7);
  CHECK(r.duplicates == 1);
  CHECK(r.after_window == 1);
  CHECK(r.undated == 1);
  CHECK(r.totals == ClassCounts{1, 0, 1, 0, 0, 2});
  REQUIRE(r.previous);  // the input reaches back to the previous period's start
  CHECK(*r.previous == ClassCounts{0, 0, 0, 0, 1, 0});
  CHECK(r.score == 0.0);  // one praise, one complaint
  CHECK(r.volume.size() == 24);
  CHECK(r.volume[21] == ClassCounts{0, 0, 0, 0, 0, 2});  // 09:00..10:00
  CHECK(r.volume[22] == ClassCounts{1, 0, 0, 0, 0, 0});  // 10:00..11:00
  CHECK_THROWS_AS(add(s, R"({"published":"2026-11-24T09:00:00Z"})"), RecordError);
  CHECK_THROWS_AS(add(s, R"({"id":"h","class":7})"), RecordError);
}

TEST_CASE("report: the previous period is compared only when the input covers it") {
  State s(make_window("day", "UTC", kNow), {});
  add(s, mention("a", "2026-11-24T10:00:00Z", "praise"));
  add(s, mention("b", "2026-11-23T13:00:00Z", "complaint"));  // yesterday, but after 12:00
  const Report r = build_report(s);
  CHECK_FALSE(r.previous);
  CHECK_FALSE(r.previous_score);
  CHECK(r.score == 0.0);
}

TEST_CASE("report: SLA states, and unknown where no source says") {
  Settings settings;
  settings.answers_from = {"mastodon"};
  State s(make_window("day", "UTC", kNow), settings);
  const std::string null_answer = R"(,"answered_at":null)";
  add(s, mention("ok", "2026-11-24T00:00:00Z", "complaint", null_answer));       // 12 h old
  add(s, mention("due", "2026-11-22T13:00:00Z", "question", null_answer));       // 47 h old
  add(s, mention("overdue", "2026-11-22T11:00:00Z", "complaint", null_answer));  // 49 h old
  add(s, mention("later", "2026-11-24T01:00:00Z", "complaint",
                 R"(,"answered_at":"2026-11-24T13:00:00Z")"));  // answered after the report
  add(s, mention("answered", "2026-11-24T02:00:00Z", "complaint",
                 R"(,"answered_at":"2026-11-24T04:00:00Z")"));
  add(s, mention("nokey", "2026-11-24T03:00:00Z", "complaint"));
  add(s, R"({"id":"feed1","source":"feed","published":"2026-11-24T03:00:00Z","class":"question","answered_at":null})");
  add(s, mention("praise", "2026-11-24T03:00:00Z", "praise", null_answer));  // not for the queue
  const Report r = build_report(s);
  CHECK(r.queue_total == 6);
  CHECK(r.queue_by_state[static_cast<int>(SlaState::overdue)] == 1);
  CHECK(r.queue_by_state[static_cast<int>(SlaState::due)] == 1);
  CHECK(r.queue_by_state[static_cast<int>(SlaState::ok)] == 2);
  CHECK(r.queue_by_state[static_cast<int>(SlaState::unknown)] == 2);
  REQUIRE(r.queue.size() == 6);
  CHECK(r.queue[0].item.id == "overdue");
  CHECK(r.queue[1].item.id == "due");
  CHECK(r.queue[2].item.id == "ok");  // of two ok, equally quiet: the older first
  CHECK(r.queue[3].item.id == "later");
  CHECK(r.queue[4].state == SlaState::unknown);
  // Response metrics cover the window: ok, later, answered (2 h) are known.
  CHECK(r.answers_known == 3);
  CHECK(r.answered == 1);
  CHECK(r.median_response == 7200);
  CHECK(r.answered_within_sla == 1);
}

TEST_CASE("report: robust z-score uses the median and the MAD") {
  const Robust a = robust_z({1, 2, 3, 4, 100}, 10);
  CHECK(a.median == 3.0);
  CHECK(a.mad == 1.0);
  CHECK(a.z == doctest::Approx(7.0 / 1.4826));
  const Robust b = robust_z({0, 0, 0, 0}, 4);  // MAD 0: the scale floor of one mention
  CHECK(b.z == 4.0);
  const Robust c = robust_z({2, 4, 6, 8}, 5);
  CHECK(c.median == 5.0);
  CHECK(c.z == 0.0);
}

TEST_CASE("report: a burst against a quiet baseline is a spike, with its terms") {
  State s(make_window("day", "UTC", kNow), {});
  int n = 0;
  // A quiet week: one other mention every six hours.
  for (UnixTime t = kNow - 8 * 86400; t < kNow - 3 * 3600; t += 6 * 3600)
    add(s, mention("q" + std::to_string(n++), format_rfc3339(t), "other"));
  for (int i = 0; i < 4; ++i)
    add(s, fmt::format(R"({{"id":"x{}","published":"2026-11-24T10:1{}:00Z","class":"complaint","lang":"en","text":"billing error again {}"}})",
                       i, i, i));
  const Report r = build_report(s);
  REQUIRE(r.spikes.size() == 1);
  CHECK(r.spikes[0].cls == 0);
  CHECK(r.spikes[0].from == *parse_rfc3339("2026-11-24T10:00:00Z"));
  CHECK(r.spikes[0].count == 4);
  CHECK(r.spikes[0].z == 4.0);
  // "again" is an English stopword; the others are in every spike mention and in no other.
  REQUIRE(r.spikes[0].terms.size() == 2);
  CHECK(r.spikes[0].terms[0] == std::pair<std::string, std::uint64_t>{"billing", 4});
  CHECK(r.spikes[0].terms[1] == std::pair<std::string, std::uint64_t>{"error", 4});
  // Three are not enough against the floor of one: z 3 < 3.5.
  State quiet(make_window("day", "UTC", kNow), {});
  for (UnixTime t = kNow - 8 * 86400; t < kNow - 3 * 3600; t += 6 * 3600)
    add(quiet, mention("q" + std::to_string(n++), format_rfc3339(t), "other"));
  for (int i = 0; i < 3; ++i) add(quiet, mention("y" + std::to_string(i), "2026-11-24T10:10:00Z", "complaint"));
  CHECK(build_report(quiet).spikes.empty());
}

TEST_CASE("report: terms drop stopwords, handles and links, and keep two-word phrases") {
  const auto t = terms_of("The @acme router is broken again! See https://x.example/a Router broken", "en");
  CHECK(t == std::vector<std::string>{"broken", "router", "router broken", "see"});
  // Negations count inside phrases only: "geen internet" is a theme, "geen" is not.
  const auto nl = terms_of("Geen internet bij Acme, storing!", "nl-NL");
  CHECK(nl == std::vector<std::string>{"acme", "geen internet", "internet", "storing"});
  CHECK(terms_of("Ça ne marche pas", "fr") ==
        std::vector<std::string>{"marche", "marche pas", "ne marche"});
}

TEST_CASE("report: themes are what complaints say more than other mentions, with an example") {
  State s(make_window("day", "UTC", kNow), {});
  const auto m = [&](std::string id, std::string cls, std::string text) {
    add(s, fmt::format(R"({{"id":"{}","published":"2026-11-24T10:00:00Z","class":"{}","lang":"en","text":"{}"}})",
                       id, cls, text));
  };
  m("c2", "complaint", "slow internet tonight");
  m("c1", "complaint", "slow internet again");
  m("c3", "complaint", "router is fine, service terrible");
  m("p1", "praise", "great internet speed");
  m("p2", "praise", "great service");
  const Report r = build_report(s);
  REQUIRE(r.themes.size() == 1);
  const auto& t = r.themes[0];
  CHECK(t.complaints == 3);
  CHECK(t.mentions == 5);
  REQUIRE(t.themes.size() == 2);
  // "slow internet": 2 of 3 complaints, 2 of 5 mentions: 2 ln((2/3)/(2/5)). "slow" has the
  // same counts and appears only inside that phrase, so it is left out. "internet" (2 of 3,
  // 3 of 5) scores 2 ln(10/9); "service" (one complaint) is too rare.
  CHECK(t.themes[0].term == "slow internet");
  CHECK(t.themes[1].term == "internet");
  CHECK(t.themes[1].score == doctest::Approx(2 * std::log(10.0 / 9.0)).epsilon(0.001));
  CHECK(t.themes[0].complaints == 2);
  CHECK(t.themes[0].score == doctest::Approx(2 * std::log(5.0 / 3.0)).epsilon(0.001));
  CHECK(t.themes[0].example_id == "c1");  // the smallest id, whatever the order read
}

TEST_CASE("report: merged shard states equal one run, state files included") {
  const auto lines = lines_of(HARK_TEST_DATA "/report/classified.jsonl");
  REQUIRE(lines.size() > 30);
  Settings settings;
  settings.answers_from = {"forum", "import", "mastodon"};
  const Window w = make_window("day", "UTC", kNow);
  State whole(w, settings);
  std::vector<State> shards;
  for (int k = 0; k < 3; ++k) shards.emplace_back(w, settings);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    add(whole, lines[i]);
    add(shards[(i * 7) % 3], lines[i]);
  }
  // Through the state file, as --emit-state and --merge do, and in another order.
  State merged = State::parse(shards[2].serialize(), "2.state");
  merged.merge(State::parse(shards[0].serialize(), "0.state"));
  merged.merge(State::parse(shards[1].serialize(), "1.state"));
  // Extra parentheses: compare without printing whole states on failure.
  CHECK((merged.serialize() == whole.serialize()));
  CHECK((render(build_report(merged), Format::json) == render(build_report(whole), Format::json)));
  CHECK((render(build_report(merged), Format::html) == render(build_report(whole), Format::html)));
}

TEST_CASE("report: states made with other options do not merge") {
  State a(make_window("day", "UTC", kNow), {});
  State b(make_window("day", "UTC", kNow + 1), {});
  CHECK_THROWS_AS(a.merge(std::move(b)), Error);
  CHECK_THROWS_AS(State::parse("{\"hark_report_state\":2}", "x"), Error);
  CHECK_THROWS_AS(State::parse("[]", "x"), Error);
}

TEST_CASE("report: html escapes mention text") {
  State s(make_window("day", "UTC", kNow), {});
  add(s, R"j({"id":"x","published":"2026-11-24T10:00:00Z","class":"complaint","url":"javascript:alert(1)","text":"<script>alert(1)</script> & \"q\""})j");
  const std::string html = render(build_report(s), Format::html);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;") != std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
}

TEST_CASE("report: text has colour only when asked") {
  State s(make_window("day", "UTC", kNow), {{48 * 3600}, {"*"}});
  add(s, mention("a", "2026-11-22T10:00:00Z", "complaint", R"(,"answered_at":null)"));
  const Report r = build_report(s);
  REQUIRE(r.queue_by_state[static_cast<int>(SlaState::overdue)] == 1);
  const std::string plain = render(r, Format::text, false);
  const std::string colour = render(r, Format::text, true);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(colour.find("\033[31moverdue ") != std::string::npos);  // overdue in red
}
