#include "core/sanitize.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>

#include "core/entities.hpp"

namespace broadsheet {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_scheme_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

}  // namespace

bool iequals_prefix(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != prefix[i]) return false;
  return true;
}

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
  bool shown = false;
  if (tag_allowed(tag)) {
    rebuilt += '>';
    if (closing) sanitizer.close_element(tag, out);
    else shown = sanitizer.open_element(tag, rebuilt, out);
  }
  if (!shown && !(closing && tag_allowed(tag))) {  // shown as text: nothing is lost, nothing runs
    std::string text;
    escape_into(text, raw.substr(i, p - i));
    sanitizer.before_text(text, out);
    out += text;
  }
  return p;
}

// Elements without content: never pushed, and their closing tags are dropped (browsers read `</br>` as <br>).
bool is_void(std::string_view tag) {
  return tag == "br" || tag == "hr" || tag == "img" || tag == "wbr" || tag == "col";
}

bool one_of(std::string_view tag, std::initializer_list<std::string_view> tags) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool is_heading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Phrasing content: the only allowed elements that never close a <p> or act on table structure.
bool is_phrasing(std::string_view tag) {
  return one_of(tag, {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins",
                      "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup",
                      "time", "u", "var", "wbr"});
}

bool is_table_part(std::string_view tag) {
  return one_of(tag, {"caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"});
}

// Elements whose content the parser treats as table structure: text or other elements there are moved
// out of the table (foster parenting).
bool is_table_structure(std::string_view tag) {
  return one_of(tag, {"table", "tbody", "thead", "tfoot", "tr", "colgroup"});
}

bool is_table_section(std::string_view tag) { return tag == "tbody" || tag == "thead" || tag == "tfoot"; }

// The parser's "special" elements among the allowed ones, except div and p: they end the walk that
// looks for an open <li>, <dd> or <dt> to close.
bool stops_item_walk(std::string_view tag) { return !is_phrasing(tag) && tag != "div" && tag != "p"; }

// Elements that bound the "button scope" and the default scope in which the parser looks for an open
// <p> (or an element to close).
bool is_scope_boundary(std::string_view tag) {
  return tag == "table" || tag == "td" || tag == "th" || tag == "caption";
}

// Flow containers an HTML block may leave open for the Markdown that follows.
bool holds_markdown(std::string_view tag) {
  return one_of(tag, {"div", "details", "blockquote", "figure", "center"});
}

}  // namespace

HtmlSanitizer::Scope HtmlSanitizer::open_scope(HtmlContext context) {
  Scope scope{floor_, context_};
  floor_ = open_.size();
  if (context > context_) context_ = context;
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

void HtmlSanitizer::push(std::string_view tag, std::string_view start_tag, std::string& out) {
  out += start_tag;
  if (!is_void(tag)) open_.emplace_back(tag);
}

// The depth + 1 of the innermost open `tag` in this scope (0: none), optionally not looking past a
// table, cell or caption (the parser's default scope).
std::size_t HtmlSanitizer::find_from_top(std::string_view tag, bool stop_at_table) const {
  for (std::size_t k = open_.size(); k > floor_; --k) {
    if (open_[k - 1] == tag) return k;
    if (stop_at_table && is_scope_boundary(open_[k - 1])) return 0;
  }
  return 0;
}

bool HtmlSanitizer::anchor_open() const {
  for (std::size_t k = open_.size(); k > 0; --k) {
    if (open_[k - 1] == "a") return true;
    if (is_scope_boundary(open_[k - 1]) && open_[k - 1] != "table") return false;  // a cell is a marker
  }
  return false;
}

void HtmlSanitizer::open_cell_chain(std::string& out) {
  while (open_.size() > floor_ && is_table_structure(open_.back())) {
    const std::string& top = open_.back();
    if (top == "colgroup") close_down_to(open_.size() - 1, out);
    else if (top == "table") push("tbody", "<tbody>", out);
    else if (is_table_section(top)) push("tr", "<tr>", out);
    else push("td", "<td>", out);
  }
}

void HtmlSanitizer::before_text(std::string_view text, std::string& out) {
  if (open_.size() <= floor_ || !is_table_structure(open_.back())) return;
  for (char c : text)
    if (!is_space(c)) return open_cell_chain(out);
}

// A table part opens only inside a raw table; the cells, rows, sections and captions it ends are closed
// and the sections and rows it implies are opened, as the parser's table modes do.
bool HtmlSanitizer::open_table_part(const std::string& tag, std::string_view start_tag, std::string& out) {
  std::size_t at = 0;  // depth + 1 of the innermost open table element
  for (std::size_t k = open_.size(); k > floor_ && !at; --k)
    if (is_table_part(open_[k - 1]) || open_[k - 1] == "table") at = k;
  if (!at) return false;  // no raw table: it would act on the renderer's (or be ignored)
  for (;;) {
    close_down_to(at, out);
    const std::string& t = open_.back();
    bool cell = tag == "td" || tag == "th";
    if (t == "td" || t == "th" || t == "caption" || (t == "colgroup" && tag != "col") ||
        (t == "tr" && !cell) || (is_table_section(t) && !cell && tag != "tr")) {
      close_down_to(at - 1, out);  // ended by the new part; look again from the element around it
      at = 0;
      for (std::size_t k = open_.size(); k > floor_ && !at; --k)
        if (is_table_part(open_[k - 1]) || open_[k - 1] == "table") at = k;
      if (!at) return false;  // cannot happen: a cell, row or section is always inside a raw table
      continue;
    }
    if (t == "table") {
      if (tag == "col") push("colgroup", "<colgroup>", out);
      else if (tag == "tr" || cell) push("tbody", "<tbody>", out);
    }
    if (is_table_section(open_.back()) && cell) push("tr", "<tr>", out);
    push(tag, start_tag, out);
    return true;
  }
}

bool HtmlSanitizer::open_element(const std::string& tag, std::string_view start_tag, std::string& out) {
  // Deeper raw nesting is shown as text: it keeps every walk over the stack short (linear time), and far
  // below the depth at which browsers stop nesting elements (Chromium: 512), which the stack could not model.
  if (!is_void(tag) && open_.size() >= kMaxOpenElements) return false;
  if (is_table_part(tag)) return open_table_part(tag, start_tag, out);
  if (context_ >= HtmlContext::Phrasing && !is_phrasing(tag)) return false;
  if (context_ == HtmlContext::Link && tag == "a") return false;
  open_cell_chain(out);  // an element directly in a table would be moved out of it
  if (!is_phrasing(tag)) {
    if (tag == "li" || tag == "dd" || tag == "dt") {  // the parser's walk for an open item to close
      bool closed = false;
      for (std::size_t k = open_.size(); k > floor_; --k) {
        const std::string& open = open_[k - 1];
        if (tag == "li" ? open == "li" : (open == "dd" || open == "dt")) {
          close_down_to(k - 1, out);
          closed = true;
          break;
        }
        if (stops_item_walk(open)) {
          closed = true;
          break;
        }
      }
      // The walk would go on into the renderer's elements, which may hold a list item.
      if (!closed && context_ == HtmlContext::Item) return false;
    }
    if (std::size_t p = find_from_top("p", true)) close_down_to(p - 1, out);  // blocks close an open <p>
    if (is_heading(tag) && open_.size() > floor_ && is_heading(open_.back())) close_down_to(open_.size() - 1, out);
  } else if (tag == "a") {
    for (std::size_t k = open_.size(); k > floor_; --k) {  // a new link closes an open one
      if (open_[k - 1] == "a") {
        close_down_to(k - 1, out);
        break;
      }
      if (is_scope_boundary(open_[k - 1]) && open_[k - 1] != "table") break;
    }
  } else if ((tag == "rt" || tag == "rp") && find_from_top("ruby", true)) {
    while (one_of(open_.back(), {"dd", "dt", "li", "p", "rp", "rt"})) close_down_to(open_.size() - 1, out);
  }
  push(tag, start_tag, out);
  return true;
}

void HtmlSanitizer::close_element(const std::string& tag, std::string& out) {
  for (std::size_t k = open_.size(); k > floor_; --k) {
    if (open_[k - 1] == tag) {
      close_down_to(k - 1, out);  // elements opened inside it are closed with it
      return;
    }
  }
  // No match in this scope: dropped, so it cannot close an element the renderer wrote.
}

void HtmlSanitizer::end_block(std::string& out) {
  for (std::size_t k = floor_; k < open_.size(); ++k) {
    if (!holds_markdown(open_[k])) {
      close_down_to(k, out);
      return;
    }
  }
}

void HtmlSanitizer::feed(std::string_view raw, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size()) {
    std::size_t lt = raw.find('<', i);
    if (lt == std::string_view::npos) lt = raw.size();
    if (lt > i) {
      text_.clear();
      escape_into(text_, decode_entities(raw.substr(i, lt - i)));
      before_text(text_, out);
      out += text_;
    }
    if (lt == raw.size()) break;
    if (raw.substr(lt, 4) == "<!--") {  // comments are invisible in a page: dropped
      std::size_t end = raw.find("-->", lt + 4);
      i = end == std::string_view::npos ? raw.size() : end + 3;
      continue;
    }
    std::size_t after = take_tag(raw, lt, *this, out);
    if (after == lt) {
      before_text("<", out);
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
  sanitizer.close_scope(HtmlSanitizer::Scope{0, HtmlContext::Flow}, out);
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
