// The email and plain-text formats through broadsheet::render(): a whole document, nothing lost,
// nothing an inbox strips, links kept, lines wrapped.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/display_width.hpp"
#include "test_helpers.hpp"
#include "text_loss.hpp"

using broadsheet::Format;
using broadsheet::Options;
using broadsheet::Result;
using test_helpers::contains;

namespace {

Result render_as(const std::string& markdown, Format format, Options o = {}) {
  o.format = format;
  Result r = broadsheet::render(markdown, o);
  REQUIRE(r.ok());
  return r;
}

std::string list(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += w + " ";
  return out;
}

}  // namespace

TEST_CASE("email: examples/full.md loses no text and has no warnings but the unknown-key hint", "[email]") {
  std::string source = test_helpers::example("full.md");
  Result r = render_as(source, Format::Email);
  auto missing = text_loss::missing_words(source, r.output);
  INFO("missing words: " << list(missing));
  CHECK(missing.empty());
  for (const auto& w : r.warnings) CHECK(w.hint);
  // The check can fail: without the last section the words are missing.
  std::string cut = r.output.substr(0, r.output.find("<a name=\"recent-issues\">"));
  CHECK_FALSE(text_loss::missing_words(source, cut).empty());
}

TEST_CASE("email: a whole document without what inboxes strip", "[email]") {
  Result r = render_as(test_helpers::example("full.md"), Format::Email);
  const std::string& out = r.output;
  CHECK(out.rfind("<!doctype html>\n<html lang=\"en\" dir=\"ltr\" xmlns:v=\"urn:schemas-microsoft-com:vml\" "
                  "xmlns:o=\"urn:schemas-microsoft-com:office:office\">", 0) == 0);
  // Outlook: no high-DPI scaling, a fixed 600-px table only it sees, buttons padded by their cell.
  CHECK(contains(out, "<o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch>"));
  CHECK(contains(out, "<!--[if mso]><table role=\"presentation\" width=\"600\""));
  CHECK(contains(out, "class=\"bs-container\" style=\"width:100%;max-width:600px;"));
  CHECK(contains(out, "<style>.bs-button{mso-padding-alt:12px 24px;}"));
  CHECK(contains(out, "overflow-wrap:anywhere;"));
  CHECK(contains(out, "<meta name=\"color-scheme\" content=\"light dark\">"));
  CHECK(contains(out, "<meta name=\"supported-color-schemes\" content=\"light dark\">"));
  for (const char* forbidden : {"<script", "<link", "<section", "<aside", "<article", " id=\"", "<input", "<form"}) {
    INFO(forbidden);
    CHECK_FALSE(contains(out, forbidden));
  }
  CHECK(test_helpers::count(out, "<style>") == 2u);  // the head's, and Outlook's inside <!--[if mso]>
  CHECK(contains(out, "<a name=\"the-big-story\"></a>"));
  CHECK(contains(out, "href=\"#the-big-story\""));
  CHECK(contains(out, "Sponsored</p>"));
  CHECK(contains(out, "rel=\"sponsored noopener\""));
  CHECK(contains(out, "bgcolor=\"#0b57a4\""));  // a bulletproof button cell
  CHECK(contains(out, "href=\"{{unsubscribe_url}}\""));
  CHECK(contains(out, "View this issue in your browser"));
  // Relative links and images are made absolute against canonical_url.
  CHECK(contains(out, "href=\"https://example.com/issues/86-the-bus-stop-is-a-public-space\""));
  CHECK(contains(out, "src=\"https://example.com/issues/images/spokewright-roadside-repair.jpg\""));
  CHECK(out.size() < 102u * 1024u);
}

TEST_CASE("email: the preheader is hidden and padded; the hero is sized", "[email]") {
  Result r = render_as("---\ntitle: T\npreheader: Night buses & fares\nhero:\n  src: https://e.org/h.jpg\n  alt: A bus\n"
                       "  width: 1200\n  height: 675\n---\n\nText.\n",
                       Format::Email);
  std::smatch m;
  REQUIRE(std::regex_search(r.output, m, std::regex("<div class=\"bs-preheader\" style=\"display:none;[^\"]*\">Night buses &amp; fares((&#8199;&#847;)+)</div>")));
  CHECK(m[1].length() / 13 >= 60);
  CHECK(contains(r.output, "alt=\"A bus\" width=\"600\" height=\"338\""));
}

TEST_CASE("email: unsafe URLs are dropped, text escaped, the unsubscribe option checked", "[email]") {
  Result r = render_as("---\npreheader: <b>x</b>\n---\n\n[a](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n"
                       "![b](javascript:x)\n",
                       Format::Email);
  CHECK_FALSE(contains(r.output, "javascript:"));
  CHECK_FALSE(contains(r.output, "<img src=x"));
  CHECK_FALSE(contains(r.output, "<b>x"));
  Options merge;
  merge.unsubscribe_url = "*|UNSUB|*";
  CHECK(contains(render_as("Text.\n", Format::Email, merge).output, "href=\"*|UNSUB|*\""));
  Options bad;
  bad.unsubscribe_url = "javascript:alert(1)";
  bad.format = Format::Email;
  Result refused = broadsheet::render("Text.\n", bad);
  REQUIRE_FALSE(refused.ok());
  CHECK(contains(refused.error->message, "unsubscribe"));
}

TEST_CASE("text: examples/full.md loses no text, keeps every link, fits 78 columns", "[text]") {
  std::string source = test_helpers::example("full.md");
  Result r = render_as(source, Format::Text);
  auto missing = text_loss::missing_words_in_text(source, r.output);
  INFO("missing words: " << list(missing));
  CHECK(missing.empty());
  CHECK_FALSE(contains(r.output, "<"));
  std::size_t start = 0;
  while (start < r.output.size()) {
    std::size_t end = r.output.find('\n', start);
    std::string line = r.output.substr(start, end - start);
    INFO(line);
    // Only a single unbreakable word (a URL) may be longer than the line.
    CHECK((broadsheet::display_width(line) <= 78 || line.find(' ', line.find_first_not_of(' ')) == std::string::npos));
    start = end + 1;
  }
  for (const char* url : {"https://example.com/subscribe?ref=forwarded", "https://example.com/membership",
                          "https://example.com/issues/85-who-pays-for-the-last-mile", "https://example.com/archive"}) {
    INFO(url);
    CHECK(contains(r.output, url));
  }
  CHECK(contains(r.output, "Become a member ["));
  CHECK(contains(r.output, "The Big Story\n=============\n"));
  CHECK(contains(r.output, "Sponsored: Lockers that open with your transit card"));
  CHECK(contains(r.output, "Unsubscribe: {{unsubscribe_url}}"));
}

TEST_CASE("text: links numbered once per URL, autolinks kept as written", "[text]") {
  Result r = render_as("See [the map](https://e.org/m) and [map again](https://e.org/m), "
                       "<https://e.org/auto> and [Issue 83](https://e.org/83 \"Water transport\").\n",
                       Format::Text, [] { Options o; o.lint = false; return o; }());
  CHECK(contains(r.output, "the map [1] and map again [1], https://e.org/auto and Issue 83 [2]."));
  CHECK(contains(r.output, "[1] https://e.org/m\n"));
  CHECK(contains(r.output, "[2] https://e.org/83 (Water transport)\n"));
  CHECK_FALSE(contains(r.output, "https://e.org/auto ["));
}
