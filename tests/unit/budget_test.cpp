// Issue 15: budgets that keep memory, output and time proportional to the input, whatever the input.
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/builder.hpp"
#include "core/model.hpp"
#include "core/source_map.hpp"
#include "test_helpers.hpp"

using test_helpers::contains;
using test_helpers::has_warning;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// The 350-byte alias bomb: ten aliases of the level below, seven levels.
std::string alias_bomb() {
  std::string yaml = "---\nl0: &l0 [x,x,x,x,x,x,x,x,x,x]\n";
  for (int level = 1; level <= 6; ++level) {
    yaml += "l" + std::to_string(level) + ": &l" + std::to_string(level) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ",*l" : "*l") + std::to_string(level - 1);
    yaml += "]\n";
  }
  return yaml + "---\n\nBody\n";
}

const broadsheet::Format kFormats[] = {broadsheet::Format::Html, broadsheet::Format::Json, broadsheet::Format::Email,
                                       broadsheet::Format::Text};

broadsheet::Result render_as(const std::string& markdown, broadsheet::Format format) {
  broadsheet::Options o;
  o.format = format;
  return broadsheet::render(markdown, o);
}

}  // namespace

TEST_CASE("a YAML alias bomb is refused with a positioned error: aliases count what they expand to", "[budget][front_matter]") {
  std::string bomb = alias_bomb();
  REQUIRE(bomb.size() < 400);
  for (auto format : kFormats) {
    broadsheet::Result r = render_as(bomb, format);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error->line == 6);  // l4's line: its aliases take the count over the limit
    CHECK(r.error->column > 1);
    CHECK(contains(r.error->message, "aliases count every value they repeat"));
  }
  // Aliases that stay small still work.
  broadsheet::Result ok = render_as("---\nbase: &b [a, b]\ntags: *b\n---\n\nText\n", broadsheet::Format::Json);
  REQUIRE(ok.ok());
  CHECK(contains(ok.meta_json, "\"tags\":[\"a\",\"b\"]"));
}

TEST_CASE("an alias of a long text counts its bytes", "[budget][front_matter]") {
  std::string yaml = "---\ns: &s " + std::string(100000, 'x') + "\nl: [" ;
  for (int k = 0; k < 1000; ++k) yaml += (k ? ",*s" : "*s");
  yaml += "]\n---\n\nBody\n";
  broadsheet::Result r = render_as(yaml, broadsheet::Format::Json);
  REQUIRE_FALSE(r.ok());  // 100 MB of meta from 100 KB
  CHECK(r.error->line == 3);
  CHECK(contains(r.error->message, "bytes of values"));
}

TEST_CASE("45,000 front-matter keys in reverse order keep every key, sorted, each hint at its line", "[budget][front_matter]") {
  std::string yaml = "---\n";
  for (int k = 45000; k > 0; --k) yaml += "k" + std::to_string(100000 + k) + ": " + std::to_string(k) + "\n";
  yaml += "title: T\nk100007: again\n---\n\nBody\n";
  broadsheet::Result r = render_as(yaml, broadsheet::Format::Json);
  REQUIRE(r.ok());
  CHECK(r.meta_json.find("\"k100001\":1,\"k100002\":2,") != std::string::npos);
  CHECK(contains(r.meta_json, "\"k100007\":\"again\""));  // the last of a repeated key wins
  // Hints name the key's own line (k100001 is the last of the reversed keys: line 45001).
  bool found = false;
  for (const auto& w : r.warnings)
    if (contains(w.message, "`k100001`")) found = w.line == 45001 && w.column == 1;
  CHECK(found);
  CHECK(has_warning(r, "warnings; the rest are left out"));
  CHECK(r.warnings.size() <= 1002);
}

TEST_CASE("columns on a long line are counted in code points, not bytes, far from the line start", "[budget][source_map]") {
  broadsheet::SourceMap map;
  std::string line = repeat("é", 1000) + "x" + repeat("ab", 500) + "\n" + repeat("€", 300) + "y";
  map.set_original(line);
  CHECK(map.position(0) == std::make_pair(1u, 1u));
  CHECK(map.position(2000) == std::make_pair(1u, 1001u));           // the x after 1,000 two-byte é
  CHECK(map.position(2001 + 999) == std::make_pair(1u, 2001u));     // the last b
  std::uint32_t second = static_cast<std::uint32_t>(line.find('\n')) + 1;
  CHECK(map.position(second + 900) == std::make_pair(2u, 301u));    // the y after 300 three-byte €
  CHECK(map.position(second + 3) == std::make_pair(2u, 2u));
}

TEST_CASE("warnings far along one long line carry exact columns", "[budget][source_map]") {
  std::string markdown = repeat("é ![](a) ", 3000) + "\n";
  broadsheet::Result r = render_as(markdown, broadsheet::Format::Html);
  REQUIRE(r.ok());
  std::size_t checked = 0;
  for (const auto& w : r.warnings) {
    if (w.rule != "image-alt") continue;
    // Each repetition is 9 code points; the image's URL `a` is the 7th of them.
    CHECK((w.column - 7) % 9 == 0);
    ++checked;
  }
  CHECK(checked >= 900);
}

TEST_CASE("short table rows are not padded past the budget: the empty cells are left out with a warning", "[budget][table]") {
  std::string header = "|" + repeat("h|", 120) + "\n|" + repeat("-|", 120) + "\n";
  std::string markdown = header + repeat("x\n", 3000);
  broadsheet::Result r = render_as(markdown, broadsheet::Format::Html);
  REQUIRE(r.ok());
  CHECK(has_warning(r, "empty cells that would fill them are left out"));
  CHECK(test_helpers::count(r.output, "<td>x</td>") == 3000);  // no text lost
  CHECK(r.output.size() < 16 * markdown.size() + 1024 * 1024);
  // A small table keeps its padding (GFM).
  broadsheet::Result small = render_as("|a|b|c|\n|-|-|-|\n|x|\n", broadsheet::Format::Html);
  CHECK(test_helpers::count(small.output, "<td></td>") == 2);
  CHECK_FALSE(has_warning(small, "left out"));
}

TEST_CASE("a document denser than the node budget is refused with a positioned error, never cut short", "[budget]") {
  // One node per byte; 400 KB stays under md4c's block-list bound (patch 0004), which refuses more first.
  std::string markdown = repeat("a\n", 200 * 1024);
  for (auto format : kFormats) {
    broadsheet::Result r = render_as(markdown, format);
    REQUIRE_FALSE(r.ok());
    CHECK(r.output.empty());
    CHECK(r.error->line > 1000);
    CHECK(contains(r.error->message, "elements, the limit for an input of this size"));
  }
  // Ordinary prose of the same size renders.
  std::string prose = repeat("Some words of an ordinary paragraph, long enough to be typical.\n\n", 16000);
  CHECK(render_as(prose, broadsheet::Format::Json).ok());
  CHECK(broadsheet::Builder::node_budget(prose.size()) > prose.size() / 60);
}

TEST_CASE("output over the budget fails the render with an error in every format", "[budget]") {
  std::string markdown = repeat("## a\n", 10000);  // ~20-30 bytes of HTML per 5 bytes
  for (auto format : kFormats) {
    broadsheet::Options o;
    o.format = format;
    o.lint = false;
    o.max_output_bytes = 50000;
    broadsheet::Result r = broadsheet::render(markdown, o);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error->message, "the output is over the limit of 50000 bytes"));
    CHECK(r.output.empty());
    o.max_output_bytes = 0;  // the default: 16 × the input + 1 MiB, room for these two
    if (format == broadsheet::Format::Html || format == broadsheet::Format::Text) CHECK(broadsheet::render(markdown, o).ok());
  }
}

TEST_CASE("text: deeply nested quotes do not multiply the output", "[budget][text]") {
  std::string markdown = std::string(199, '>') + " " + repeat("a ", 200000) + "\n";
  broadsheet::Result r = render_as(markdown, broadsheet::Format::Text);
  REQUIRE(r.ok());
  CHECK(r.output.size() < 4 * markdown.size());
  CHECK(test_helpers::count(r.output, "a") >= 200000);  // every word kept
}

TEST_CASE("a wide header over very many short rows is refused past the cell budget, at a row", "[budget][table]") {
  std::string header = "|" + repeat("h|", 120) + "\n|" + repeat("-|", 120) + "\n";
  std::string markdown = header + repeat("x\n", 20000);  // 2,400,000 cells from 40 KB
  broadsheet::Result r = render_as(markdown, broadsheet::Format::Html);
  REQUIRE_FALSE(r.ok());
  CHECK(contains(r.error->message, "cells (counting the empty ones that pad short rows"));
  CHECK(r.error->line > 3);
}

// md4c patch 0003: a block past MD4C_MAX_MARKS inline marks fails the parse; the render names the paragraph,
// frees what it held (the sanitizer build checks), and the next render starts clean.
TEST_CASE("a paragraph past md4c's mark limit is refused at its line and column", "[budget]") {
  std::string markdown = "Intro.\n\n> " + repeat("![](a)", MD4C_MAX_MARKS / 4 + 10) + "\n\nAfter.\n";
  for (broadsheet::Format format : {broadsheet::Format::Html, broadsheet::Format::Json, broadsheet::Format::Email,
                                    broadsheet::Format::Text}) {
    broadsheet::Options options;
    options.format = format;
    broadsheet::Result result = broadsheet::render(markdown, options);
    REQUIRE_FALSE(result.ok());
    CHECK(result.output.empty());
    CHECK(result.error->line == 3);
    CHECK(result.error->column == 1);
    CHECK(contains(result.error->message, "the parser's limit of " + std::to_string(MD4C_MAX_MARKS)));
  }
  std::string under = repeat("[", (MD4C_MAX_MARKS - 10) / 3) + "\n";  // a '[' is three marks
  broadsheet::Result ok = broadsheet::render(under, {});
  REQUIRE(ok.ok());
  CHECK(ok.output.size() > under.size());
}

// The output budget is of the input as given: repairing invalid UTF-8 (one byte becomes three) must not
// raise it. Found by render_fuzzer (fuzz/regressions/render_fuzzer/output-budget-of-the-given-input).
TEST_CASE("the output budget counts the input as given, before UTF-8 repair", "[budget]") {
  std::string markdown = std::string(4000, '\xFF') + repeat("## a\n", 2000);
  broadsheet::Options options;
  options.format = broadsheet::Format::Email;
  broadsheet::Result result = broadsheet::render(markdown, options);
  if (result.ok()) {
    CHECK(result.output.size() <= 16 * markdown.size() + 1024 * 1024);
  } else {
    CHECK(contains(result.error->message, "over the limit of " + std::to_string(16 * markdown.size() + 1024 * 1024)));
  }
}

// Each directive holds about 300 bytes (the directive, two markers, three nodes): past 20,000 and one per
// 64 bytes of body the render stops at the line of the first directive over, so memory stays in budget.
TEST_CASE("more directives than the input's size allows are refused at the line past the limit", "[budget]") {
  std::string markdown = repeat("::: note\nx\n:::\n", 30000);
  std::size_t limit = 20000 + markdown.size() / 64;
  broadsheet::Result result = broadsheet::render(markdown, {});
  REQUIRE_FALSE(result.ok());
  CHECK(result.error->line == 3 * limit + 1);
  CHECK(result.error->column == 1);
  CHECK(contains(result.error->message, "more than " + std::to_string(limit) + " directives, the limit"));
  CHECK(broadsheet::render(repeat("::: note\nx\n:::\n", 5000), {}).ok());
}

// md4c patch 0004: md4c keeps every block and line until the document ends; lines of one or two characters
// cost it more than the input (4 MB of `a\n` peaked at 77 MiB). Past 2 bytes per input byte and 1 MiB the
// render is refused with a clear error; ordinary text is far below (8 bytes a line of 40 or more).
TEST_CASE("one-letter lines past md4c's block-list bound are refused as a limit", "[budget]") {
  for (std::string_view line : {"a\n", "## a\n", "x\n"}) {
    broadsheet::Result result = broadsheet::render(repeat(line, 1000000), {});
    REQUIRE_FALSE(result.ok());
    CHECK(contains(result.error->message, "more lines and blocks than the parser's limit"));
  }
  CHECK(broadsheet::render(repeat("- a\n", 30000), {}).ok());  // 30,000 one-letter items: within the 1 MiB base
  CHECK(broadsheet::render(repeat("A line of ordinary prose, as a newsletter has.\n\n", 60000), {}).ok());
}
