// core/directives: the opening-line parser and the line pre-pass that finds `:::` blocks outside code.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/directives.hpp"
#include "test_helpers.hpp"

using namespace broadsheet;
using test_helpers::contains;

namespace {

struct Line {
  Directive d;
  std::vector<DirectiveProblem> problems;
  bool ok = false;
};

Line parse_line(std::string_view rest) {
  Line l;
  l.ok = parse_directive_line(rest, l.d, l.problems);
  return l;
}

std::string attribute(const Directive& d, const std::string& key) {
  for (const auto& [k, v] : d.attributes)
    if (k == key) return v;
  return "<absent>";
}

// Runs the pre-pass over `original` with the body starting at `base` (after any front matter).
struct Pass {
  std::string original;
  Document doc;
  DirectivePass pass;
  Pass(std::string text, std::uint32_t base = 0) : original(std::move(text)) {
    doc.source.set_original(original);
    pass = find_directives(std::string_view(original).substr(base), base, doc);
  }
  bool warned(std::string_view fragment) const {
    return std::any_of(doc.warnings.begin(), doc.warnings.end(),
                       [&](const Diagnostic& w) { return contains(w.message, fragment); });
  }
};

}  // namespace

TEST_CASE("parse_directive_line reads the name and the title", "[directives]") {
  Line l = parse_line("sponsor Lockers that open with your transit card");
  REQUIRE(l.ok);
  CHECK(l.d.name == "sponsor");
  CHECK(l.d.kind == DirectiveKind::Sponsor);
  CHECK(l.d.title == "Lockers that open with your transit card");
  CHECK(l.problems.empty());

  Line upper = parse_line("  NOTE  ");
  REQUIRE(upper.ok);
  CHECK(upper.d.name == "note");
  CHECK(upper.d.title.empty());
}

TEST_CASE("parse_directive_line classifies the known names", "[directives]") {
  CHECK(parse_line("sponsored").d.kind == DirectiveKind::Sponsor);
  CHECK(parse_line("cta").d.kind == DirectiveKind::Cta);
  CHECK(parse_line("callout").d.callout == "note");
  CHECK(parse_line("info").d.callout == "note");
  for (const char* kind : {"note", "tip", "important", "warning", "caution"}) {
    Line l = parse_line(kind);
    CHECK(l.d.kind == DirectiveKind::Callout);
    CHECK(l.d.callout == kind);
  }
  CHECK(parse_line("weird-box").d.kind == DirectiveKind::Unknown);
}

TEST_CASE("parse_directive_line rejects lines that are not a directive", "[directives]") {
  CHECK_FALSE(parse_line("").ok);
  CHECK_FALSE(parse_line("   ").ok);
  CHECK_FALSE(parse_line("2026 review").ok);  // a name starts with a letter
  CHECK_FALSE(parse_line("note: text").ok);
}

TEST_CASE("parse_directive_line reads {key=\"v\" .class #id} attributes", "[directives]") {
  Line l = parse_line("warning Strike dates are still moving {#strikes .compact data-kind=\"service-alert\" key='v' n=3}");
  REQUIRE(l.ok);
  CHECK(l.d.title == "Strike dates are still moving");
  CHECK(l.d.classes == "compact");
  CHECK(attribute(l.d, "id") == "strikes");
  CHECK(attribute(l.d, "data-kind") == "service-alert");
  CHECK(attribute(l.d, "data-key") == "v");  // other keys become harmless data- attributes
  CHECK(attribute(l.d, "data-n") == "3");
  CHECK(l.problems.empty());

  Line classes = parse_line("cta {.a .b class=\"c d\" id=\"subscribe\" lang=fr}");
  CHECK(classes.d.classes == "a b c d");
  CHECK(attribute(classes.d, "id") == "subscribe");
  CHECK(attribute(classes.d, "lang") == "fr");
  CHECK(classes.d.title.empty());

  Line titled = parse_line("note {title=\"From the attribute\"}");
  CHECK(titled.d.title == "From the attribute");
}

TEST_CASE("parse_directive_line drops unsafe attributes with a problem each", "[directives]") {
  Line l = parse_line("note Title {onclick=\"alert(1)\" style=\"color:red\" href=\"javascript:x\" src=y .ok}");
  REQUIRE(l.ok);
  CHECK(l.d.title == "Title");
  CHECK(l.d.classes == "ok");
  CHECK(l.d.attributes.empty());
  REQUIRE(l.problems.size() == 4u);
  CHECK(contains(l.problems[0].message, "directive attribute `onclick` is not allowed; it was dropped"));
  CHECK(contains(l.problems[1].message, "style"));
  CHECK(contains(l.problems[2].message, "href"));
  CHECK(contains(l.problems[3].message, "src"));
  // Each at its attribute: offsets in the text given.
  CHECK(l.problems[0].at == 12u);
  CHECK(l.problems[3].at == 69u);
}

TEST_CASE("a malformed attribute block stays in the title", "[directives]") {
  Line l = parse_line("note Prices {=oops}");
  REQUIRE(l.ok);
  CHECK(contains(l.d.title, "{=oops}"));
  CHECK(l.d.attributes.empty());
  CHECK(l.d.classes.empty());
  REQUIRE(l.problems.size() == 1u);
  CHECK(l.problems[0].at == 12u);
  CHECK(contains(l.problems[0].message, "the attribute block `{=oops}` could not be read"));
  CHECK(contains(l.problems[0].message, "it was kept in the title"));
}

TEST_CASE("find_directives leaves a body without directives alone", "[directives]") {
  Pass p("Just text.\n\n## A section\n");
  CHECK(p.pass.buffer.empty());
  CHECK(p.pass.markers.empty());
  CHECK(p.doc.directives.empty());
}

TEST_CASE("find_directives ignores ::: lines inside code", "[directives]") {
  for (const char* body : {"```text\n::: note\nx\n:::\n```\n", "~~~\n::: note\n:::\n~~~\n", "    ::: note\n    :::\n",
                           "- item\n\n  ```\n  ::: note\n  ```\n"}) {
    INFO(body);
    Pass p(body);
    CHECK(p.doc.directives.empty());
    CHECK(p.pass.markers.empty());
  }
  // A stray closing line with nothing open is left as text.
  Pass stray("text\n:::\n");
  CHECK(stray.pass.buffer.empty());
}

TEST_CASE("find_directives overwrites directive lines in place, keeping every offset", "[directives]") {
  std::string body = "Intro\n::: note Heads up {.x}\nInside text\n:::\nAfter\n";
  Pass p(body);
  REQUIRE(p.doc.directives.size() == 1u);
  CHECK(p.doc.directives[0].line == 2u);
  const std::string& buf = p.pass.buffer;
  REQUIRE(buf.size() == body.size());
  // Only the two directive lines changed; they became marker lines of the same length.
  std::size_t open = body.find("::: note"), close = body.find(":::\nAfter");
  CHECK(buf.substr(0, open) == body.substr(0, open));
  CHECK(buf.substr(open, 3) == "# D");
  CHECK(buf.find('\n', open) == body.find('\n', open));
  CHECK(buf.substr(body.find("Inside"), 12) == "Inside text\n");
  CHECK(buf.substr(close, 3) == "# D");
  CHECK(buf.substr(close + 4) == "After\n");
  REQUIRE(p.pass.markers.size() == 2u);
  CHECK(p.pass.markers[0].opens);
  CHECK(p.pass.markers[0].text_offset == open + 2);
  CHECK(buf[p.pass.markers[0].text_offset] == 'D');
  CHECK_FALSE(p.pass.markers[1].opens);
  CHECK(p.pass.markers[1].line == 4u);
  CHECK(p.pass.segments.empty());
}

TEST_CASE("find_directives nests :::: around :::", "[directives]") {
  Pass p(":::: cta Keep us going\n::: note\nInner\n:::\nOuter\n::::\n");
  REQUIRE(p.doc.directives.size() == 2u);
  CHECK(p.doc.directives[0].name == "cta");
  CHECK(p.doc.directives[1].name == "note");
  REQUIRE(p.pass.markers.size() == 4u);
  // open cta, open note, close note, close cta: properly nested.
  CHECK((p.pass.markers[0].opens && p.pass.markers[0].directive == 0u));
  CHECK((p.pass.markers[1].opens && p.pass.markers[1].directive == 1u));
  CHECK((!p.pass.markers[2].opens && p.pass.markers[2].directive == 1u));
  CHECK((!p.pass.markers[3].opens && p.pass.markers[3].directive == 0u));
  CHECK(p.doc.warnings.empty());
}

TEST_CASE("an unclosed directive is closed before the next ## heading", "[directives]") {
  std::string body = "::: note\nStill inside\n## Next section\nOutside\n";
  Pass p(body);
  REQUIRE(p.pass.markers.size() == 2u);
  const DirectiveMarker& close = p.pass.markers[1];
  CHECK_FALSE(close.opens);
  CHECK(close.inserted);
  std::size_t heading = p.pass.buffer.find("## Next section");
  REQUIRE(heading != std::string::npos);
  CHECK(close.text_offset < heading);
  CHECK(p.pass.buffer.substr(close.text_offset - 2, 4) == "# D\n");
  // The text after the inserted line maps back to where it is in the body.
  REQUIRE(p.pass.segments.size() == 1u);
  CHECK(p.pass.segments[0].first == heading);
  CHECK(p.pass.segments[0].second == body.find("## Next section"));
  CHECK(p.warned("not closed"));
}

TEST_CASE("an unclosed directive runs over ### headings to the end", "[directives]") {
  std::string body = "::: tip\nA\n### A story\nB\n";
  Pass p(body);
  REQUIRE(p.pass.markers.size() == 2u);
  CHECK(p.pass.markers[1].inserted);
  CHECK(p.pass.markers[1].text_offset > p.pass.buffer.find("B\n"));
  CHECK(p.warned("not closed"));
}

TEST_CASE("find_directives reports lines of the file and warnings for unknown names and attributes",
          "[directives]") {
  std::string file = "---\ntitle: x\n---\nIntro\n::: mystery {onclick=x}\nBody\n:::\n";
  auto base = static_cast<std::uint32_t>(file.find("Intro"));
  Pass p(file, base);
  REQUIRE(p.doc.directives.size() == 1u);
  CHECK(p.doc.directives[0].line == 5u);
  CHECK(p.warned("unknown directive `mystery`"));
  CHECK(p.warned("onclick"));
  for (const auto& w : p.doc.warnings) CHECK(w.line == 5u);
}

TEST_CASE("find_directives warns about an attribute at its own column", "[directives][attributes]") {
  Pass p("Intro\n  :::: note Title {.ok style=x}\nBody\n::::\n\n::: tip {.a\"}\n:::\n");
  REQUIRE(p.doc.warnings.size() == 2u);
  CHECK(p.doc.warnings[0].line == 2u);
  CHECK(p.doc.warnings[0].column == 24u);  // `style`
  CHECK(contains(p.doc.warnings[0].message, "directive attribute `style` is not allowed"));
  CHECK(p.doc.warnings[1].line == 6u);
  CHECK(p.doc.warnings[1].column == 9u);   // the block's `{`
  CHECK(contains(p.doc.warnings[1].message, "could not be read"));
}
