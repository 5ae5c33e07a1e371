// Each lint rule with a case that reports it and one that does not.
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/lint.hpp"
#include "core/utf8.hpp"
#include "test_helpers.hpp"

using broadsheet::Diagnostic;
using broadsheet::Format;
using broadsheet::Options;
using broadsheet::Result;

namespace {

// A front matter with every key a lint rule looks at set to a good value, then `body`.
std::string issue(const std::string& body, const std::string& extra_front_matter = "") {
  return "---\ntitle: A good title\npreheader: A short preview line.\n" + extra_front_matter + "---\n\n" + body;
}

Result linted(const std::string& markdown, Format format = Format::Html) {
  Options o;
  o.format = format;
  Result r = broadsheet::render(markdown, o);
  REQUIRE(r.ok());
  return r;
}

std::vector<Diagnostic> by_rule(const Result& r, const std::string& rule) {
  std::vector<Diagnostic> found;
  for (const auto& w : r.warnings)
    if (w.rule == rule) found.push_back(w);
  return found;
}

}  // namespace

TEST_CASE("lint image-alt: an image without alt text", "[lint]") {
  auto bad = by_rule(linted(issue("Text.\n\n![](https://example.org/a.jpg)\n")), "image-alt");
  REQUIRE(bad.size() == 1u);
  CHECK(bad[0].line == 8u);
  CHECK(bad[0].column == 5u);  // the image's URL: it has no text of its own
  CHECK(by_rule(linted(issue("![A bus at night](https://example.org/a.jpg)\n")), "image-alt").empty());
  CHECK(by_rule(linted(issue("Inline ![ ](https://example.org/a.jpg) image.\n")), "image-alt").size() == 1u);
}

TEST_CASE("lint link-text: text that says nothing out of context, unless titled", "[lint]") {
  for (const char* text : {"click here", "Here", "Read more", "read more →", "More.", "link", "Learn more"}) {
    INFO(text);
    auto bad = by_rule(linted(issue(std::string("See [") + text + "](https://example.com/a).\n")), "link-text");
    REQUIRE(bad.size() == 1u);
    CHECK(bad[0].line == 6u);
    // Link warnings point at the destination, after "See [TEXT](".
    CHECK(bad[0].column == 8u + broadsheet::utf8::count_code_points(text));
  }
  CHECK(by_rule(linted(issue("[Read the Stowbox offer](https://example.com/a)\n")), "link-text").empty());
  CHECK(by_rule(linted(issue("[Read more](https://example.com/a \"Stowbox lockers\")\n")), "link-text").empty());
  CHECK(broadsheet::is_vague_link_text("  Click   HERE! "));
  CHECK_FALSE(broadsheet::is_vague_link_text("Here is the route map"));
  // Long text made long by punctuation and arrows alone is still vague; letters make it specific.
  CHECK(broadsheet::is_vague_link_text("((((((((((((((((((((((((((((( Continue   reading! )))))))))))))))))))))))))))))"));
  CHECK(broadsheet::is_vague_link_text("\xE2\x86\x92\xC2\xBB\xE2\x80\xA6 More information \xE2\x80\xA6\xC2\xBB\xE2\x86\x92"));
  CHECK_FALSE(broadsheet::is_vague_link_text("Read more about the parcel lockers"));
  CHECK_FALSE(broadsheet::is_vague_link_text("here here here here here here here here here"));
}

TEST_CASE("lint preheader: missing, or over 100 characters", "[lint]") {
  auto missing = by_rule(linted("---\ntitle: T\n---\n\nText.\n"), "preheader");
  REQUIRE(missing.size() == 1u);
  CHECK(test_helpers::contains(missing[0].message, "no preheader"));
  // Without front matter a snippet is not an issue, except as an email or its text part.
  CHECK(by_rule(linted("Text.\n"), "preheader").empty());
  CHECK(by_rule(linted("Text.\n", Format::Email), "preheader").size() == 1u);
  CHECK(by_rule(linted("Text.\n", Format::Text), "preheader").size() == 1u);

  std::string long_preheader(101, 'a');
  auto over = by_rule(linted("---\ntitle: T\npreheader: " + long_preheader + "\n---\n\nText.\n"), "preheader");
  REQUIRE(over.size() == 1u);
  CHECK(over[0].line == 3u);
  CHECK(test_helpers::contains(over[0].message, "101 characters"));
  std::string exactly(100, 'a');
  CHECK(by_rule(linted("---\ntitle: T\npreheader: " + exactly + "\n---\n\nText.\n"), "preheader").empty());
}

TEST_CASE("lint title-length: a title over 70 characters", "[lint]") {
  std::string long_title(71, 't');
  auto over = by_rule(linted("---\npreheader: P\ntitle: " + long_title + "\n---\n\nText.\n"), "title-length");
  REQUIRE(over.size() == 1u);
  CHECK(over[0].line == 3u);
  auto heading = by_rule(linted("# " + long_title + "\n\nText.\n"), "title-length");
  REQUIRE(heading.size() == 1u);
  CHECK(heading[0].line == 1u);
  CHECK(by_rule(linted("---\npreheader: P\ntitle: " + std::string(70, 't') + "\n---\n"), "title-length").empty());
  // Characters, not bytes: 70 CJK characters are fine.
  std::string cjk;
  for (int i = 0; i < 70; ++i) cjk += "駅";
  CHECK(by_rule(linted("---\npreheader: P\ntitle: " + cjk + "\n---\n"), "title-length").empty());
}

TEST_CASE("lint heading-level: a skipped heading level", "[lint]") {
  auto skip = by_rule(linted(issue("## Section\n\n#### Detail\n\nText.\n")), "heading-level");
  REQUIRE(skip.size() == 1u);
  CHECK(skip[0].line == 8u);
  CHECK(test_helpers::contains(skip[0].message, "from 2 to 4"));
  CHECK(by_rule(linted(issue("### Story first\n\nText.\n")), "heading-level").size() == 1u);
  CHECK(by_rule(linted(issue("## Section\n\n### Story\n\n#### Detail\n\n## Next\n\nText.\n")), "heading-level").empty());
}

TEST_CASE("lint duplicate-section and empty-section", "[lint]") {
  auto dup = by_rule(linted(issue("## Briefs\n\nA.\n\n## News\n\nB.\n\n## briefs\n\nC.\n")), "duplicate-section");
  REQUIRE(dup.size() == 1u);
  CHECK(dup[0].line == 14u);
  CHECK(test_helpers::contains(dup[0].message, "line 6"));
  CHECK(by_rule(linted(issue("## Briefs\n\nA.\n\n## News\n\nB.\n")), "duplicate-section").empty());

  auto empty = by_rule(linted(issue("## Briefs\n\n## News\n\nB.\n")), "empty-section");
  REQUIRE(empty.size() == 1u);
  CHECK(empty[0].line == 6u);
  CHECK(by_rule(linted(issue("## Briefs\n\n### A story\n\nB.\n")), "empty-section").empty());
}

TEST_CASE("lint http-link: http: links, images and front-matter URLs", "[lint]") {
  auto link = by_rule(linted(issue("A [route map](http://example.org/map).\n")), "http-link");
  REQUIRE(link.size() == 1u);
  CHECK(link[0].column == 15u);  // the URL
  CHECK(by_rule(linted(issue("At www.example.org/map today.\n")), "http-link").size() == 1u);  // becomes http://
  CHECK(by_rule(linted(issue("![Map](HTTP://example.org/map.png)\n")), "http-link").size() == 1u);
  CHECK(by_rule(linted(issue("Text.\n", "canonical_url: http://example.com/87\n")), "http-link").size() == 1u);
  CHECK(by_rule(linted(issue("A [map](https://example.org/map) and [issue 86](/issues/86).\n")), "http-link").empty());
}

TEST_CASE("lint: an unknown directive is reported once, by the directive pass", "[lint]") {
  Result r = linted(issue("::: sidebar\nText.\n:::\n"));
  std::size_t reports = 0;
  for (const auto& w : r.warnings) reports += test_helpers::contains(w.message, "unknown directive");
  CHECK(reports == 1u);
  Result known = linted(issue("::: note\nText.\n:::\n"));
  CHECK_FALSE(test_helpers::has_warning(known, "unknown directive"));
}

TEST_CASE("lint front-matter-key: an unknown key is a hint at its line", "[lint]") {
  auto hint = by_rule(linted(issue("Text.\n", "edition_notes: Thursday\n")), "front-matter-key");
  REQUIRE(hint.size() == 1u);
  CHECK(hint[0].hint);
  CHECK(hint[0].line == 4u);
  CHECK(test_helpers::contains(hint[0].message, "`edition_notes`"));
  CHECK(by_rule(linted(issue("Text.\n", "tags: [a]\nauthor: Me\n")), "front-matter-key").empty());
}

TEST_CASE("lint email-size: an email over 102 KB", "[lint]") {
  std::vector<Diagnostic> warnings;
  broadsheet::lint_email_size(broadsheet::kEmailClipBytes, warnings);
  CHECK(warnings.empty());
  broadsheet::lint_email_size(broadsheet::kEmailClipBytes + 1, warnings);
  REQUIRE(warnings.size() == 1u);
  CHECK(warnings[0].rule == "email-size");

  std::string big;
  for (int i = 0; i < 1500; ++i) big += "Paragraph " + std::to_string(i) + " of a very long issue, with some words.\n\n";
  CHECK(by_rule(linted(issue(big), Format::Email), "email-size").size() == 1u);
  CHECK(by_rule(linted(issue(big), Format::Html), "email-size").empty());
  CHECK(by_rule(linted(issue("Short.\n"), Format::Email), "email-size").empty());
}

TEST_CASE("lint: off with the lint option, and never in CommonMark mode", "[lint]") {
  Options o;
  o.lint = false;
  Result r = broadsheet::render(issue("![](a.jpg) [here](http://x.org)\n"), o);
  for (const auto& w : r.warnings) CHECK(w.rule.empty());
  Options cm;
  cm.commonmark = true;
  CHECK(broadsheet::render("# " + std::string(90, 't') + "\n\n[here](http://x.org)\n", cm).warnings.empty());
}
