// The raw-HTML allowlist on its own (what allowHtml runs): whatever the input, the output holds no
// dangerous element and no event-handler attribute, and every element it opens it also closes. The first
// byte picks the renderer context (flow, list item, phrasing, link) the raw HTML sits in, and the output
// must need none of the HTML parser's implied end tags, table fix-ups or link closing there, so the
// browser builds exactly the sanitizer's stack (raw HTML stays in its block).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/sanitize.hpp"
#include "fuzz_invariants.hpp"

namespace {

// Walks the tags of the sanitizer's output (which it wrote itself: well-formed, attribute values quoted
// and escaped) and checks that opens and closes nest.
void require_balanced(std::string_view html) {
  std::vector<std::string_view> open;
  for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    std::size_t gt = html.find('>', lt);
    fuzz::require(gt != std::string_view::npos, "unterminated tag in the output");
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    tag = tag.substr(0, tag.find(' '));
    if (tag == "br" || tag == "hr" || tag == "img" || tag == "wbr" || tag == "col") continue;
    if (!closing) {
      open.push_back(tag);
    } else {
      fuzz::require(!open.empty() && open.back() == tag, "closing tag does not match the open element");
      open.pop_back();
    }
  }
  fuzz::require(open.empty(), "an element was left open");
}

bool one_of(std::string_view tag, std::initializer_list<std::string_view> tags) {
  for (std::string_view t : tags)
    if (t == tag) return true;
  return false;
}

bool is_phrasing(std::string_view tag) {
  return one_of(tag, {"a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins",
                      "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup",
                      "time", "u", "var", "wbr"});
}

// What the HTML parser would do differently from the sanitizer's stack at each start tag and text run.
void require_parser_stable(std::string_view html, broadsheet::HtmlContext context) {
  using broadsheet::HtmlContext;
  std::vector<std::string> open;
  auto table_structure = [&] {
    return !open.empty() && one_of(open.back(), {"table", "tbody", "thead", "tfoot", "tr", "colgroup"});
  };
  std::size_t i = 0;
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    // In a table the parser keeps ASCII whitespace (tab, LF, FF, CR, space) where it is; anything else it
    // moves out in front of the table.
    auto whitespace = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'; };
    for (std::size_t k = i; k < lt; ++k)
      fuzz::require(!(table_structure() && !whitespace(html[k])), "text directly in a table would be foster-parented");
    if (lt == html.size()) break;
    std::size_t gt = html.find('>', lt);
    std::string tag(html.substr(lt + 1, gt - lt - 1));
    i = gt + 1;
    if (tag[0] == '/') {
      open.pop_back();  // require_balanced checked the nesting
      continue;
    }
    tag = tag.substr(0, tag.find(' '));
    bool part = one_of(tag, {"caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"});
    std::string parent = open.empty() ? "" : open.back();
    if (part) {
      bool ok = (tag == "td" || tag == "th") ? parent == "tr"
                : tag == "tr"                 ? one_of(parent, {"tbody", "thead", "tfoot"})
                : tag == "col"                ? parent == "colgroup"
                                              : parent == "table";
      fuzz::require(ok, "a table part outside its parent");
    } else {
      fuzz::require(!table_structure(), "an element directly in a table would be foster-parented");
      if (context >= HtmlContext::Phrasing) fuzz::require(is_phrasing(tag), "a block inside phrasing content");
      if (context == HtmlContext::Link) fuzz::require(tag != "a", "a link inside a link");
      for (std::size_t k = open.size(); k > 0; --k) {
        const std::string& o = open[k - 1];
        if (tag == "a" && o == "a") fuzz::require(false, "a link inside a link");
        if (one_of(o, {"td", "th", "caption"})) break;
      }
      if (!is_phrasing(tag)) {
        for (std::size_t k = open.size(); k > 0; --k) {  // an open <p> in button scope
          if (one_of(open[k - 1], {"table", "td", "th", "caption"})) break;
          fuzz::require(open[k - 1] != "p", "a block inside an open <p>");
        }
        if (tag == "li" || tag == "dd" || tag == "dt") {
          bool stopped = false;
          for (std::size_t k = open.size(); k > 0 && !stopped; --k) {
            const std::string& o = open[k - 1];
            fuzz::require(tag == "li" ? o != "li" : (o != "dd" && o != "dt"), "an item inside an open item");
            stopped = !is_phrasing(o) && o != "div" && o != "p";
          }
          fuzz::require(stopped || context != HtmlContext::Item, "an item could close the renderer's item");
        }
        if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')
          fuzz::require(parent.size() != 2 || parent[0] != 'h' || parent[1] < '1' || parent[1] > '6', "a heading in a heading");
      }
    }
    if (!one_of(tag, {"br", "hr", "img", "wbr", "col"})) open.push_back(tag);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string raw(reinterpret_cast<const char*>(data), size);
  if (!broadsheet::utf8::is_valid(raw)) raw = broadsheet::utf8::repaired(raw);  // the core repairs first
  auto context = static_cast<broadsheet::HtmlContext>(size ? data[0] % 4 : 0);
  std::string out;
  broadsheet::HtmlSanitizer sanitizer;
  auto scope = sanitizer.open_scope(context);
  sanitizer.feed(raw, out);
  sanitizer.close_scope(scope, out);
  fuzz::require_valid_utf8(out, "output is not valid UTF-8");
  fuzz::require_no_dangerous_elements(out);
  for (std::size_t at = out.find('<'); at != std::string::npos; at = out.find('<', at + 1)) {
    std::size_t gt = out.find('>', at);
    fuzz::require(gt != std::string::npos, "unterminated tag in the output");
    std::string names;  // the tag without its quoted attribute values (escaped text, harmless)
    bool quoted = false;
    for (std::size_t k = at; k < gt; ++k) {
      if (out[k] == '"') quoted = !quoted;
      else if (!quoted) names.push_back(out[k]);
    }
    fuzz::require(!fuzz::contains_ci(names, " on"), "an event-handler attribute survived");
    fuzz::require(!fuzz::contains_ci(names, " style="), "a style attribute survived");
  }
  require_balanced(out);
  require_parser_stable(out, context);
  return 0;
}
