// Options::output_pieces: big HTML handed over in pieces while it is written must add up, byte for byte,
// to the output of the same render without pieces, in every mode; small output and other formats are
// not split.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "render/writer.hpp"
#include "test_helpers.hpp"

namespace {

struct Pieces {
  std::vector<std::string> pieces;
  std::string whole;
};

Pieces render_in_pieces(const std::string& markdown, broadsheet::Options options) {
  Pieces out;
  options.output_pieces = [&out](std::string_view piece) { out.pieces.emplace_back(piece); };
  broadsheet::Result result = broadsheet::render(markdown, options);
  REQUIRE(result.ok());
  for (const auto& piece : out.pieces) out.whole += piece;
  out.whole += result.output;
  return out;
}

std::string big_issue() {
  // Every example, many times over: sections, directives, raw HTML, tables, non-ASCII text.
  std::string issue = test_helpers::example("full.md");
  std::string body = issue.substr(issue.find("\n---\n", 4) + 5);
  for (int i = 0; i < 60; ++i) issue += "\n<div>raw <b>html</b>\n\n## Part " + std::to_string(i) + " é ✓\n\n" + body;
  return issue;
}

}  // namespace

TEST_CASE("HTML in pieces adds up to the HTML in one piece", "[pieces]") {
  const std::string issue = big_issue();
  REQUIRE(issue.size() > 4 * broadsheet::Writer::kPieceBytes);
  for (bool commonmark : {false, true})
    for (bool standalone : {false, true})
      for (bool allow_html : {false, true}) {
        broadsheet::Options options;
        options.commonmark = commonmark;
        options.standalone = standalone;
        options.allow_html = allow_html;
        CAPTURE(commonmark, standalone, allow_html);
        std::string whole = broadsheet::render(issue, options).output;
        Pieces split = render_in_pieces(issue, options);
        CHECK(split.pieces.size() > 3);
        CHECK(split.whole == whole);
        for (const auto& piece : split.pieces) CHECK(piece.size() >= broadsheet::Writer::kPieceBytes);
      }
}

TEST_CASE("small output and other formats come in one piece", "[pieces]") {
  broadsheet::Options options;
  Pieces small = render_in_pieces("# Hello\n\nA short issue.\n", options);
  CHECK(small.pieces.empty());
  CHECK(small.whole == broadsheet::render("# Hello\n\nA short issue.\n").output);
  const std::string issue = big_issue();
  for (auto format : {broadsheet::Format::Json, broadsheet::Format::Email, broadsheet::Format::Text}) {
    options.format = format;
    Pieces split = render_in_pieces(issue, options);
    CHECK(split.pieces.empty());
  }
}
