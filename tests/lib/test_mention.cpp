#include <doctest/doctest.h>

#include "hark/error.hpp"
#include "hark/mention.hpp"
#include "hark/record_edit.hpp"

namespace {
simdjson::dom::parser parser;
simdjson::dom::object parse(const std::string& s) { return parser.parse(s).get_object(); }
}  // namespace

TEST_SUITE_BEGIN("mention");

TEST_CASE("a mention is written with every core key, in order, null when unknown") {
  hark::Mention m;
  m.id = "feed:https://x.test/1";
  m.source = "feed";
  m.feed_url = "https://x.test/feed.xml";
  m.text = "Hi \"you\"";
  m.tags = {"a", "b"};
  m.engagement.likes = 3;
  std::string out;
  hark::append_mention(out, m);
  CHECK(out ==
        R"({"id":"feed:https://x.test/1","source":"feed","feed":{"url":"https://x.test/feed.xml","title":null},)"
        R"("channel":"public","url":null,"title":null,"text":"Hi \"you\"","author":null,"author_name":null,)"
        R"("published":null,"fetched":null,"lang":null,"tags":["a","b"],"parent":null,"thread":null,)"
        R"("engagement":{"replies":null,"likes":3,"shares":null},"reach":null,"answered_at":null,)"
        R"("answered_by":null})");
}

TEST_CASE("reading and writing a mention round-trips") {
  hark::Mention m;
  m.id = "x:1";
  m.source = "import";
  m.channel = "private";
  m.published = "2026-11-24T09:13:00Z";
  m.reach = 1200;
  m.tags = {"ü"};
  std::string out;
  hark::append_mention(out, m);
  const hark::Mention back = hark::read_mention(parse(out));
  std::string again;
  hark::append_mention(again, back);
  CHECK(again == out);
}

TEST_CASE("wrong types name the key") {
  CHECK_THROWS_WITH_AS(hark::read_mention(parse(R"({"text":5})")),
                       "\"text\" must be a string or null", hark::RecordError);
  CHECK_THROWS_WITH_AS(hark::read_mention(parse(R"({"engagement":{"likes":1.5}})")),
                       "\"engagement.likes\" must be an integer or null", hark::RecordError);
  CHECK(hark::read_mention(parse(R"({"engagement":{"likes":2.0}})")).engagement.likes == 2);
}

TEST_CASE("record edits append new keys and keep the original bytes") {
  const std::string raw = R"({ "id" : "a", "x" : {"y":[1, 2]} })";
  hark::RecordEdit edit;
  edit.set("class", "\"praise\"");
  edit.set("confidence", "0.5");
  std::string out;
  edit.write(out, parse(raw), raw);
  CHECK(out == R"({ "id" : "a", "x" : {"y":[1, 2]} ,"class":"praise","confidence":0.5})");
}

TEST_CASE("record edits replace an existing key in place and handle the empty object") {
  const std::string raw = R"({"id":"a","class":"other","z":1})";
  hark::RecordEdit edit;
  edit.set("class", "\"question\"");
  std::string out;
  edit.write(out, parse(raw), raw);
  CHECK(out == R"({"id":"a","z":1,"class":"question"})");
  out.clear();
  edit.write(out, parse("{}"), "{}");
  CHECK(out == R"({"class":"question"})");
}

TEST_CASE("record edits find a key spelled with escapes, and start afresh after clear()") {
  const std::string raw = R"({"id":"a","cl\u0061ss":"other"})";
  hark::RecordEdit edit;
  edit.set("class", "\"question\"");
  edit.set("class", "\"praise\"");  // set again: the last value counts
  std::string out;
  edit.write(out, parse(raw), raw);
  CHECK(out == R"({"id":"a","class":"praise"})");
  edit.clear();
  edit.set("advice", "\"none\"");
  out.clear();
  edit.write(out, parse(R"({"id":"b"})"), R"({"id":"b"})");
  CHECK(out == R"({"id":"b","advice":"none"})");
}

TEST_CASE("a text that opens with its title is read once, any other title goes in front") {
  std::string buffer;
  // A feed item's text: the title, a blank line, the body.
  CHECK(hark::title_and_text("Router down", "Router down\n\nSince 8 pm.", buffer) == "Router down\n\nSince 8 pm.");
  // A title cut from the body's first words, with an ellipsis.
  CHECK(hark::title_and_text("Router drops the…", "Router drops the line", buffer) == "Router drops the line");
  CHECK(hark::title_and_text("Router drops the ...", "Router drops the line", buffer) == "Router drops the line");
  // "Outage" is not the first word of "Outages": the title goes in front.
  CHECK(hark::title_and_text("Outage", "Outages everywhere", buffer) == "Outage\nOutages everywhere");
  CHECK(hark::title_and_text("Tip", "Restart the modem", buffer) == "Tip\nRestart the modem");
  CHECK(hark::title_and_text("", "Restart the modem", buffer) == "Restart the modem");
  CHECK(hark::title_and_text("Tip", "", buffer) == "Tip");
  CHECK(hark::title_and_text("Tip", "Tip", buffer) == "Tip");
  CHECK(hark::title_and_text("Café", "Cafés", buffer) == "Café\nCafés");  // UTF-8 continues the word
  CHECK(hark::text_starts_with_title("Outage…", "Outage"));
  CHECK_FALSE(hark::text_starts_with_title("Outage…", "Outages"));
}

TEST_SUITE_END();
