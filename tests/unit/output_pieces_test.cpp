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
  for (auto format : {broadsheet::Format::Json, broadsheet::Format::Text}) {
    options.format = format;
    Pieces split = render_in_pieces(issue, options);
    CHECK(split.pieces.empty());
  }
}

// The email is HTML too, and as big: it comes in pieces (its whole never sits in wasm memory).
TEST_CASE("email in pieces adds up to the email in one piece", "[pieces]") {
  const std::string issue = big_issue();
  for (bool allow_html : {false, true}) {
    broadsheet::Options options;
    options.format = broadsheet::Format::Email;
    options.allow_html = allow_html;
    CAPTURE(allow_html);
    broadsheet::Result whole = broadsheet::render(issue, options);
    Pieces split = render_in_pieces(issue, options);
    CHECK(split.pieces.size() > 3);
    CHECK(split.whole == whole.output);
    // The size lint (Gmail clips over 102 KB) counts every piece, not the last one only.
    options.output_pieces = [](std::string_view) {};
    broadsheet::Result pieced = broadsheet::render(issue, options);
    auto clipped = [](const broadsheet::Result& r) {
      for (const auto& w : r.warnings)
        if (w.message.find("Gmail clips") != std::string::npos) return w.message;
      return std::string();
    };
    CHECK_FALSE(clipped(whole).empty());
    CHECK(clipped(pieced) == clipped(whole));
  }
}

TEST_CASE("output handed over in pieces counts against the output cap", "[pieces]") {
  const std::string issue = big_issue();
  for (auto format : {broadsheet::Format::Html, broadsheet::Format::Email}) {
    broadsheet::Options options;
    options.format = format;
    std::size_t size = broadsheet::render(issue, options).output.size();
    options.max_output_bytes = size;
    CHECK(render_in_pieces(issue, options).whole.size() == size);
    options.max_output_bytes = size - 1;
    std::size_t handed = 0;
    options.output_pieces = [&handed](std::string_view piece) { handed += piece.size(); };
    broadsheet::Result refused = broadsheet::render(issue, options);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error->message == "the output is over the limit of " + std::to_string(size - 1) +
                                        " bytes (option maxOutputBytes)");
    CHECK(handed <= size - 1);  // nothing past the cap was handed over
  }
}
