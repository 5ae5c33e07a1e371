// The whole pipeline through broadsheet::render(): structure, directives, figures, buttons, safety, modes, limits.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "core/utf8.hpp"
#include "test_helpers.hpp"
#include "text_loss.hpp"

using broadsheet::Options;
using broadsheet::Result;
using test_helpers::contains;
using test_helpers::count;
using test_helpers::has_warning;

namespace {

Result html(std::string_view markdown, Options options = {}) {
  Result r = broadsheet::render(markdown, options);
  REQUIRE(r.ok());
  return r;
}

Options allow_html() {
  Options o;
  o.allow_html = true;
  return o;
}

// Position of `needle` in `hay`, failing the test when it is missing (so order checks cannot pass vacuously).
std::size_t at(const std::string& hay, std::string_view needle) {
  std::size_t p = hay.find(needle);
  INFO("looking for: " << needle);
  REQUIRE(p != std::string::npos);
  return p;
}

// Every id="…" value in the output.
std::vector<std::string> ids(const std::string& out) {
  std::vector<std::string> found;
  static const std::regex id(" id=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), id); it != std::sregex_iterator(); ++it)
    found.push_back((*it)[1].str());
  return found;
}

void check_no_text_lost(const std::string& source) {
  REQUIRE(text_loss::body_words(source).size() > 100u);
  Result r = html(source);
  std::vector<std::string> missing = text_loss::missing_words(source, r.output);
  std::string list;
  for (const auto& word : missing) list += word + " ";
  INFO("missing words: " << list);
  CHECK(missing.empty());
  // The check itself can fail: drop the last paragraph of the output and it must notice.
  std::string cut = r.output.substr(0, r.output.rfind("<p>"));
  CHECK_FALSE(text_loss::missing_words(source, cut).empty());
}

}  // namespace

TEST_CASE("intro, sections and stories nest as documented", "[render]") {
  Result r = html("# Benches\n\nGood morning.\n\n## The Big Story\n\n### A bench is a seat\n\nText one.\n\n"
                  "### Shade matters\n\nText two.\n\n## Briefs\n\n- One\n");
  const std::string& out = r.output;
  CHECK(count(out, "<h1") == 1u);  // the leading # heading is the title, not repeated in the intro
  CHECK(contains(out, "<h1 class=\"bs-title\">Benches</h1>"));
  std::size_t intro = at(out, "<div class=\"bs-intro\">\n<p>Good morning.</p>\n</div>");
  std::size_t big = at(out, "<section class=\"bs-section\" id=\"the-big-story\">\n<h2 class=\"bs-section-title\">The Big Story</h2>");
  std::size_t story1 = at(out, "<article class=\"bs-story\" id=\"a-bench-is-a-seat\">\n<h3 class=\"bs-story-title\">A bench is a seat</h3>\n<p>Text one.</p>\n</article>");
  std::size_t story2 = at(out, "<article class=\"bs-story\" id=\"shade-matters\">");
  std::size_t briefs = at(out, "</article>\n</section>\n<section class=\"bs-section\" id=\"briefs\">");
  CHECK(intro < big);
  CHECK(big < story1);
  CHECK(story1 < story2);
  CHECK(story2 < briefs);
  CHECK(count(out, "<section ") == 2u);
  CHECK(count(out, "</section>") == 2u);
}

TEST_CASE("section ids are unique and carry the prefix", "[render]") {
  Options o;
  o.id_prefix = "i87-";
  Result r = html("## Briefs\n\n## Briefs\n\n## Briefs-1\n\n## \xF0\x9F\x9A\x8C\n", o);
  std::vector<std::string> found = ids(r.output);
  std::vector<std::string> expected = {"i87-briefs", "i87-briefs-1", "i87-briefs-1-1", "i87-section"};
  CHECK(found == expected);
}

TEST_CASE("a sponsor block is an aside whose links are rel=sponsored", "[render]") {
  Result r = html("[Outside](https://example.com/a)\n\n::: sponsor Lockers that open with your card\n"
                  "Stowbox lockers.\n\n[Read more](https://example.com/stowbox)\n:::\n");
  const std::string& out = r.output;
  std::size_t aside = at(out, "<aside class=\"bs-sponsor\"");
  CHECK(contains(out, "<p class=\"bs-sponsor-label\">Sponsored</p>"));
  CHECK(contains(out, "<p class=\"bs-block-title\">Lockers that open with your card</p>"));
  CHECK(contains(out, "<a href=\"https://example.com/stowbox\" rel=\"sponsored noopener\">Read more</a>"));
  CHECK(contains(out, "<a href=\"https://example.com/a\">Outside</a>"));  // outside: no rel
  CHECK(at(out, "</aside>") > at(out, "Read more"));
  CHECK(aside > at(out, "Outside"));
}

TEST_CASE("callout directives carry kind, title, classes and attributes", "[render]") {
  Result r = html("::: warning Strike dates are still moving {#strikes .compact data-kind=\"service-alert\"}\n"
                  "Check the page.\n:::\n\n::: note\nPlain.\n:::\n");
  CHECK(contains(r.output, "<div class=\"bs-callout bs-callout-warning compact\" role=\"note\" id=\"strikes\" "
                           "data-kind=\"service-alert\">\n<p class=\"bs-block-title\">Strike dates are still moving</p>\n"
                           "<p>Check the page.</p>\n</div>"));
  // Without a title a callout is titled by its kind.
  CHECK(contains(r.output, "<div class=\"bs-callout bs-callout-note\" role=\"note\">\n<p class=\"bs-block-title\">Note</p>\n<p>Plain.</p>"));
  CHECK(r.warnings.empty());
}

TEST_CASE("GitHub alerts become callouts; other blockquotes stay quotes", "[render]") {
  Result r = html("> [!TIP]\n> Tap in and out with the same card.\n");
  CHECK(contains(r.output, "<div class=\"bs-callout bs-callout-tip\" role=\"note\">\n<p class=\"bs-block-title\">Tip</p>\n"
                           "<p>Tap in and out with the same card.</p>\n</div>"));
  CHECK_FALSE(contains(r.output, "[!TIP]"));
  CHECK_FALSE(contains(r.output, "<blockquote>"));

  Result lower = html("> [!caution]\n> Mind the gap.\n");
  CHECK(contains(lower.output, "bs-callout-caution"));

  Result same_line = html("> [!NOTE] not alone on its line\n");
  CHECK(contains(same_line.output, "<blockquote>"));
  CHECK(contains(same_line.output, "[!NOTE] not alone on its line"));

  Result unknown = html("> [!BOGUS]\n> text\n");
  CHECK(contains(unknown.output, "<blockquote>"));
  CHECK(contains(unknown.output, "[!BOGUS]"));
}

TEST_CASE("an unknown directive is a neutral block with a warning at its line", "[render]") {
  Result r = html("Intro.\n\n::: mystery Box title\nInside.\n:::\n");
  CHECK(contains(r.output, "<div class=\"bs-block bs-block-mystery\">\n<p class=\"bs-block-title\">Box title</p>\n<p>Inside.</p>\n</div>"));
  REQUIRE(r.warnings.size() == 1u);
  CHECK(r.warnings[0].line == 3u);
  CHECK(contains(r.warnings[0].message, "mystery"));
}

TEST_CASE("directives nest with more colons, and an unclosed one ends before the next ##", "[render]") {
  Result nested = html(":::: cta Keep us independent\n[Join](https://example.com/join){.button}\n\n::: note\nPay what you like.\n:::\n::::\n");
  std::size_t cta = at(nested.output, "<div class=\"bs-cta\">");
  std::size_t note = at(nested.output, "<div class=\"bs-callout bs-callout-note\"");
  std::size_t button = at(nested.output, "class=\"bs-button\">Join</a>");
  CHECK(cta < button);
  CHECK(button < note);
  CHECK(contains(nested.output, "<p>Pay what you like.</p>\n</div>\n</div>"));  // the note closes, then the cta
  CHECK(nested.warnings.empty());

  Result unclosed = html("::: note\nStill inside.\n\n## Next\n\nOutside.\n");
  std::size_t end_note = at(unclosed.output, "<p>Still inside.</p>\n</div>");
  CHECK(end_note < at(unclosed.output, "<section class=\"bs-section\" id=\"next\">"));
  CHECK(has_warning(unclosed, "not closed"));
}

TEST_CASE("::: lines inside code stay code", "[render]") {
  Result r = html("```text\n::: note\nnot a directive\n:::\n```\n");
  CHECK(contains(r.output, "<pre tabindex=\"0\"><code class=\"language-text\">::: note\nnot a directive\n:::\n</code></pre>"));
  CHECK_FALSE(contains(r.output, "bs-callout"));
}

TEST_CASE("directive lines inside raw HTML blocks are given back as written", "[render]") {
  Result r = html("<div>\n::: note\nx\n:::\n</div>\n", allow_html());
  CHECK(contains(r.output, "::: note"));
  CHECK_FALSE(contains(r.output, "# D"));  // the pre-pass marker never leaks
}

TEST_CASE("an image alone in a paragraph becomes a figure captioned by its title", "[render]") {
  Result r = html("![A mechanic & a bike](images/repair.jpg \"A roadside hub swap\")\n");
  CHECK(contains(r.output, "<figure class=\"bs-figure\"><img src=\"images/repair.jpg\" alt=\"A mechanic &amp; a bike\" "
                           "title=\"A roadside hub swap\" loading=\"lazy\" decoding=\"async\"><figcaption>A roadside hub swap</figcaption></figure>"));

  Result untitled = html("![Alt](a.png)\n");
  CHECK(contains(untitled.output, "<figure class=\"bs-figure\">"));
  CHECK_FALSE(contains(untitled.output, "<figcaption>"));

  Result inline_image = html("Look: ![Alt](a.png \"T\") here.\n");
  CHECK_FALSE(contains(inline_image.output, "<figure"));
  CHECK(contains(inline_image.output, "<p>Look: <img src=\"a.png\""));
}

TEST_CASE("{.button} after a link makes it a button", "[render]") {
  Result r = html("[Subscribe to Curbside](https://example.com/subscribe){.button}\n");
  CHECK(contains(r.output, "<p><a href=\"https://example.com/subscribe\" class=\"bs-button\">Subscribe to Curbside</a></p>"));
  CHECK_FALSE(contains(r.output, "{.button}"));

  Result spaced = html("[Subscribe](https://example.com/subscribe) {.button}\n");
  CHECK_FALSE(contains(spaced.output, "bs-button"));
  CHECK(contains(spaced.output, "{.button}"));
}

TEST_CASE("raw HTML is text by default and allowlisted with allow_html", "[render]") {
  std::string md = "Hi <b onclick=\"steal()\">there</b>.\n\n<script>alert(1)</script>\n";
  Result escaped = html(md);
  CHECK(contains(escaped.output, "Hi &lt;b onclick=&quot;steal()&quot;&gt;there&lt;/b&gt;."));
  CHECK(contains(escaped.output, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(escaped.output, "<b"));

  Result allowed = html(md, allow_html());
  CHECK(contains(allowed.output, "Hi <b>there</b>."));
  CHECK_FALSE(contains(allowed.output, "onclick"));
  CHECK_FALSE(contains(allowed.output, "<script"));
  CHECK(contains(allowed.output, "alert(1)"));  // shown, not run
}

TEST_CASE("unsafe URLs are dropped, their text kept, with a warning", "[render]") {
  Result r = html("Intro line.\n[click here](javascript:alert(1)) and ![a chart](javascript:alert(2))\n");
  CHECK_FALSE(contains(r.output, "javascript"));
  CHECK_FALSE(contains(r.output, "<a "));
  CHECK_FALSE(contains(r.output, "<img"));
  CHECK(contains(r.output, "click here"));
  CHECK(contains(r.output, "a chart"));
  REQUIRE(r.warnings.size() == 2u);
  CHECK(r.warnings[0].line == 2u);
  CHECK(r.warnings[0].column == 14u);  // where the URL starts
  CHECK(contains(r.warnings[0].message, "unsafe link"));
  CHECK(contains(r.warnings[1].message, "unsafe image"));

  for (const char* md : {"[x](jav&#x09;ascript:alert(1))", "[x](javascript&colon;alert(1))", "[x](JAVASCRIPT:alert(1))",
                         "<javascript:alert(1)>", "[x](vbscript:msgbox(1))", "[x](data:text/html,hi)"}) {
    INFO(md);
    Result bad = html(md);
    CHECK_FALSE(contains(bad.output, "href"));
    CHECK(bad.warnings.size() == 1u);
  }
  CHECK_FALSE(contains(html("![x](data:image/svg+xml;base64,PHN2Zz4=)").output, "<img"));
  CHECK(contains(html("![x](data:image/png;base64,iVBO)").output, "<img src=\"data:image/png;base64,iVBO\""));
}

TEST_CASE("image alt text cannot smuggle markup", "[render]") {
  for (const Options& o : {Options{}, allow_html()}) {
    Result r = html("![<img src=x onerror=alert(1)>](a.png)\n", o);
    CHECK(count(r.output, "<img") == 1u);
    CHECK(contains(r.output, "alt=\"&lt;img src=x onerror=alert(1)&gt;\""));
  }
}

TEST_CASE("front-matter values are escaped and their URLs checked", "[render]") {
  Result r = html("---\ntitle: \"<script>alert(1)</script>\"\nsubtitle: Fish & chips\nauthors: [\"<b>Eve</b>\", Bob]\n"
                  "hero:\n  src: \"javascript:alert(1)\"\n  alt: x\n  caption: \"<em>cap</em>\"\n  credit: Lena\n"
                  "  credit_url: \"javascript:alert(2)\"\n---\nBody.\n");
  const std::string& out = r.output;
  CHECK_FALSE(contains(out, "<script"));
  CHECK(contains(out, "<h1 class=\"bs-title\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  CHECK(contains(out, "<p class=\"bs-subtitle\">Fish &amp; chips</p>"));
  CHECK(contains(out, "By &lt;b&gt;Eve&lt;/b&gt; and Bob"));
  CHECK(contains(out, "&lt;em&gt;cap&lt;/em&gt;"));
  CHECK_FALSE(contains(out, "javascript"));
  CHECK_FALSE(contains(out, "<img"));
  CHECK(contains(out, "<span class=\"bs-credit\">Lena</span>"));  // credit kept, unsafe link dropped
}

TEST_CASE("the header shows issue, date and authors", "[render]") {
  Result r = html("---\ntitle: T\npublication: Curbside Weekly\nissue: 87\ndate: 2026-11-26\nauthors: [A, B, C]\n---\nBody\n");
  CHECK(contains(r.output, "<p class=\"bs-publication\">Curbside Weekly</p>"));
  CHECK(contains(r.output, "<span class=\"bs-issue-number\">Issue 87</span>"));
  CHECK(contains(r.output, "<time class=\"bs-date\" datetime=\"2026-11-26\">26 November 2026</time>"));
  CHECK(contains(r.output, "<span class=\"bs-authors\">By A, B and C</span>"));
}

TEST_CASE("commonmark mode: no wrapper, no extensions, raw HTML kept", "[render]") {
  Options o;
  o.commonmark = true;
  Result r = html("## Heading\n\n<b onclick=\"x\">raw</b>\n\n::: note\ntext\n:::\n\n[a](u){.button}\n", o);
  CHECK(r.output.rfind("<h2>Heading</h2>\n", 0) == 0);
  CHECK_FALSE(contains(r.output, "<article"));
  CHECK_FALSE(contains(r.output, "<section"));
  CHECK_FALSE(contains(r.output, "bs-"));
  CHECK(contains(r.output, "<b onclick=\"x\">raw</b>"));
  CHECK(contains(r.output, "::: note"));
  CHECK(contains(r.output, "<a href=\"u\">a</a>{.button}"));
  CHECK(r.meta_json == "{}");

  Result fm = html("---\ntitle: x\n---\n", o);  // no front matter in this mode
  CHECK(contains(fm.output, "<hr"));
  CHECK(contains(fm.output, "title: x"));
}

TEST_CASE("input over max_input_bytes is refused", "[render]") {
  Options o;
  o.max_input_bytes = 10;
  Result over = broadsheet::render("12345678901", o);
  CHECK_FALSE(over.ok());
  REQUIRE(over.error);
  CHECK(over.error->line == 0u);
  CHECK(contains(over.error->message, "11"));
  CHECK(over.output.empty());
  CHECK(over.meta_json == "{}");
  CHECK(over.outline_json == "[]");

  CHECK(broadsheet::render("1234567890", o).ok());  // exactly at the limit
}

TEST_CASE("formats: parse_format knows the four formats, and each renders", "[render]") {
  CHECK(broadsheet::parse_format("html") == broadsheet::Format::Html);
  CHECK(broadsheet::parse_format("json") == broadsheet::Format::Json);
  CHECK(broadsheet::parse_format("email") == broadsheet::Format::Email);
  CHECK(broadsheet::parse_format("text") == broadsheet::Format::Text);
  CHECK_FALSE(broadsheet::parse_format("HTML"));
  CHECK_FALSE(broadsheet::parse_format("pdf"));
  Options o;
  o.format = broadsheet::Format::Email;
  CHECK(broadsheet::render("x", o).ok());
  o.format = broadsheet::Format::Text;
  CHECK(broadsheet::render("x", o).output == "Newsletter issue\n================\n\nx\n\n"
                                             "------------------------------------------------------------------------------\n"
                                             "Newsletter issue\nUnsubscribe: {{unsubscribe_url}}\n");
}

TEST_CASE("invalid UTF-8 is repaired with a warning; output is valid UTF-8", "[render]") {
  Result r = html("## Caf\xE9\n\nna\xEFve \xF0\x9F text\n");
  CHECK(broadsheet::utf8::is_valid(r.output));
  CHECK(contains(r.output, "Caf\xEF\xBF\xBD"));
  REQUIRE_FALSE(r.warnings.empty());
  CHECK(r.warnings[0].line == 1u);
  CHECK(contains(r.warnings[0].message, "UTF-8"));

  Result nul = html(std::string("a\0b\n", 4));
  CHECK(contains(nul.output, "a\xEF\xBF\xBD" "b"));
  CHECK(nul.output.find('\0') == std::string::npos);
}

TEST_CASE("no text is lost: examples/minimal.md", "[render][examples]") {
  check_no_text_lost(test_helpers::example("minimal.md"));
}

TEST_CASE("no text is lost: examples/full.md", "[render][examples]") {
  check_no_text_lost(test_helpers::example("full.md"));
}

TEST_CASE("examples/full.md renders with unique ids and no warnings but the unknown-key hint", "[render][examples]") {
  Result r = html(test_helpers::example("full.md"));
  std::vector<std::string> all = ids(r.output);
  std::set<std::string> unique(all.begin(), all.end());
  CHECK(all.size() > 10u);
  CHECK(unique.size() == all.size());
  REQUIRE(r.warnings.size() == 1u);  // `edition_note` is in the example to show unknown keys pass through
  CHECK(r.warnings[0].hint);
  CHECK(broadsheet::utf8::is_valid(r.output));
}

// docs/format.md: "With the `idPrefix` option, every id starts with the prefix", an id given to a
// directive (`{#subscribe}` or `{id="subscribe"}`) included.
TEST_CASE("with id_prefix every id in the output starts with the prefix", "[render]") {
  Options o;
  o.id_prefix = "i87-";
  Result r = html("::: cta Forwarded this? {id=\"subscribe\"}\nSign up.\n:::\n\n## Briefs\n", o);
  for (const std::string& id : ids(r.output)) {
    INFO("id: " << id);
    CHECK(id.rfind("i87-", 0) == 0);
  }
}

// Ids are unique: a directive id is registered with the heading ids, so a `{#briefs}` block and a
// `## Briefs` section never both get id="briefs".
TEST_CASE("a directive id and a section id never collide", "[render]") {
  Result r = html("::: note {#briefs}\nx\n:::\n\n## Briefs\n");
  std::vector<std::string> all = ids(r.output);
  std::set<std::string> unique(all.begin(), all.end());
  CHECK(all.size() == 2u);
  CHECK(unique.size() == all.size());
}

// A fence left open inside a blockquote (or list item) ends with that container in CommonMark; the
// directive pre-pass must not keep treating later lines as code (they would render as literal text).
TEST_CASE("an unclosed fence inside a blockquote does not hide later directives", "[render]") {
  Result r = html("> ```\n> code\n\n::: note\nAfter the quote.\n:::\n");
  CHECK(contains(r.output, "<div class=\"bs-callout bs-callout-note\""));
  CHECK_FALSE(contains(r.output, "::: note"));
}

// Found by fuzzing: md4c 0.5.2 leaves a link span it never entered in `![]([)]()` read as a setext heading.
// The stray close unwound the heading and section (use after free); the heading now keeps its image.
TEST_CASE("an unbalanced span close from md4c cannot unwind the heading around it", "[render][fuzz]") {
  for (bool allow_html : {false, true}) {
    broadsheet::Options options;
    options.allow_html = allow_html;
    auto result = broadsheet::render("![]([)]()\n-", options);
    REQUIRE(result.ok());
    CHECK(result.output.find("<h2 class=\"bs-section-title\"><img src=\"%5B\" alt=\"\" loading=\"lazy\" decoding=\"async\"></h2>") !=
          std::string::npos);
  }
}
