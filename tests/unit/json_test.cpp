// The json format and the sidecar: both parse with nlohmann and hold meta, outline, document and warnings.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using json = nlohmann::json;

namespace {

json render_json(std::string_view markdown) {
  broadsheet::Options o;
  o.format = broadsheet::Format::Json;
  broadsheet::Result r = broadsheet::render(markdown, o);
  REQUIRE(r.ok());
  return json::parse(r.output);
}

// 1-based line of the first line of `text` that starts with `prefix`.
std::uint32_t line_of(const std::string& text, const std::string& prefix) {
  std::size_t at = text.rfind(prefix, 0) == 0 ? 0 : text.find("\n" + prefix);
  REQUIRE(at != std::string::npos);
  if (at > 0) ++at;
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line;
  return line;
}

// The first node of `type` in a depth-first walk, or null.
json find_node(const json& node, const std::string& type) {
  if (node["type"].get<std::string>() == type) return node;
  if (node.contains("children"))
    for (const json& child : node["children"]) {
      json found = find_node(child, type);
      if (!found.is_null()) return found;
    }
  return nullptr;
}

}  // namespace

TEST_CASE("json output of examples/full.md holds meta, outline and the document", "[json]") {
  std::string source = test_helpers::example("full.md");
  json doc = render_json(source);
  REQUIRE(doc.is_object());
  CHECK(doc["version"].get<int>() == 1);

  const json& meta = doc["meta"];
  CHECK(meta["title"].get<std::string>() == "The quiet return of the night bus");
  CHECK(meta["issue"].get<int>() == 87);
  CHECK(meta["date"].get<std::string>() == "2026-11-26");
  CHECK(meta["authors"].size() == 2u);
  CHECK(meta["hero"]["credit"].get<std::string>() == "Lena Hartmann for Curbside");
  CHECK(meta["edition_note"].is_string());  // unknown key passed through

  const json& outline = doc["outline"];
  REQUIRE(outline.is_array());
  REQUIRE(outline.size() >= 2u);
  CHECK(outline[0]["id"].get<std::string>() == "the-big-story");
  CHECK(outline[0]["kind"].get<std::string>() == "section");
  CHECK(outline[0]["level"].get<int>() == 2);
  CHECK(outline[0]["line"].get<std::uint32_t>() == line_of(source, "## The Big Story"));
  CHECK(outline[1]["kind"].get<std::string>() == "story");
  CHECK(outline[1]["line"].get<std::uint32_t>() == line_of(source, "### Ardmoor built"));

  const json& root = doc["document"];
  CHECK(root["type"].get<std::string>() == "document");
  std::size_t sections = 0;
  for (const json& child : root["children"])
    if (child["type"].get<std::string>() == "section") ++sections;
  CHECK(sections == test_helpers::count(source, "\n## "));
  // Only the lint hint for the example's deliberately unknown key `edition_note`.
  REQUIRE(doc["warnings"].size() == 1u);
  CHECK(doc["warnings"][0]["hint"].get<bool>());
  CHECK(doc["warnings"][0]["rule"].get<std::string>() == "front-matter-key");
}

TEST_CASE("json nodes carry directive, link, image and code details", "[json]") {
  json doc = render_json(
      "::: sponsor Acme {.wide data-x=\"1\"}\n[Go](https://example.com){.button}\n:::\n\n"
      "![Alt](pic.png \"Cap\")\n\n[bad](javascript:x)\n\n```js\nlet a;\n```\n");
  json directive = find_node(doc["document"], "directive");
  REQUIRE(directive.is_object());
  CHECK(directive["name"].get<std::string>() == "sponsor");
  CHECK(directive["kind"].get<std::string>() == "sponsor");
  CHECK(directive["title"].get<std::string>() == "Acme");
  CHECK(directive["classes"].get<std::string>() == "wide");
  CHECK(directive["attributes"]["data-x"].get<std::string>() == "1");

  json link = find_node(directive, "link");
  REQUIRE(link.is_object());
  CHECK(link["href"].get<std::string>() == "https://example.com");
  CHECK(link["button"].get<bool>());

  json figure = find_node(doc["document"], "figure");
  REQUIRE(figure.is_object());
  json image = find_node(figure, "image");
  CHECK(image["src"].get<std::string>() == "pic.png");
  CHECK(image["title"].get<std::string>() == "Cap");

  // The unsafe link: flagged, its URL not in the output at all.
  bool unsafe_found = false;
  for (const json& child : doc["document"]["children"]) {
    json l = find_node(child, "link");
    if (!l.is_null() && l.contains("unsafe")) {
      unsafe_found = true;
      CHECK_FALSE(l.contains("href"));
    }
  }
  CHECK(unsafe_found);
  CHECK(doc["document"].dump().find("javascript") == std::string::npos);
  // The unsafe link, and the lint warning about the button text "Go" (line 2).
  REQUIRE(doc["warnings"].size() == 2u);
  CHECK(doc["warnings"][0]["rule"].get<std::string>() == "link-text");
  CHECK(doc["warnings"][1]["line"].get<int>() == 7);
  CHECK_FALSE(doc["warnings"][1].contains("rule"));

  json code = find_node(doc["document"], "code_block");
  CHECK(code["lang"].get<std::string>() == "js");
}

TEST_CASE("the outline lists the title and other headings with their kinds", "[json]") {
  json doc = render_json("# The Title\n\n## Section\n\n### Story\n\n#### Deeper\n");
  const json& outline = doc["outline"];
  REQUIRE(outline.size() == 4u);
  CHECK(outline[0]["kind"].get<std::string>() == "title");
  CHECK(outline[0]["title"].get<std::string>() == "The Title");
  CHECK(outline[1]["kind"].get<std::string>() == "section");
  CHECK(outline[2]["kind"].get<std::string>() == "story");
  CHECK(outline[3]["kind"].get<std::string>() == "heading");
  CHECK(outline[3]["level"].get<int>() == 4);
  CHECK(outline[3]["id"].get<std::string>() == "deeper");
  CHECK(outline[3]["line"].get<int>() == 7);
}

TEST_CASE("result meta_json and outline_json parse, also for HTML output", "[json]") {
  broadsheet::Result r = broadsheet::render("---\ntitle: T\nextra: [1, 2]\n---\n## Only\n");
  REQUIRE(r.ok());
  json meta = json::parse(r.meta_json);
  CHECK(meta["title"].get<std::string>() == "T");
  CHECK(meta["extra"].size() == 2u);
  json outline = json::parse(r.outline_json);
  REQUIRE(outline.size() == 1u);
  CHECK(outline[0]["line"].get<int>() == 5);  // counted from the top of the file, front matter included
}

TEST_CASE("sidecar_json carries warnings and the error", "[json]") {
  broadsheet::Result ok = broadsheet::render("::: mystery\nx\n:::\n");
  json side = json::parse(broadsheet::sidecar_json(ok));
  CHECK(side["error"].is_null());
  REQUIRE(side["warnings"].size() == 1u);
  CHECK(side["warnings"][0]["line"].get<int>() == 1);
  CHECK(side["warnings"][0]["message"].get<std::string>().find("mystery") != std::string::npos);
  CHECK(side["meta"].is_object());
  CHECK(side["outline"].is_array());

  broadsheet::Result bad = broadsheet::render("---\ntitle: a\n  b: c\n---\n");
  json failed = json::parse(broadsheet::sidecar_json(bad));
  REQUIRE(failed["error"].is_object());
  CHECK(failed["error"]["line"].get<int>() == 3);
  CHECK(failed["error"]["column"].get<int>() == 4);
}

// A heading that starts with a link takes its position from the link's URL (the link's own text comes
// later), so its section is on the heading's line, not on the line of the next text below.
TEST_CASE("a section whose heading is a link has the heading's line in the outline", "[json]") {
  json doc = render_json("Intro\n\n## [Linked section](https://x.org)\n\nBody\n");
  REQUIRE(doc["outline"].size() == 1u);
  CHECK(doc["outline"][0]["line"].get<int>() == 3);
}

// For the same reason a block whose first content is a link or an image (a paragraph holding only a
// link, a figure, a list item) still has a "line" in the json document.
TEST_CASE("blocks that start with a link or an image still carry a line", "[json]") {
  json doc = render_json("[Go](https://example.com)\n\n![Alt](pic.png)\n\n- [a](b)\n");
  const json& children = doc["document"]["children"];
  REQUIRE(children.size() == 3u);
  CHECK(children[0]["type"].get<std::string>() == "paragraph");
  CHECK(children[0].contains("line"));
  CHECK(children[1]["type"].get<std::string>() == "figure");
  CHECK(children[1].contains("line"));
  CHECK(find_node(children[2], "item").contains("line"));
}

TEST_CASE("json output writes < as \\u003c, so it can be inlined in a page's <script>", "[json][harden]") {
  broadsheet::Options o;
  o.format = broadsheet::Format::Json;
  o.allow_html = true;
  std::string markdown = "---\ntitle: \"</script><script>alert(1)</script>\"\n---\n\nText `</script>` and <!-- x --> </script>\n";
  broadsheet::Result r = broadsheet::render(markdown, o);
  REQUIRE(r.ok());
  CHECK(r.output.find('<') == std::string::npos);
  CHECK(r.meta_json.find('<') == std::string::npos);
  CHECK(test_helpers::contains(r.output, "\\u003c/script>"));
  // Still the same text once parsed.
  json parsed = json::parse(r.output);
  CHECK(parsed.dump().find("</script><script>alert(1)</script>") != std::string::npos);
}
