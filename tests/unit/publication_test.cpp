// What a publication asks of the core (issue 24): the summary (one reading of the issue for the build,
// the archive and `::: recent`), `draft` and `date` rules, the publication's defaults, `::: recent`
// written by the core, and footnote references that cannot link.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/locale.hpp"
#include "test_helpers.hpp"

using broadsheet::Options;
using broadsheet::Result;
using nlohmann::json;
using test_helpers::contains;
using test_helpers::count;
using test_helpers::has_warning;

namespace {

json summary_of(const std::string& markdown, Options options = {}) {
  options.summary_only = true;
  Result r = broadsheet::render(markdown, options);
  REQUIRE(r.ok());
  CHECK(r.output.empty());
  return json::parse(r.summary_json);
}

std::string html(const std::string& markdown, const Options& options = {}) {
  Result r = broadsheet::render(markdown, options);
  REQUIRE(r.ok());
  return r.output;
}

}  // namespace

TEST_CASE("the summary carries what a publication needs, normalised", "[publication]") {
  json s = summary_of(
      "---\ntitle: Les bancs\nissue: 12\ndate: 2026-03-01\nlang: fr\nauthors: [A, B]\ntags: ports, bancs\n"
      "description: Une phrase.\nhero: {src: /h.jpg, alt: Un banc, width: 640, height: 360}\nslug: bancs\n---\n"
      "::: recent {count=5}\n:::\n\n::: recent\n:::\n");
  CHECK(s["title"] == "Les bancs");
  CHECK(s["label"] == "Numéro 12\u00A0: Les bancs");
  CHECK(s["number"] == "12");
  CHECK(s["number_label"] == "Numéro 12");
  CHECK(s["date"] == "2026-03-01");
  CHECK(s["date_label"] == "1er mars 2026");
  CHECK(s["preheader"] == "Une phrase.");
  CHECK(s["authors"] == json({"A", "B"}));
  CHECK(s["tags"] == json({"ports", "bancs"}));
  CHECK(s["hero"] == json({{"src", "/h.jpg"}, {"alt", "Un banc"}, {"width", 640}, {"height", 360}}));
  CHECK(s["slug"] == "bancs");
  CHECK(s["lang"] == "fr");
  CHECK(s["dir"] == "ltr");
  CHECK(s["draft"] == false);
  CHECK(s["recent_count"] == 5);
  CHECK(s["errors"].empty());
}

TEST_CASE("the summary's title falls back as every format's does", "[publication]") {
  CHECK(summary_of("# From the heading\n\nText.\n")["title"] == "From the heading");
  CHECK(summary_of("---\npublication: The Letter\n---\nText.\n")["title"] == "The Letter");
  CHECK(summary_of("---\nlang: de\n---\nText.\n")["title"] == "Newsletter-Ausgabe");
  CHECK(summary_of("Text.\n")["label"] == "Newsletter issue");
}

TEST_CASE("draft is a YAML boolean; anything else keeps the issue out with an error at its line", "[publication]") {
  CHECK(summary_of("---\ndraft: true\n---\n")["draft"] == true);
  CHECK(summary_of("---\ndraft: False\n---\n")["draft"] == false);
  for (const char* value : {"yes", "on", "1", "\"True\"", "\"true\"", "[true]", "y"}) {
    CAPTURE(value);
    json s = summary_of(std::string("---\ntitle: T\ndraft: ") + value + "\n---\n");
    CHECK(s["draft"] == true);
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["line"] == 3);
    CHECK(s["errors"][0]["column"] == 1);
    CHECK(contains(s["errors"][0]["message"].get<std::string>(), "`draft` should be true or false"));
  }
}

TEST_CASE("one rule for a date: a real calendar day written YYYY-MM-DD", "[publication]") {
  CHECK(summary_of("---\ndate: 2024-02-29\n---\n")["errors"].empty());
  for (const char* value : {"March 3 2026", "2026-13-01", "\"2026-01-01T10:00\"", "2026-02-30", "2025-02-29", "[2026]"}) {
    CAPTURE(value);
    json s = summary_of(std::string("---\ntitle: T\n\ndate: ") + value + "\n---\n");
    CHECK(s["date"] == "");
    CHECK(s["date_label"] == "");
    REQUIRE(s["errors"].size() == 1);
    CHECK(s["errors"][0]["line"] == 4);
  }
  // The render itself goes on, with the same problem as a warning (the preview shows it).
  Result r = broadsheet::render("---\ndate: March 3 2026\n---\nText.\n");
  REQUIRE(r.ok());
  CHECK(has_warning(r, "YYYY-MM-DD"));
}

TEST_CASE("a publication's language and canonical URL are defaults; bad ones refuse the render", "[publication]") {
  Options o;
  o.default_lang = "ja";
  o.default_canonical_url = "https://x.example/l/one/";
  json s = summary_of("---\ntitle: T\nissue: 3\n---\n", o);
  CHECK(s["lang"] == "ja");
  CHECK(s["number_label"] == "第3号");
  CHECK(s["canonical_url"] == "https://x.example/l/one/");
  CHECK(summary_of("---\nlang: fr\ncanonical_url: https://own.example/\n---\n", o)["lang"] == "fr");
  CHECK(summary_of("---\nlang: fr\ncanonical_url: https://own.example/\n---\n", o)["canonical_url"] == "https://own.example/");
  Options bad_lang;
  bad_lang.default_lang = "not a tag";
  CHECK_FALSE(broadsheet::render("x", bad_lang).ok());
  Options bad_url;
  bad_url.default_canonical_url = "javascript:alert(1)";
  CHECK_FALSE(broadsheet::render("x", bad_url).ok());
}

TEST_CASE("::: recent is written by the core, in the issue's language, safe URLs only", "[publication]") {
  Options o;
  const std::vector<broadsheet::RecentIssue> recent = {{"https://x.example/2/", "Deux <b>", "2", "2026-02-01"},
                                                       {" JavaScript:alert(1)", "Un", "1", "2026-01-01"},
                                                       {"https://x.example/0/", "Zéro", "", ""}};
  o.recent = recent;
  std::string out = html("---\nlang: fr\n---\n::: recent Avant {count=3}\nTexte du bloc.\n:::\n", o);
  CHECK(contains(out, "<li><a href=\"https://x.example/2/\">Numéro 2\u00A0: Deux &lt;b&gt;</a></li>"));
  CHECK(contains(out, "<li>Numéro 1\u00A0: Un</li>"));  // the unsafe link keeps its text, not its href
  CHECK(contains(out, "<li><a href=\"https://x.example/0/\">Zéro</a></li>"));
  CHECK(out.find("Numéro 2") < out.find("Texte du bloc."));  // before the writer's own text
  CHECK_FALSE(contains(out, "javascript"));

  // {count=N}: the first N; the default is 3.
  CHECK(count(html("::: recent {count=1}\n:::\n", o), "<li>") == 1);
  CHECK(count(html("::: recent\n:::\n", o), "<li>") == 3);
}

TEST_CASE("::: recent {count=N} takes a whole number from 1 to 50, else warns at its line", "[publication]") {
  for (const char* value : {"1e9", "0x5", "0", "51", "-2", "2.5", "\"\""}) {
    CAPTURE(value);
    Result r = broadsheet::render(std::string("Intro.\n\n::: recent {count=") + value + "}\n:::\n");
    REQUIRE(r.ok());
    bool warned = false;
    for (const auto& w : r.warnings) warned = warned || (w.line == 3 && contains(w.message, "from 1 to 50; this one lists 3") && contains(w.message, "{count=N}"));
    CHECK(warned);
    CHECK(json::parse(r.summary_json)["recent_count"] == 3);
  }
  Result fifty = broadsheet::render("::: recent {count=50}\n:::\n");
  CHECK(json::parse(fifty.summary_json)["recent_count"] == 50);
  CHECK_FALSE(has_warning(fifty, "recent"));
}

TEST_CASE("a thousand ::: recent blocks write at most 500 links in all", "[publication]") {
  Options o;
  std::vector<std::string> urls;
  for (int i = 0; i < 50; ++i) urls.push_back("https://x.example/" + std::to_string(i) + "/");
  std::vector<broadsheet::RecentIssue> recent;
  for (const std::string& url : urls) recent.push_back({url, "T", "", ""});
  o.recent = recent;
  std::string md;
  for (int i = 0; i < 1000; ++i) md += "::: recent {count=50}\n:::\n\n";
  CHECK(count(html(md, o), "<li>") == 500);
}

TEST_CASE("the text format's image placeholder is in the issue's language", "[publication]") {
  Options o;
  o.format = broadsheet::Format::Text;
  Result r = broadsheet::render("---\nlang: fr\n---\nVoir ![](a.png) et ![Un port](b.png).\n", o);
  REQUIRE(r.ok());
  CHECK(contains(r.output, "[Image\u00A0: sans description]"));
  CHECK(contains(r.output, "[Image\u00A0: Un port]"));
  r = broadsheet::render("See ![](a.png).\n", o);
  CHECK(contains(r.output, "[Image: no description]"));
}

TEST_CASE("a footnote reference inside a link or an alt text warns and the note links to a reachable one",
          "[publication]") {
  Result r = broadsheet::render("See [a link[^1] here](https://x.org) and ![alt[^2]](i.png).\n\nAlso[^1].\n\n"
                                "[^1]: One.\n[^2]: Two.\n");
  REQUIRE(r.ok());
  CHECK(contains(r.output, "<a href=\"#fnref-1-2\" class=\"bs-fnback\""));  // the second, reachable reference
  CHECK_FALSE(contains(r.output, "href=\"#fnref-1\""));
  CHECK_FALSE(contains(r.output, "href=\"#fnref-2\""));  // note 2 has no reachable reference: no back-link
  int warnings = 0;
  for (const auto& w : r.warnings) warnings += contains(w.message, "cannot link to its note") ? 1 : 0;
  CHECK(warnings == 2);
}

TEST_CASE("every language has every publication word", "[publication]") {
  for (std::string_view table : broadsheet::locale_tables()) {
    CAPTURE(table);
    broadsheet::Locale locale = broadsheet::Locale::resolve(table);
    for (auto label : {broadsheet::Label::IssueCountOne, broadsheet::Label::IssueCount, broadsheet::Label::MatchingIssues,
                       broadsheet::Label::FilterIssues, broadsheet::Label::ShowMore, broadsheet::Label::SearchIssues,
                       broadsheet::Label::SearchResults, broadsheet::Label::SearchNoResults, broadsheet::Label::Image,
                       broadsheet::Label::NoDescription, broadsheet::Label::ArchiveDescription}) {
      CHECK_FALSE(locale.label(label).empty());
      std::string_view placeholder = broadsheet::label_placeholder(label);
      if (!placeholder.empty()) CHECK(contains(locale.label(label), placeholder));
    }
  }
}
