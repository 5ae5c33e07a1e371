#include "core/sanitize.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/entities.hpp"

namespace broadsheet {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

}  // namespace

bool is_safe_url(std::string_view url, UrlUse use) {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"): the scheme
  // is read skipping them (without copying the URL, which runs for every link). No colon, or a character
  // that cannot be in a scheme before it (`/`, `?`, `#`…), makes the URL relative.
  auto ignored = [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F; };
  char name[7];  // the lower-cased scheme, as far as the longest allowed one ("mailto") and one more
  std::size_t length = 0, i = 0;
  for (; i < url.size() && url[i] != ':'; ++i) {
    if (ignored(url[i])) continue;
    if (!is_scheme_char(url[i])) return true;
    if (length < sizeof name) name[length] = lower(url[i]);
    ++length;
  }
  if (i == url.size() || length == 0) return true;
  std::string_view scheme(name, std::min(length, sizeof name));
  if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") return true;
  if (use == UrlUse::Image && scheme == "data") {
    std::string rest;
    for (char c : url.substr(i + 1))
      if (!ignored(c)) rest.push_back(c);
    for (std::string_view type : {"image/png", "image/gif", "image/jpeg", "image/webp"}) {
      if (iequals_prefix(rest, type) && rest.size() > type.size() && (rest[type.size()] == ';' || rest[type.size()] == ','))
        return true;
    }
  }
  return false;
}

bool is_breakout_prone_attribute(std::string_view value) {
  if (value.find("-->") != std::string_view::npos || value.find("--!>") != std::string_view::npos ||
      value.find("]>") != std::string_view::npos)
    return true;
  for (std::size_t at = value.find("</"); at != std::string_view::npos; at = value.find("</", at + 1)) {
    std::string_view rest = value.substr(at + 2);
    for (std::string_view tag : {"style", "script", "title", "xmp", "textarea", "noscript", "iframe", "noembed",
                                 "noframes"})
      if (iequals_prefix(rest, tag)) return true;
  }
  return false;
}

namespace {

constexpr std::array<std::string_view, 58> kAllowedTags = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr"};
constexpr std::array<std::string_view, 5> kMoreAllowedTags = {"time", "u", "ul", "var", "wbr"};

bool tag_allowed(std::string_view tag) {
  return std::find(kAllowedTags.begin(), kAllowedTags.end(), tag) != kAllowedTags.end() ||
         std::find(kMoreAllowedTags.begin(), kMoreAllowedTags.end(), tag) != kMoreAllowedTags.end();
}

enum class AttrKind { Drop, Text, Link, Image };

AttrKind attribute_kind(std::string_view tag, std::string_view name) {
  if (name == "title" || name == "lang" || name == "dir" || name == "class") return AttrKind::Text;
  if (tag == "a" && name == "href") return AttrKind::Link;
  if (tag == "img") {
    if (name == "src") return AttrKind::Image;
    if (name == "alt" || name == "width" || name == "height") return AttrKind::Text;
  }
  if ((tag == "td" || tag == "th") && (name == "colspan" || name == "rowspan" || name == "align")) return AttrKind::Text;
  if (tag == "ol" && (name == "start" || name == "type" || name == "reversed")) return AttrKind::Text;
  if (tag == "li" && name == "value") return AttrKind::Text;
  if (tag == "time" && name == "datetime") return AttrKind::Text;
  if (tag == "details" && name == "open") return AttrKind::Text;
  if ((tag == "q" || tag == "blockquote" || tag == "del" || tag == "ins") && name == "cite") return AttrKind::Link;
  return AttrKind::Drop;
}

void escape_into(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Parses one tag at raw[i] == '<'. On success appends the rebuilt (or escaped) tag and returns the index
// after it; returns i when raw[i..] is not a tag.
std::size_t take_tag(std::string_view raw, std::size_t i, HtmlSanitizer& sanitizer, std::string& out) {
  std::size_t p = i + 1;
  bool closing = p < raw.size() && raw[p] == '/';
  if (closing) ++p;
  std::size_t name_start = p;
  while (p < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[p])) || raw[p] == '-')) ++p;
  if (p == name_start || !std::isalpha(static_cast<unsigned char>(raw[name_start]))) return i;
  std::string tag;
  for (char c : raw.substr(name_start, p - name_start)) tag.push_back(lower(c));
  std::string rebuilt = (closing ? "</" : "<") + tag;
  for (;;) {
    while (p < raw.size() && is_space(raw[p])) ++p;
    if (p >= raw.size()) return i;
    if (raw[p] == '>' || (raw[p] == '/' && p + 1 < raw.size() && raw[p + 1] == '>')) {
      p += raw[p] == '>' ? 1 : 2;
      break;
    }
    std::size_t attr_start = p;
    while (p < raw.size() && !is_space(raw[p]) && raw[p] != '=' && raw[p] != '>' && raw[p] != '/' &&
           raw[p] != '"' && raw[p] != '\'')
      ++p;
    if (p == attr_start) return i;
    std::string name;
    for (char c : raw.substr(attr_start, p - attr_start)) name.push_back(lower(c));
    std::string value;
    while (p < raw.size() && is_space(raw[p])) ++p;
    if (p < raw.size() && raw[p] == '=') {
      ++p;
      while (p < raw.size() && is_space(raw[p])) ++p;
      if (p < raw.size() && (raw[p] == '"' || raw[p] == '\'')) {
        std::size_t close = raw.find(raw[p], p + 1);
        if (close == std::string_view::npos) return i;
        value = decode_entities(raw.substr(p + 1, close - p - 1));
        p = close + 1;
      } else {
        std::size_t start = p;
        while (p < raw.size() && !is_space(raw[p]) && raw[p] != '>') ++p;
        value = decode_entities(raw.substr(start, p - start));
      }
    }
    AttrKind kind = closing ? AttrKind::Drop : attribute_kind(tag, name);
    if (kind == AttrKind::Drop || is_breakout_prone_attribute(value)) continue;
    if (kind == AttrKind::Link && !is_safe_url(value, UrlUse::Link)) continue;
    if (kind == AttrKind::Image && !is_safe_url(value, UrlUse::Image)) continue;
    rebuilt += " " + name + "=\"";
    escape_into(rebuilt, value);
    rebuilt += "\"";
  }
  if (tag_allowed(tag)) {
    rebuilt += '>';
    if (closing) sanitizer.close_element(tag, out);
    else sanitizer.open_element(tag, rebuilt, out);
  } else {
    escape_into(out, raw.substr(i, p - i));  // shown as text: nothing is lost, nothing runs
  }
  return p;
}

// Elements without content: never pushed, and their closing tags are dropped (browsers read `</br>` as <br>).
bool is_void(std::string_view tag) {
  return tag == "br" || tag == "hr" || tag == "img" || tag == "wbr" || tag == "col";
}

// Elements a new sibling of the same name closes implicitly (`<li>a<li>b`): closed explicitly instead, so the
// stack matches what the browser builds.
bool closes_same_sibling(std::string_view tag) {
  return tag == "p" || tag == "li" || tag == "dt" || tag == "dd" || tag == "tr" || tag == "td" || tag == "th" ||
         tag == "rt" || tag == "rp";
}

// Block elements whose start tag closes an open <p> in the browser.
bool closes_paragraph(std::string_view tag) {
  for (std::string_view block : {"blockquote", "center", "details", "div", "dl", "figcaption", "figure", "h1", "h2",
                                 "h3", "h4", "h5", "h6", "hr", "ol", "p", "pre", "summary", "table", "ul"})
    if (tag == block) return true;
  return false;
}

}  // namespace

HtmlSanitizer::Scope HtmlSanitizer::open_scope() {
  Scope scope{floor_};
  floor_ = open_.size();
  return scope;
}

void HtmlSanitizer::close_down_to(std::size_t depth, std::string& out) {
  while (open_.size() > depth) {
    out += "</";
    out += open_.back();
    out += '>';
    open_.pop_back();
  }
}

void HtmlSanitizer::open_element(const std::string& tag, std::string_view start_tag, std::string& out) {
  if (open_.size() > floor_) {
    const std::string& top = open_.back();
    if ((top == tag && closes_same_sibling(tag)) || (top == "p" && closes_paragraph(tag))) close_down_to(open_.size() - 1, out);
  }
  out += start_tag;
  if (!is_void(tag)) open_.push_back(tag);
}

void HtmlSanitizer::close_element(const std::string& tag, std::string& out) {
  for (std::size_t k = open_.size(); k > floor_; --k) {
    if (open_[k - 1] == tag) {
      close_down_to(k - 1, out);  // elements opened inside it are closed with it, as the browser would
      return;
    }
  }
  // No match in this scope: dropped, so it cannot close an element the renderer wrote.
}

void HtmlSanitizer::feed(std::string_view raw, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t lt = raw.find('<', i);
    if (lt == std::string_view::npos) lt = raw.size();
    escape_into(out, decode_entities(raw.substr(i, lt - i)));
    if (lt == raw.size()) break;
    if (raw.substr(lt, 4) == "<!--") {  // comments are invisible in a page: dropped
      std::size_t end = raw.find("-->", lt + 4);
      i = end == std::string_view::npos ? raw.size() : end + 3;
      continue;
    }
    std::size_t after = take_tag(raw, lt, *this, out);
    if (after == lt) {
      out += "&lt;";
      i = lt + 1;
    } else {
      i = after;
    }
  }
}

void sanitize_html(std::string_view raw, std::string& out) {
  HtmlSanitizer sanitizer;
  sanitizer.feed(raw, out);
  sanitizer.close_scope(HtmlSanitizer::Scope{0}, out);
}

std::string url_for_message(std::string_view url, std::size_t max_code_points) {
  std::string out;
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    bool starts_code_point = (c & 0xC0) != 0x80;
    if (starts_code_point && ++code_points > max_code_points) {
      out += "\u2026";
      break;
    }
    if (c < 0x20 || c == 0x7F) out += "\uFFFD";
    else out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace broadsheet
