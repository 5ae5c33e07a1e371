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

// Whether `s` starts with `prefix` (written in lower case), ASCII letters compared without case.
bool iequals_prefix(std::string_view s, std::string_view prefix);

// True for an attribute value that could end a raw-text element or a comment if the HTML were ever
// re-serialized into one (`</script`, `</title`, `</noscript`…, `-->`, `]>`): sanitizers such as DOMPurify
// (SAFE_FOR_XML) remove such attributes, so the renderers leave them out (titles, code classes, and
// attributes under the allowlist). Correct HTML escaping alone makes them harmless in our own output.
bool is_breakout_prone_attribute(std::string_view value);

// A URL as quoted in a warning: at most `max_code_points`, control characters shown as U+FFFD, so that a
// message is one line of valid UTF-8.
std::string url_for_message(std::string_view url, std::size_t max_code_points = 40);

// Where raw HTML sits among the renderer's own elements; the sanitizer cannot see them, so this says
// what the browser's implied end tags could reach below the raw HTML's own elements:
//   Flow      a block container (section, story, directive, blockquote): blocks may open;
//   Item      a list item's content: also blocks, but a raw <li>/<dd>/<dt> with no raw list around it
//             would close the renderer's item, so it is shown as text;
//   Phrasing  inside a paragraph, heading or cell: only phrasing elements (a block would close the <p>);
//   Link      inside a link: phrasing, and no <a> (the parser closes an open <a> at a new one).
// Contexts only get stricter inward.
enum class HtmlContext { Flow, Item, Phrasing, Link };

// Raw HTML under the allowlist (allowHtml): allowed tags are rebuilt with allowed attributes only (URLs
// checked), comments dropped, anything else shown as text.
//
// The output parses to exactly the tree the sanitizer keeps on its stack, so raw HTML can never close or
// break out of the renderer's own elements. The sanitizer applies the HTML parser's tree-construction
// rules itself, writing every end tag the parser would imply (`<dt>`/`<dd>`/`<li>` close their open
// siblings, blocks close an open `<p>`, a new `<a>` closes an open one, table parts close cells and rows
// and get their implied `<tbody>`/`<tr>`/`<td>`), so its output is well nested and needs no implied end
// tag, no foster parenting and no adoption agency; a tag that would act on the renderer's elements (a
// block in a paragraph, a `<td>` with no raw table, a stray `<li>` in a list item) is shown as text.
// A closing tag with no match inside the current scope is dropped; elements still open when a scope
// ends are closed there. The renderer opens a scope for each Markdown node, so what a block (or a span
// such as a link) opens is closed inside it; an HTML block may leave containers (`<div>`, `<details>`,
// `<blockquote>`, `<figure>`, `<center>`) open for the Markdown blocks that follow (end_block).
class HtmlSanitizer {
 public:
  // At most this many raw elements are open at once; a start tag beyond is shown as text.
  static constexpr std::size_t kMaxOpenElements = 64;

  struct Scope {
    std::size_t outer_floor;
    HtmlContext outer_context;
  };

  // Appends the sanitized `raw` to `out`.
  void feed(std::string_view raw, std::string& out);
  // Starts a scope: closing tags cannot reach elements opened before it.
  Scope open_scope(HtmlContext context = HtmlContext::Flow);
  // Closes (into `out`) every element opened since `scope` began, innermost first, and ends it. Inline:
  // the renderer ends a scope for every node, and almost always nothing is open.
  void close_scope(Scope scope, std::string& out) {
    if (open_.size() > floor_) close_down_to(floor_, out);
    floor_ = scope.outer_floor;
    context_ = scope.outer_context;
  }
  // The end of an HTML block: everything it left open is closed except flow containers (a `<details>`
  // opened here holds the Markdown that follows, up to its `</details>` or the end of the scope).
  void end_block(std::string& out);
  // Closes every element opened in the current scope (before a section or story starts).
  void close_open(std::string& out) { close_down_to(floor_, out); }
  // True while a raw <a> is open: a Markdown link there would nest links, so it is written as text.
  bool anchor_open() const;
  std::size_t depth() const { return open_.size(); }

  // Called by the tag parser with an allowed tag: `start_tag` is its rebuilt text (`<b class="x">`).
  // False when the tag cannot open here (then it is shown as text).
  bool open_element(const std::string& tag, std::string_view start_tag, std::string& out);
  void close_element(const std::string& tag, std::string& out);
  // Before text: text directly in a table, section or row would be moved out of the table by the
  // parser (foster parenting), so the implied cell is opened first.
  void before_text(std::string_view text, std::string& out);

 private:
  void close_down_to(std::size_t depth, std::string& out);
  void push(std::string_view tag, std::string_view start_tag, std::string& out);
  void open_cell_chain(std::string& out);
  bool open_table_part(const std::string& tag, std::string_view start_tag, std::string& out);
  std::size_t find_from_top(std::string_view tag, bool stop_at_table) const;

  std::vector<std::string> open_;
  std::string text_;  // one run of text, escaped
  std::size_t floor_ = 0;
  HtmlContext context_ = HtmlContext::Flow;
};

// One self-contained piece of raw HTML: sanitized and balanced on its own. Appends to `out`.
void sanitize_html(std::string_view raw, std::string& out);

}  // namespace broadsheet
