// core/line_scanner: the lines and block starts both line pre-passes (directives, footnotes) see.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/line_scanner.hpp"

using namespace broadsheet;

TEST_CASE("LineCursor gives each line's content end, newline and next start", "[line-scanner]") {
  std::string_view text = "a\r\nbc\n\nlast\r";
  std::vector<Line> lines;
  Line line;
  for (LineCursor cursor(text); cursor.next(line);) lines.push_back(line);
  REQUIRE(lines.size() == 4u);
  CHECK((lines[0].begin == 0 && lines[0].end == 1 && lines[0].newline == 2 && lines[0].next == 3));
  CHECK((lines[1].begin == 3 && lines[1].end == 5 && lines[1].newline == 5 && lines[1].next == 6));
  CHECK((lines[2].begin == 6 && lines[2].end == 6 && lines[2].next == 7));
  CHECK((lines[3].begin == 7 && lines[3].end == 11 && lines[3].newline == 12 && lines[3].next == 12));
  CHECK_FALSE(LineCursor("").next(line));
}

TEST_CASE("indentation: spaces only, or columns with tabs", "[line-scanner]") {
  CHECK(leading_spaces("  \tx") == 2u);
  Indent indent = indent_of("  \tx");
  CHECK(indent.columns == 4u);
  CHECK(indent.bytes == 3u);
  CHECK(is_blank(" \t\r"));
  CHECK_FALSE(is_blank(" x"));
}

TEST_CASE("code fences open and close as md4c reads them", "[line-scanner]") {
  Fence backticks = fence_opener("````js");
  CHECK(backticks.mark == '`');
  CHECK(backticks.length == 4u);
  CHECK(fence_opener("~~~ a`b").mark == '~');  // a tilde fence's info string may hold backticks
  CHECK(fence_opener("``` a`b").mark == 0);
  CHECK(fence_opener("``").mark == 0);
  CHECK(closes_fence("`````  \r", backticks));
  CHECK_FALSE(closes_fence("```", backticks));
  CHECK_FALSE(closes_fence("```` x", backticks));
}

TEST_CASE("list markers, directive colons and ATX headings", "[line-scanner]") {
  CHECK(list_marker_length("- x") == 1u);
  CHECK(list_marker_length("123456789) x") == 10u);
  CHECK(list_marker_length("1234567890. x") == 0u);  // at most 9 digits
  CHECK(list_marker_length("12 x") == 0u);
  CHECK(directive_colons(":::: note") == 4u);
  CHECK(directive_colons(":: note") == 0u);
  CHECK(atx_heading_level("## A") == 2u);
  CHECK(atx_heading_level("######") == 6u);
  CHECK(atx_heading_level("####### A") == 0u);
  CHECK(atx_heading_level("#A") == 0u);
}
