// core/front_matter: finding the YAML block, normalising known keys, passing unknown ones, error positions.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/front_matter.hpp"
#include "test_helpers.hpp"

using broadsheet::Diagnostic;
using broadsheet::FrontMatter;
using json = nlohmann::json;

namespace {

struct Parsed {
  FrontMatter fm;
  std::vector<Diagnostic> warnings;
  std::optional<Diagnostic> error;
  json meta() const { return json::parse(fm.meta_json); }
};

Parsed parse(std::string_view input) {
  Parsed p;
  p.error = broadsheet::parse_front_matter(input, p.fm, p.warnings);
  return p;
}

// The first warning whose message contains `fragment`, or nullptr.
const Diagnostic* warning(const Parsed& p, std::string_view fragment) {
  for (const auto& w : p.warnings)
    if (test_helpers::contains(w.message, fragment)) return &w;
  return nullptr;
}

}  // namespace

TEST_CASE("no front matter: the whole input is body", "[front_matter]") {
  Parsed p = parse("Good morning.\n\n## Briefs\n");
  CHECK_FALSE(p.error);
  CHECK_FALSE(p.fm.present);
  CHECK(p.fm.body_offset == 0u);
  CHECK(p.fm.meta_json == "{}");
  CHECK(p.warnings.empty());
}

TEST_CASE("a block closed by --- or ... ends where the body starts", "[front_matter]") {
  SECTION("closed by ---") {
    std::string input = "---\ntitle: Benches\n---\nGood morning.\n";
    Parsed p = parse(input);
    REQUIRE_FALSE(p.error);
    CHECK(p.fm.present);
    CHECK(p.fm.title == "Benches");
    CHECK(p.fm.body_offset == input.find("Good morning."));
  }
  SECTION("closed by ...") {
    std::string input = "---\ntitle: Benches\n...\nGood morning.\n";
    Parsed p = parse(input);
    CHECK(p.fm.present);
    CHECK(p.fm.body_offset == input.find("Good morning."));
  }
  SECTION("with a byte order mark and CRLF line ends") {
    std::string input = "\xEF\xBB\xBF---\r\ntitle: Benches\r\n---\r\nGood morning.\r\n";
    Parsed p = parse(input);
    CHECK(p.fm.present);
    CHECK(p.fm.title == "Benches");
    CHECK(p.fm.body_offset == input.find("Good morning."));
  }
  SECTION("an empty block") {
    std::string input = "---\n---\nBody\n";
    Parsed p = parse(input);
    CHECK(p.fm.present);
    CHECK(p.fm.meta_json == "{}");
    CHECK(p.fm.body_offset == input.find("Body"));
  }
}

TEST_CASE("an unclosed block is body text and nothing is lost", "[front_matter]") {
  std::string input = "---\ntitle: Never closed\n\nThe first paragraph.\n";
  Parsed p = parse(input);
  CHECK_FALSE(p.error);
  CHECK_FALSE(p.fm.present);
  CHECK(p.fm.body_offset == 0u);

  broadsheet::Result r = broadsheet::render(input);
  REQUIRE(r.ok());
  CHECK(test_helpers::contains(r.output, "title: Never closed"));
  CHECK(test_helpers::contains(r.output, "The first paragraph."));
}

TEST_CASE("known keys are normalised", "[front_matter]") {
  Parsed p = parse(
      "---\n"
      "title: The quiet return of the night bus\n"
      "issue: 87\n"
      "date: 2026-11-26\n"
      "authors:\n  - Marta Quintero\n  - Daniel Okafor\n"
      "description: Night buses are back.\n"
      "tags: night transit, fares ,  cycling\n"
      "lang: pt-BR\n"
      "dir: rtl\n"
      "---\n");
  REQUIRE_FALSE(p.error);
  json meta = p.meta();
  CHECK(p.fm.issue == "87");
  CHECK(meta["issue"].is_number_integer());
  CHECK(meta["issue"].get<int>() == 87);
  CHECK(p.fm.date == "2026-11-26");
  CHECK(meta["date"].get<std::string>() == "2026-11-26");
  const std::vector<std::string> authors = {"Marta Quintero", "Daniel Okafor"};
  const std::vector<std::string> tags = {"night transit", "fares", "cycling"};
  CHECK(p.fm.authors == authors);
  CHECK(meta["authors"].size() == 2u);
  CHECK(p.fm.preheader == "Night buses are back.");           // `description` is an alias
  CHECK(meta["preheader"].get<std::string>() == "Night buses are back.");
  CHECK_FALSE(meta.contains("description"));
  CHECK(p.fm.tags == tags);
  CHECK(p.fm.lang == "pt-BR");
  CHECK(p.fm.dir == "rtl");
  CHECK(p.warnings.empty());
}

TEST_CASE("a single author string becomes a one-item list", "[front_matter]") {
  Parsed p = parse("---\nauthor: Marta Quintero\n---\n");
  REQUIRE(p.fm.authors.size() == 1u);
  CHECK(p.fm.authors[0] == "Marta Quintero");
  json authors = p.meta()["authors"];
  REQUIRE(authors.is_array());
  REQUIRE(authors.size() == 1u);
  CHECK(authors[0].get<std::string>() == "Marta Quintero");
}

TEST_CASE("preheader wins over its description alias whatever the order", "[front_matter]") {
  for (const char* input : {"---\npreheader: P\ndescription: D\n---\n", "---\ndescription: D\npreheader: P\n---\n"}) {
    Parsed p = parse(input);
    CHECK(p.fm.preheader == "P");
    CHECK(p.meta()["preheader"].get<std::string>() == "P");
  }
}

TEST_CASE("dates: YYYY-MM-DD kept, other text shown as written with a warning at the key", "[front_matter]") {
  CHECK(parse("---\ndate: 2024-02-29\n---\n").fm.date == "2024-02-29");  // a leap day

  Parsed p = parse("---\ntitle: x\ndate: 2023-02-29\n---\n");
  CHECK(p.fm.date.empty());
  CHECK(p.fm.date_text == "2023-02-29");
  CHECK(p.meta()["date"].get<std::string>() == "2023-02-29");
  const Diagnostic* w = warning(p, "date");
  REQUIRE(w);
  CHECK(w->line == 3u);
  CHECK(w->column == 1u);

  CHECK(parse("---\ndate: next Thursday\n---\n").fm.date_text == "next Thursday");
}

TEST_CASE("hero as a mapping and as a plain string", "[front_matter]") {
  SECTION("mapping") {
    Parsed p = parse(
        "---\nhero:\n  src: https://example.org/bus.jpg\n  alt: A bus at night\n  caption: The 02:40\n"
        "  credit: Lena Hartmann\n  credit_url: https://example.org/lena\n---\n");
    REQUIRE(p.fm.hero);
    CHECK(p.fm.hero->src == "https://example.org/bus.jpg");
    CHECK(p.fm.hero->alt == "A bus at night");
    CHECK(p.fm.hero->caption == "The 02:40");
    CHECK(p.fm.hero->credit == "Lena Hartmann");
    CHECK(p.fm.hero->credit_url == "https://example.org/lena");
    json hero = p.meta()["hero"];
    CHECK(hero["src"].get<std::string>() == "https://example.org/bus.jpg");
    CHECK(hero["credit_url"].get<std::string>() == "https://example.org/lena");
    CHECK(p.warnings.empty());
  }
  SECTION("string: the src, with a warning that alt is missing") {
    Parsed p = parse("---\nhero: https://example.org/bus.jpg\n---\n");
    REQUIRE(p.fm.hero);
    CHECK(p.fm.hero->src == "https://example.org/bus.jpg");
    json hero = p.meta()["hero"];
    REQUIRE(hero.is_object());
    CHECK(hero["src"].get<std::string>() == "https://example.org/bus.jpg");
    CHECK(warning(p, "alt"));
  }
  SECTION("mapping without src is ignored with a warning") {
    Parsed p = parse("---\nhero:\n  alt: nothing to show\n---\n");
    CHECK_FALSE(p.fm.hero);
    CHECK_FALSE(p.meta().contains("hero"));
    CHECK(warning(p, "src"));
  }
}

TEST_CASE("values of the wrong type are ignored with a warning pointing at the key", "[front_matter]") {
  Parsed p = parse("---\ntitle: [a, b]\nlang: not a tag!\ndir: sideways\n---\n");
  REQUIRE_FALSE(p.error);
  CHECK(p.fm.title.empty());
  CHECK(p.fm.lang.empty());
  CHECK(p.fm.dir.empty());
  const Diagnostic* dir = warning(p, "`dir`");
  REQUIRE(dir);
  CHECK(dir->line == 4u);
  CHECK(p.warnings.size() == 3u);
}

TEST_CASE("unknown keys pass through unchanged", "[front_matter]") {
  Parsed p = parse(
      "---\nedition_note: Thursday list only\nsponsor:\n  name: Stowbox\n  tier: 2\nrecent: [86, 85]\n"
      "flag: true\n---\n");
  json meta = p.meta();
  CHECK(meta["edition_note"].get<std::string>() == "Thursday list only");
  CHECK(meta["sponsor"]["name"].get<std::string>() == "Stowbox");
  CHECK(meta["sponsor"]["tier"].get<int>() == 2);
  REQUIRE(meta["recent"].is_array());
  CHECK(meta["recent"][1].get<int>() == 85);
  CHECK(meta["flag"].get<bool>() == true);
}

TEST_CASE("YAML errors carry the file line and column", "[front_matter]") {
  struct Case {
    const char* input;
    std::uint32_t line, column;
  };
  // Lines count from the top of the file (the opening `---` is line 1); columns are code points.
  const Case cases[] = {
      {"---\ntitle: a\n  b: c\n---\n", 3, 4},                         // the ':' after b
      {"---\ntitle: [a, b\n---\nbody\n", 2, 8},                       // unclosed '[': where it opened
      {"---\ntitle: ok\n\n\nlist:\n  - a\n - b\n---\n", 7, 2},        // the badly indented '-'
      {"---\ntitle: \xC3\xA9: x\n---\n", 2, 9},                        // é counts as one column
      {"\xEF\xBB\xBF---\ntitle: ok\nbad: \"x\n---\n", 3, 6},           // unclosed quote, after a BOM
      {"---\na: 1\nb: *nope\n---\n", 3, 4},                           // unknown alias
  };
  for (const Case& c : cases) {
    INFO(c.input);
    Parsed p = parse(c.input);
    REQUIRE(p.error);
    CHECK(p.error->line == c.line);
    CHECK(p.error->column == c.column);
    CHECK_FALSE(p.error->message.empty());
  }
}

TEST_CASE("a YAML error stops the render", "[front_matter][render]") {
  broadsheet::Result r = broadsheet::render("---\ntitle: a\n  b: c\n---\nBody\n");
  CHECK_FALSE(r.ok());
  REQUIRE(r.error);
  CHECK(r.error->line == 3u);
  CHECK(r.error->column == 4u);
  CHECK(r.output.empty());
}

TEST_CASE("a block that is not a mapping is rendered as Markdown with a warning", "[front_matter]") {
  std::string input = "---\n- first\n- second\n---\nbody text\n";
  Parsed p = parse(input);
  CHECK_FALSE(p.error);
  CHECK_FALSE(p.fm.present);
  CHECK(p.fm.body_offset == 0u);
  REQUIRE(p.warnings.size() == 1u);
  CHECK(p.warnings[0].line == 1u);

  broadsheet::Result r = broadsheet::render(input);
  REQUIRE(r.ok());
  CHECK(test_helpers::contains(r.output, "first"));
  CHECK(test_helpers::contains(r.output, "second"));
  CHECK(test_helpers::contains(r.output, "body text"));
}

TEST_CASE("a NUL written as a YAML escape becomes U+FFFD in every output", "[front_matter][utf8]") {
  const std::string issue = "---\ntitle: \"T\\0x\"\nauthors: [\"a\\0b\"]\n---\n\nText\n";
  for (auto format : {broadsheet::Format::Html, broadsheet::Format::Json}) {
    broadsheet::Options options;
    options.format = format;
    auto result = broadsheet::render(issue, options);
    REQUIRE(result.ok());
    CHECK(result.output.find('\0') == std::string::npos);
    CHECK(result.output.find("T\xEF\xBF\xBDx") != std::string::npos);
    CHECK(result.meta_json.find('\0') == std::string::npos);
  }
}
