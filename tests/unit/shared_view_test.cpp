// The decisions web and email (and text, JSON) share: one raw-HTML path, one list of formats, one
// table of directive and callout kinds. Each test renders the same input in several formats and checks
// they agree on what the input *is*.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/directives.hpp"
#include "test_helpers.hpp"

using broadsheet::Format;
using broadsheet::Options;
using test_helpers::contains;

namespace {

std::string render_as(const std::string& markdown, Format format, bool allow_html = false) {
  Options o;
  o.format = format;
  o.allow_html = allow_html;
  broadsheet::Result r = broadsheet::render(markdown, o);
  REQUIRE(r.ok());
  return r.output;
}

}  // namespace

TEST_CASE("allowHtml: inline raw HTML keeps its text inside its element in email, as on the web", "[email][raw-html]") {
  std::string md = "Some <b>bold</b> text\n";
  std::string web = render_as(md, Format::Html, true);
  std::string email = render_as(md, Format::Email, true);
  CHECK(contains(web, "<p>Some <b>bold</b> text</p>"));
  CHECK(contains(email, ">Some <b>bold</b> text</p>"));
  CHECK_FALSE(contains(email, "<b></b>"));
}

TEST_CASE("allowHtml: a raw <div class=\"box\"> keeps its contents in email, as on the web", "[email][raw-html]") {
  std::string md = "<div class=\"box\">Boxed <i>words</i></div>\n\nAfter\n";
  std::string web = render_as(md, Format::Html, true);
  std::string email = render_as(md, Format::Email, true);
  CHECK(contains(web, "<div class=\"box\">Boxed <i>words</i></div>"));
  CHECK(contains(email, "<div class=\"box\">Boxed <i>words</i></div>"));
  CHECK_FALSE(contains(email, "<div class=\"box\"></div>"));
}

TEST_CASE("allowHtml: web and email write the same raw HTML for the same blocks", "[email][raw-html]") {
  const char* cases[] = {
      "A <span lang=\"fr\">mot</span> and <a href=\"https://x.org\">a link</a>\n",
      "<table>\n<tr><td>cell</td></tr>\n</table>\n",
      "<div class=\"box\">\n\nInside **md**\n\n</div>\n",
      "Stray </div> closing and <em>unclosed\n\nNext paragraph\n",
      "<details><summary>More</summary>Hidden</details>\n",
  };
  for (const char* md : cases) {
    INFO(md);
    std::string web = render_as(md, Format::Html, true);
    std::string email = render_as(md, Format::Email, true);
    // Each raw tag the web output keeps is in the email too, as many times (the email layout itself
    // writes none of these).
    for (const char* tag : {"<span lang=\"fr\">", "</span>", "<table>", "<td>cell</td></tr>\n</table>",
                            "<div class=\"box\">\n</div>", "<em>", "</em>", "<details>", "<summary>",
                            "</summary>", "</details>", "https://x.org"}) {
      INFO(tag);
      CHECK(test_helpers::count(web, tag) == test_helpers::count(email, tag));
    }
    CHECK_FALSE(contains(email, "<em></em>"));
  }
}

TEST_CASE("formats: one list names every format, and parse_format reads it", "[formats]") {
  std::vector<std::string_view> names = broadsheet::format_names();
  // The formats a full build carries, in their order; a new one joins the end (the test need not change).
  const std::vector<std::string_view> known{"html", "json", "email", "text"};
  REQUIRE(names.size() >= known.size());
  CHECK(std::equal(known.begin(), known.end(), names.begin()));
  for (std::string_view name : names) {
    auto format = broadsheet::parse_format(name);
    REQUIRE(format);
    CHECK(broadsheet::format_name(*format) == name);
  }
  CHECK_FALSE(broadsheet::parse_format("pdf"));
  CHECK_FALSE(broadsheet::parse_format("HTML"));
}

TEST_CASE("directive kinds: every callout kind shows its title in web, email and text", "[directives]") {
  for (const broadsheet::CalloutKind& kind : broadsheet::kCalloutKinds) {
    std::string md = "::: " + std::string(kind.name) + "\nBody\n:::\n\n> [!" + std::string(kind.name) + "]\n> Alert\n";
    INFO(md);
    std::string title(kind.title);
    std::string web = render_as(md, Format::Html);
    CHECK(test_helpers::count(web, "bs-callout-" + std::string(kind.name) + "\"") == 2);
    CHECK(test_helpers::count(web, "<p class=\"bs-block-title\">" + title + "</p>") == 2);
    std::string email = render_as(md, Format::Email);
    CHECK(test_helpers::count(email, "class=\"bs-callout-" + std::string(kind.name) + "\"") == 2);
    CHECK(test_helpers::count(email, ";\">" + title + "</p>") == 2);
    std::string text = render_as(md, Format::Text);
    CHECK(test_helpers::count(text, "| " + title + "\n") == 2);
  }
  // "callout" and "info" are notes.
  CHECK(contains(render_as("::: info\nx\n:::\n", Format::Html), "bs-callout bs-callout-note"));
  CHECK(contains(render_as("::: callout\nx\n:::\n", Format::Html), "bs-callout bs-callout-note"));
}

TEST_CASE("directive kinds: a sponsor's label and paid links agree in web, email and text", "[directives]") {
  std::string md = "::: sponsor Acme {label=\"Partner\"}\nTry [Acme](https://acme.example).\n:::\n";
  std::string web = render_as(md, Format::Html);
  CHECK(contains(web, "<aside class=\"bs-sponsor\" aria-label=\"Partner\">\n<p class=\"bs-sponsor-label\">Partner</p>"));
  CHECK(contains(web, "rel=\"sponsored noopener\""));
  std::string email = render_as(md, Format::Email);
  CHECK(contains(email, ";\">Partner</p>"));
  CHECK(contains(email, "rel=\"sponsored noopener\""));
  std::string text = render_as(md, Format::Text);
  CHECK(contains(text, "Partner: Acme"));
}
