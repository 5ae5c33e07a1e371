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
  // A container holds the Markdown after it, to the end of the intro.
  CHECK(contains(html, "<div class=\"box\">\n<ul>\n<li><span>item</span></li>\n</ul>\n</div>"));
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

TEST_CASE("raw containers hold the Markdown between their HTML blocks (web and email)", "[balance]") {
  const std::string md = "<details>\n<summary>More</summary>\n\nHidden **text**\n\n</details>\n\nAfter.\n";
  std::string html = render_allowing_html(md);
  CHECK(contains(html, "<details>\n<summary>More</summary>\n<p>Hidden <strong>text</strong></p>\n</details>\n<p>After.</p>"));
  broadsheet::Options options;
  options.allow_html = true;
  options.format = broadsheet::Format::Email;
  auto email = broadsheet::render(md, options);
  REQUIRE(email.ok());
  CHECK(contains(email.output, "<details>\n<summary>More</summary>\n<p style="));
  CHECK(contains(email.output, "Hidden <strong>text</strong></p>\n</details>"));
}

TEST_CASE("a container never closed ends with its section; it never holds a section", "[balance]") {
  std::string html = render_allowing_html("## One\n\n<div class=\"x\">\n\nInside.\n\n## Two\n\n</div>\n\nText.\n");
  CHECK(contains(html, "<div class=\"x\">\n<p>Inside.</p>\n</div></section>"));
  CHECK(contains(html, "<h2 class=\"bs-section-title\">Two</h2>\n\n<p>Text.</p>"));  // its </div> is dropped
  require_balanced(html, "div");
  require_balanced(html, "section");
  // A summary, a paragraph or a list item left open ends with its block; only containers carry over.
  std::string open = render_allowing_html("<details><summary>S\n\nBody.\n\n</details>\n");
  CHECK(contains(open, "<details><summary>S\n</summary><p>Body.</p>\n</details>"));
}

TEST_CASE("the issue's implied-end-tag vectors stay in their block", "[balance]") {
  std::string html = render_allowing_html(
      "## S\n\n::: sponsor\nBuy now <dt><div><dd>!\n:::\n\n### Story\n\nx <dt><div><div><div><dd>y\n\n"
      "- a <div><div><li>b\n\n## <li><div><li>x\n\nend\n");
  CHECK(contains(html, "<p>Buy now &lt;dt&gt;&lt;div&gt;&lt;dd&gt;!</p>\n</aside>"));
  CHECK(contains(html, "<p>x &lt;dt&gt;&lt;div&gt;&lt;div&gt;&lt;div&gt;&lt;dd&gt;y</p>"));
  CHECK(contains(html, "<li>a <div><div>&lt;li&gt;b</div></div></li>"));
  CHECK(contains(html, "&lt;li&gt;&lt;div&gt;&lt;li&gt;x</h2>"));
  for (const char* tag : {"div", "aside", "section", "article", "li", "ul", "dt", "dd"}) require_balanced(html, tag);
}

TEST_CASE("a Markdown link inside a raw <a> is written as text", "[balance]") {
  std::string html = render_allowing_html("z <a href=\"/x\">in [l](/y) k</a>\n");
  CHECK(contains(html, "<p>z <a href=\"/x\">in l k</a></p>"));
}
