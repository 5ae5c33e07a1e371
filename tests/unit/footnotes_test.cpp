// core/footnotes: the pre-pass that finds `[^label]` references and `[^label]: text` definitions.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "core/footnotes.hpp"

using broadsheet::find_footnotes;
using broadsheet::FootnotePass;

namespace {

struct Scanned {
  std::string text;  // the rewritten buffer
  FootnotePass pass;
};

Scanned scan(std::string source) {
  Scanned out{source, {}};
  out.pass = find_footnotes(source, out.text.data());
  return out;
}

// 1-based line and column (bytes; the sources here are ASCII where it matters) of an offset.
std::pair<int, int> position(const std::string& text, std::uint32_t offset) {
  int line = 1, column = 1;
  for (std::uint32_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else ++column;
  }
  return {line, column};
}

}  // namespace

TEST_CASE("references become same-length entity tokens and definitions are blanked", "[footnotes]") {
  std::string source = "Rain fell.[^1] Then sun[^note].\n\n[^1]: The first.\n[^note]: The second.\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.changed);
  CHECK(s.text.size() == source.size());
  CHECK(s.text == "Rain fell.&fn; Then sun&fnnnn;.\n\n                \n                    \n");
  REQUIRE(s.pass.notes.size() == 2);
  CHECK(s.pass.notes[0].label == "1");
  CHECK(s.pass.notes[0].number == 1);
  CHECK(s.pass.notes[0].body == "The first.\n");
  CHECK(s.pass.notes[1].label == "note");
  CHECK(s.pass.notes[1].number == 2);
  REQUIRE(s.pass.references.size() == 2);
  CHECK(s.pass.references[0].container == -1);
  CHECK(s.pass.references[0].offset == 10);
  CHECK(s.pass.references[0].length == 4);
  CHECK(s.pass.references[0].note == 0);
  CHECK(s.pass.references[0].ordinal == 1);
  CHECK(s.pass.references[1].note == 1);
  CHECK(s.pass.warnings.empty());
  CHECK(broadsheet::footnote_token(4) == "&fn;");
  CHECK(broadsheet::footnote_token(3).empty());
  CHECK(broadsheet::footnote_token(51).empty());
}

TEST_CASE("notes are numbered by first reference, not by definition order", "[footnotes]") {
  Scanned s = scan("[^b]: Bee.\n[^a]: Ay.\n\nFirst[^a], then[^b], again[^a].\n");
  REQUIRE(s.pass.notes.size() == 2);
  CHECK(s.pass.notes[0].label == "a");
  CHECK(s.pass.notes[0].number == 1);
  CHECK(s.pass.notes[0].references == 2);
  CHECK(s.pass.notes[1].label == "b");
  REQUIRE(s.pass.references.size() == 3);
  CHECK(s.pass.references[2].note == 0);
  CHECK(s.pass.references[2].ordinal == 2);  // the second reference to [^a]: back-link id fnref-a-2
}

TEST_CASE("labels are case-insensitive and hold no spaces", "[footnotes]") {
  Scanned s = scan("See[^Note] and [^not a label].\n\n[^NOTE]: Body.\n");
  REQUIRE(s.pass.references.size() == 1);
  CHECK(s.text.find("[^not a label]") != std::string::npos);
  CHECK(s.pass.notes[0].references == 1);
}

TEST_CASE("a definition takes indented paragraphs, lists and code; lazy lines; blank lines kept",
          "[footnotes]") {
  std::string source =
      "Text.[^long]\n"
      "\n"
      "[^long]: First paragraph\n"
      "continues lazily.\n"
      "\n"
      "    Second paragraph.\n"
      "\n"
      "    - a list\n"
      "\n"
      "        code in the note\n"
      "\n"
      "After the note.\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.notes.size() == 1);
  CHECK(s.pass.notes[0].body ==
        "First paragraph\ncontinues lazily.\n\nSecond paragraph.\n\n- a list\n\n    code in the note\n");
  // Everything from `[^long]:` to the last indented line is blank now; "After the note." stays.
  CHECK(s.text.find("After the note.") == source.find("After the note."));
  CHECK(s.text.find("First") == std::string::npos);
  CHECK(s.text.find("code in the note") == std::string::npos);
  CHECK(std::count(s.text.begin(), s.text.end(), '\n') == std::count(source.begin(), source.end(), '\n'));
  // Body lines map back to the source.
  const auto& lines = s.pass.notes[0].body_lines;
  REQUIRE(lines.size() == 8);
  CHECK(lines[0].second == source.find("First"));
  CHECK(lines[3].second == source.find("Second"));
  CHECK(lines[1].second == source.find("continues"));
}

TEST_CASE("a definition ends at a block start or an unindented line after a blank", "[footnotes]") {
  Scanned s = scan("A[^1] B[^2]\n\n[^1]: One\n[^2]: Two\n# Heading\n\nText\n");
  REQUIRE(s.pass.notes.size() == 2);
  CHECK(s.pass.notes[0].body == "One\n");
  CHECK(s.pass.notes[1].body == "Two\n");
  CHECK(s.text.find("# Heading") != std::string::npos);
  CHECK(s.text.find("Text") != std::string::npos);
}

TEST_CASE("code fences, code spans, indented code and directive lines keep their text", "[footnotes]") {
  std::string source =
      "Real[^1] and `code [^1]` and ``two ` [^1]``.\n"
      "\n"
      "```\n"
      "[^1]\n"
      "[^1]: not a definition\n"
      "```\n"
      "\n"
      "    [^1] indented code\n"
      "\n"
      "::: callout [^1] title\n"
      "Inside[^1].\n"
      ":::\n"
      "\n"
      "Escaped \\[^1] and <http://x.example/[^1]> and [link](http://x.example/[^1]).\n"
      "\n"
      "[^1]: Note.\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.notes.size() == 1);
  CHECK(s.pass.notes[0].references == 2);  // "Real[^1]" and "Inside[^1]"
  CHECK(s.text.find("`code [^1]`") != std::string::npos);
  CHECK(s.text.find("``two ` [^1]``") != std::string::npos);
  CHECK(s.text.find("```\n[^1]\n[^1]: not a definition\n```") != std::string::npos);
  CHECK(s.text.find("    [^1] indented code") != std::string::npos);
  CHECK(s.text.find("::: callout [^1] title") != std::string::npos);
  CHECK(s.text.find("Inside&fn;.") != std::string::npos);
  CHECK(s.text.find("\\[^1]") != std::string::npos);
  CHECK(s.text.find("<http://x.example/[^1]>") != std::string::npos);
  CHECK(s.text.find("(http://x.example/[^1])") != std::string::npos);
  CHECK(s.pass.warnings.empty());
}

TEST_CASE("a code span may cross lines within a paragraph", "[footnotes]") {
  Scanned s = scan("Start `code\n[^1] still code` end[^1].\n\n[^1]: N.\n");
  REQUIRE(s.pass.references.size() == 1);
  CHECK(s.text.find("[^1] still code") != std::string::npos);
  CHECK(s.text.find("end&fn;.") != std::string::npos);
}

TEST_CASE("list items: indented lines are content, fences inside them are code", "[footnotes]") {
  Scanned s = scan("- item[^1]\n\n    more[^1]\n\n    ```\n    [^1]\n    ```\n\n[^1]: N.\n");
  REQUIRE(s.pass.notes.size() == 1);
  CHECK(s.pass.notes[0].references == 2);
  CHECK(s.text.find("    [^1]\n") != std::string::npos);
}

TEST_CASE("warnings: undefined, unused, duplicate, too long; with source positions", "[footnotes]") {
  std::string long_label(48, 'x');
  std::string source = "Line one[^missing].\nAnd[^used] and [^" + long_label + "].\n\n[^used]: U.\n[^USED]: Again.\n[^spare]: S.\n[^" +
                       long_label + "]: L.\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.warnings.size() == 5);
  auto at = [&](std::size_t i) { return position(source, s.pass.warnings[i].offset); };
  CHECK(s.pass.warnings[0].message == "footnote [^missing] is not defined; it is kept as text");
  CHECK(at(0) == std::make_pair(1, 9));
  CHECK(s.pass.warnings[1].message.find("longer than 47 bytes") != std::string::npos);
  CHECK(at(1) == std::make_pair(2, 16));
  CHECK(s.pass.warnings[2].message == "footnote [^USED] is defined twice; the first definition is used");
  CHECK(at(2) == std::make_pair(5, 1));
  CHECK(s.pass.warnings[3].message == "footnote [^spare] is defined but never referenced");
  CHECK(at(3) == std::make_pair(6, 1));
  CHECK(at(4) == std::make_pair(7, 1));  // the long label's definition is never referenced either
  CHECK(s.text.find("[^missing]") != std::string::npos);  // stays text
  // Unused notes come after the numbered ones, with number 0.
  REQUIRE(s.pass.notes.size() == 3);
  CHECK(s.pass.notes[0].label == "used");
  CHECK(s.pass.notes[1].number == 0);
  CHECK(s.pass.notes[2].number == 0);
}

TEST_CASE("references inside notes are numbered after the body's and map to the source", "[footnotes]") {
  std::string source = "A[^1].\n\n[^1]: See also[^2].\n[^2]: Deeper.\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.notes.size() == 2);
  CHECK(s.pass.notes[1].label == "2");
  CHECK(s.pass.notes[1].number == 2);
  CHECK(s.pass.notes[0].body == "See also&fn;.\n");
  REQUIRE(s.pass.references.size() == 2);
  CHECK(s.pass.references[1].container == 0);
  CHECK(s.pass.references[1].offset == 8);
  // A missing label inside a note is reported at its place in the source.
  std::string second = "A[^1].\n\n[^1]: See[^nope].\n";
  Scanned t = scan(second);
  REQUIRE(t.pass.warnings.size() == 1);
  CHECK(position(second, t.pass.warnings[0].offset) == std::make_pair(3, 10));
}

TEST_CASE("a reference followed by a link destination is a link; nothing to do without [^", "[footnotes]") {
  Scanned s = scan("[^1](http://example.com)\n\n[^1]: N.\n");
  CHECK(s.pass.references.empty());
  CHECK(s.pass.warnings.size() == 1);  // the definition is unused
  Scanned none = scan("No notes here [x] ^ [ ^1].\n");
  CHECK(!none.pass.changed);
  CHECK(none.text == "No notes here [x] ^ [ ^1].\n");
}

TEST_CASE("CRLF lines and CJK text", "[footnotes]") {
  std::string source = "中文注释[^注]。\r\n\r\n[^注]: 这是脚注。\r\n";
  Scanned s = scan(source);
  REQUIRE(s.pass.notes.size() == 1);
  CHECK(s.pass.notes[0].label == "注");
  CHECK(s.pass.notes[0].body == "这是脚注。\n");
  CHECK(s.text.size() == source.size());
  CHECK(s.text.find("\r\n\r\n") != std::string::npos);
}

TEST_CASE("hostile input stays linear and never reads out of bounds", "[footnotes]") {
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "[^a]";
  many += "\n\n[^a]: x\n";
  Scanned s = scan(many);
  CHECK(s.pass.references.size() == 20000);
  std::string ticks = "x " + std::string(50000, '`');
  ticks += "[^a]\n\n[^a]: x\n";
  Scanned t = scan(ticks);
  CHECK(t.pass.references.size() == 1);
  for (std::string edge : {"[^", "[^]", "[^a", "[^a]:", "\\", "`", "[^a]:\n    ", "<a", "](", "[^a]("})
    CHECK_NOTHROW(scan(edge));
}

TEST_CASE("random Markdown-ish input: same length, newlines kept, tokens where references are", "[footnotes]") {
  const std::string alphabet = "[^]:` \n\t>-*#~a1\\()<x_";
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7FFF; };
  for (int round = 0; round < 20000; ++round) {
    std::string source;
    std::size_t length = next() % 120;
    for (std::size_t i = 0; i < length; ++i) source += alphabet[next() % alphabet.size()];
    if (next() % 2) source += "\n\n[^a]: note [^x]\n";
    Scanned s = scan(source);
    INFO(source);
    REQUIRE(s.text.size() == source.size());
    for (std::size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n') REQUIRE(s.text[i] == '\n');
    for (const auto& ref : s.pass.references) {
      const std::string& where = ref.container < 0 ? s.text : s.pass.notes[ref.container].body;
      REQUIRE(ref.offset + ref.length <= where.size());
      CHECK(where.substr(ref.offset, ref.length) == broadsheet::footnote_token(ref.length));
      REQUIRE(ref.note < s.pass.notes.size());
      CHECK(s.pass.notes[ref.note].number > 0);
    }
    for (const auto& warning : s.pass.warnings) CHECK(warning.offset <= source.size());
  }
}
