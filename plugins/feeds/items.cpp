// From raw items to records: ids, absolute URLs, plain text, authors, dates.
#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fmt/format.h>

#include "feeds/raw.hpp"
#include "hark/dates.hpp"
#include "hark/html_text.hpp"

namespace hark::feeds {
namespace {

bool is_http(std::string_view s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// FNV-1a, 64 bits: small, stable across platforms and releases, enough to tell items apart.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string text_of(const RawText& t) {
  if (is_plain_text(t.raw)) return std::string(t.raw);  // every kind would give it back as is
  const std::string value = raw_text_value(t);
  switch (t.kind) {
    case TextKind::plain: return collapse_whitespace(value);
    case TextKind::maybe_html:
      return looks_like_html(value) ? html_to_text(value) : collapse_whitespace(value);
    case TextKind::html:
    case TextKind::xhtml: return html_to_text(value);
  }
  return {};
}

std::optional<std::string> nonempty(std::string s) {
  if (s.empty()) return std::nullopt;
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Google Alerts wraps each article in "https://www.google.com/url?...&url=<article>&...";
// the record points at the article itself. Other URLs are left as they are.
void unwrap_google_redirect(std::string& url) {
  if (url.rfind("https://www.google.com/url?", 0) != 0 && url.rfind("http://www.google.com/url?", 0) != 0)
    return;
  const std::size_t q = url.find('?');
  for (std::size_t i = q; i != std::string::npos && i < url.size(); i = url.find('&', i + 1)) {
    const std::string_view param = std::string_view(url).substr(i + 1);
    if (param.rfind("url=", 0) != 0 && param.rfind("q=", 0) != 0) continue;
    const std::size_t start = param.find('=') + 1;
    std::string out;
    for (std::size_t k = start; k < param.size() && param[k] != '&'; ++k) {
      if (param[k] == '%' && k + 2 < param.size() && hex_value(param[k + 1]) >= 0 && hex_value(param[k + 2]) >= 0) {
        out.push_back(static_cast<char>(hex_value(param[k + 1]) * 16 + hex_value(param[k + 2])));
        k += 2;
      } else {
        out.push_back(param[k] == '+' ? ' ' : param[k]);
      }
    }
    if (is_http(out)) {
      url = std::move(out);
      return;
    }
  }
}

// Mastodon's feeds name no author; its status URLs do: https://host/@user/123.
std::string mastodon_author(const std::string& url) {
  if (!is_http(url)) return {};
  const std::size_t host_start = url.find("//") + 2;
  const std::size_t slash = url.find('/', host_start);
  if (slash == std::string::npos || url.compare(slash, 2, "/@") != 0) return {};
  const std::size_t end = url.find('/', slash + 2);
  if (end == std::string::npos || end + 1 >= url.size()) return {};
  for (std::size_t i = end + 1; i < url.size(); ++i)
    if (url[i] < '0' || url[i] > '9') return {};
  return url.substr(slash + 1, end - slash - 1) + "@" + url.substr(host_start, slash - host_start);
}

// Title and body as one text: the body alone when it already starts with the title (a
// title made from the body's first words, perhaps cut with "..." or "…"), else title, blank
// line, body.
std::string join_text(const std::string& title, std::string body) {
  if (title.empty() || text_starts_with_title(title, body)) return body;
  if (body.empty()) return title;
  std::string out;
  out.reserve(title.size() + 2 + body.size());
  out.append(title).append("\n\n").append(body);
  return out;
}

std::string clean_lang(std::string s) {
  s = collapse_whitespace(s);
  for (char& c : s)
    if (c == '_') c = '-';
  return s;
}

}  // namespace

bool is_absolute_uri(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  std::size_t i = 1;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                          (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
    ++i;
  if (i >= s.size() - 1 || s[i] != ':') return false;
  // A plain loop: find_first_of calls memchr on its set for every byte.
  for (char c : s)
    if (c == ' ' || c == '\t' || c == '\n') return false;
  return true;
}

namespace {

// Bytes libxml2 neither escapes nor reads specially in a path (or, with '?', '=' and '&',
// in a query), and that never make a dot segment or an empty one on their own.
bool plain_path_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == '~' || c == '/';
}

// True for a path of plain bytes with no "." or ".." segment and no "//".
bool plain_path(std::string_view p) {
  std::size_t seg = 0;  // start of the current segment
  for (std::size_t i = 0; i <= p.size(); ++i) {
    if (i < p.size() && p[i] != '/') {
      if (!plain_path_byte(p[i])) return false;
      continue;
    }
    const std::string_view s = p.substr(seg, i - seg);
    if (s == "." || s == ".." || (s.empty() && i > 0 && i < p.size())) return false;
    seg = i + 1;
  }
  return true;
}

// The common relative link, "posts/1.html?a=1&b=2" against "https://host/dir/", resolved
// without libxml2 (which parses both, builds a URI and prints it again: most of the cost of
// an Atom entry). Returns "" when the link or the base is anything else; for those that it
// takes, the result is xmlBuildURI's.
std::string resolve_simple(std::string_view ref, std::string_view base) {
  const std::size_t scheme_end = base.find("://");
  const std::size_t host_end = base.find('/', scheme_end + 3);
  if (host_end == std::string_view::npos || host_end == scheme_end + 3) return {};
  for (std::size_t i = scheme_end + 3; i < host_end; ++i) {
    const char c = base[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return {};
  }
  const std::string_view base_path = base.substr(host_end);
  if (!plain_path(base_path)) return {};
  const std::size_t q = ref.find('?');
  const std::string_view path = ref.substr(0, q);
  if (path.empty() || path[0] == '/' || !plain_path(path)) return {};
  if (q != std::string_view::npos) {
    if (q + 1 == ref.size()) return {};
    for (char c : ref.substr(q + 1))
      if (!plain_path_byte(c) && c != '=' && c != '&') return {};
  }
  std::string out;
  out.reserve(base.size() + ref.size());
  out.append(base.substr(0, host_end + base_path.rfind('/') + 1));
  out.append(ref);
  return out;
}

}  // namespace

std::string resolve_url(std::string_view ref, std::string_view base) {
  if (ref.empty() || is_absolute_uri(ref) || !is_http(base)) return std::string(ref);
  if (std::string simple = resolve_simple(ref, base); !simple.empty()) return simple;
  const std::string r(ref), b(base);
  xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(r.c_str()),
                               reinterpret_cast<const xmlChar*>(b.c_str()));
  if (!built) return r;  // a reference libxml2 cannot parse stays as written
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

void finish_items(const RawFeed& feed, const FeedMeta& meta, std::vector<Mention>& out) {
  const std::string& doc_url = meta.url;
  // Relative links resolve against xml:base, then the feed's own link, then the document.
  const std::string feed_link =
      resolve_url(feed.link, feed.link_base.empty() ? (feed.base.empty() ? doc_url : feed.base) : feed.link_base);
  const std::string fallback_base = is_http(feed_link) ? feed_link : doc_url;
  const std::optional<std::string> feed_title = nonempty(collapse_whitespace(text_of(feed.title)));
  out.reserve(out.size() + feed.items.size());
  for (const RawItem& it : feed.items) {
    Mention m;
    m.source = "feed";
    m.feed_url = nonempty(meta.url);
    m.feed_title = feed_title;
    m.fetched = nonempty(meta.fetched);

    const std::string& item_base = it.base.empty() ? fallback_base : it.base;
    std::string url;
    if (!it.link.empty()) url = resolve_url(it.link, it.link_base.empty() ? item_base : it.link_base);
    else if (!it.alt_link.empty()) url = resolve_url(it.alt_link, it.alt_link_base.empty() ? item_base : it.alt_link_base);
    else if (it.guid_permalink && is_http(it.guid)) url = it.guid;
    else if (is_http(it.about)) url = it.about;
    unwrap_google_redirect(url);
    m.url = nonempty(url);

    // One line, even after <br>: text_of's output is collapsed but for html_to_text's breaks.
    std::string title = text_of(it.title);
    if (title.find('\n') != std::string::npos) title = collapse_whitespace(title);
    std::string body;
    for (const RawText* t : {&it.content, &it.summary, &it.media_description}) {
      body = text_of(*t);
      if (!body.empty()) break;
    }
    m.text = nonempty(join_text(title, std::move(body)));
    m.title = nonempty(std::move(title));

    std::string name = it.author_name.empty() ? feed.author_name : it.author_name;
    std::string email = it.author_name.empty() && it.author_email.empty() ? feed.author_email : it.author_email;
    if (name.size() > 1 && name[0] == '@' && name.find('@', 1) == std::string::npos) name.erase(0, 1);
    m.author_name = nonempty(name);
    // The handle: the name (Atom, dc:creator, JSON Feed), except that RSS <author> is an
    // address by its spec; else the address, else Mastodon's @user@host.
    const bool by_email = !email.empty() && (name.empty() || it.email_is_handle);
    m.author = nonempty(by_email ? email : !name.empty() ? name : mastodon_author(url));

    const std::string* date_written = nullptr;  // the first date given, for the id below
    for (const std::string* d : {&it.published, &it.dc_date, &it.updated}) {
      if (d->empty()) continue;
      if (!date_written) date_written = d;
      if ((m.published = normalize_feed_date(*d))) break;
    }

    m.lang = nonempty(clean_lang(it.lang.empty() ? feed.lang : it.lang));

    for (const std::string& tag : it.tags)
      if (std::find(m.tags.begin(), m.tags.end(), tag) == m.tags.end()) m.tags.push_back(tag);

    const std::string& guid = it.guid.empty() ? it.about : it.guid;
    if (!guid.empty())
      m.id = is_absolute_uri(guid) ? "feed:" + guid : "feed:" + meta.url + "#" + guid;
    else if (!url.empty())
      m.id = "feed:" + url;
    else
      m.id = fmt::format("feed:{}#{:016x}", meta.url,
                         fnv1a(meta.url + "\n" + m.title.value_or("") + "\n" +
                               m.published.value_or(date_written ? *date_written : "")));
    out.push_back(std::move(m));
  }
}

}  // namespace hark::feeds
