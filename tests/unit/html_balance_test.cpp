// allowHtml: raw HTML is balanced inside the Markdown node that holds it, so a stray closer in the issue
// cannot close the renderer's own wrappers (sections, directives, list items, table cells).
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using test_helpers::contains;
using test_helpers::count;

namespace {
std::string render_allowing_html(const std::string& markdown) {
  broadsheet::Options options;
  options.allow_html = true;
  auto result = broadsheet::render(markdown, options);
  REQUIRE(result.ok());
  return result.output;
}

// Every <tag …> has its </tag> (tags given without attributes to count).
void require_balanced(const std::string& html, const char* tag) {
  INFO(html);
  std::string open = std::string("<") + tag;
  std::size_t opens = count(html, open + ">") + count(html, open + " ");
  CHECK(opens == count(html, std::string("</") + tag + ">"));
}
}  // namespace

TEST_CASE("a stray </div> or </aside> cannot close a directive or section", "[balance]") {
  std::string html = render_allowing_html(
      "::: sponsor Lockers\nBefore </aside></div> after.\n:::\n\n## Section\n\n</div>\n\nText </section> more.\n");
  require_balanced(html, "div");
  require_balanced(html, "aside");
  require_balanced(html, "section");
  CHECK(contains(html, "<p>Before &lt;/aside&gt; after.</p>\n</aside>"));
  CHECK(contains(html, "&lt;/section&gt;"));  // not on the allowlist: shown as text
}

TEST_CASE("raw HTML left open is closed at the end of its block", "[balance]") {
  std::string html = render_allowing_html("A <b>bold start\n\nNext paragraph.\n\n<div class=\"box\">\n\n* <span>item\n");
  CHECK(contains(html, "<p>A <b>bold start</b></p>"));
  CHECK(contains(html, "<div class=\"box\">\n</div>"));
  CHECK(contains(html, "<li><span>item</span></li>"));
  require_balanced(html, "div");
}

TEST_CASE("a closer inside a span cannot close an element opened outside it", "[balance]") {
  std::string html = render_allowing_html("<span>a *b</span>* c</span>\n");
  CHECK(contains(html, "<p><span>a <em>b</em> c</span></p>"));
}

TEST_CASE("table cells and list items keep their raw HTML inside", "[balance]") {
  std::string html = render_allowing_html("| a | b |\n| - | - |\n| <i>x | </td></tr></table>y |\n\n- one </li></ul>\n- two\n");
  require_balanced(html, "td");
  require_balanced(html, "table");
  require_balanced(html, "li");
  require_balanced(html, "ul");
  CHECK(contains(html, "<td><i>x</i></td>"));
}
