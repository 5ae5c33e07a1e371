// The safety policy: which URLs may reach the page, and which raw HTML passes when it is allowed at all.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

enum class UrlUse { Link, Image };

// Checks an entity-decoded URL after stripping whitespace and control characters (as browsers do):
// http(s), mailto, tel, relative and #fragment URLs pass; images may also be data:image/png|gif|jpeg|webp.
bool is_safe_url(std::string_view url, UrlUse use);

// True for an attribute value that could end a raw-text element or a comment if the HTML were ever
// re-serialized into one (`</script`, `</title`, `</noscript`…, `-->`, `]>`): sanitizers such as DOMPurify
// (SAFE_FOR_XML) remove such attributes, so the renderers leave them out (titles, code classes, and
// attributes under the allowlist). Correct HTML escaping alone makes them harmless in our own output.
bool is_breakout_prone_attribute(std::string_view value);

// A URL as quoted in a warning: at most `max_code_points`, control characters shown as U+FFFD, so that a
// message is one line of valid UTF-8.
std::string url_for_message(std::string_view url, std::size_t max_code_points = 40);

// Raw HTML under the allowlist (allowHtml): allowed tags are rebuilt with allowed attributes only (URLs
// checked), comments dropped, anything else shown as text.
//
// Allowed tags are also balanced, so raw HTML can never close or break out of the renderer's own elements
// (a stray `</div>` closing a section, `</li>` a list item): the sanitizer keeps the stack of elements the
// raw HTML opened. A closing tag with no match inside the current scope is dropped; elements still open
// when a scope ends are closed there. The renderer opens a scope for each Markdown node, so what a block
// (or a span such as a link) opens is closed inside it.
class HtmlSanitizer {
 public:
  struct Scope {
    std::size_t outer_floor;
  };

  // Appends the sanitized `raw` to `out`.
  void feed(std::string_view raw, std::string& out);
  // Starts a scope: closing tags cannot reach elements opened before it.
  Scope open_scope();
  // Closes (into `out`) every element opened since `scope` began, innermost first, and ends it. Inline:
  // the renderer ends a scope for every node, and almost always nothing is open.
  void close_scope(Scope scope, std::string& out) {
    if (open_.size() > floor_) close_down_to(floor_, out);
    floor_ = scope.outer_floor;
  }
  std::size_t depth() const { return open_.size(); }

  // Called by the tag parser with an allowed tag: `start_tag` is its rebuilt text (`<b class="x">`).
  void open_element(const std::string& tag, std::string_view start_tag, std::string& out);
  void close_element(const std::string& tag, std::string& out);

 private:
  void close_down_to(std::size_t depth, std::string& out);

  std::vector<std::string> open_;
  std::size_t floor_ = 0;
};

// One self-contained piece of raw HTML: sanitized and balanced on its own. Appends to `out`.
void sanitize_html(std::string_view raw, std::string& out);

}  // namespace broadsheet
