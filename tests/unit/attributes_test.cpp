// core/attributes: the one attribute-block grammar, and the same warnings for it wherever it is written
// (a directive's line, after a link, after an image).
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/attributes.hpp"
#include "test_helpers.hpp"

using namespace broadsheet;
using test_helpers::contains;

namespace {

Result render_html(std::string_view markdown) {
  Options options;
  options.format = Format::Html;
  Result r = render(markdown, options);
  REQUIRE(r.ok());
  return r;
}

}  // namespace

TEST_CASE("read_attribute_block reads classes, ids, keys and values", "[attributes]") {
  AttributeBlock b = read_attribute_block("{#top .a.b\tkey=v q=\"x y\" s='}' flag data-x:y.z=1} after");
  REQUIRE(b.ok());
  CHECK(b.length == 49u);
  REQUIRE(b.attributes.size() == 8u);
  CHECK(b.attributes[0].kind == Attribute::Kind::Id);
  CHECK(b.attributes[0].name == "top");
  CHECK(b.attributes[0].at == 1u);
  CHECK(b.attributes[1].kind == Attribute::Kind::Class);
  CHECK(b.attributes[1].name == "a");
  CHECK(b.attributes[2].name == "b");  // no space needed between two classes
  CHECK(b.attributes[3].kind == Attribute::Kind::Pair);
  CHECK(b.attributes[3].name == "key");
  CHECK(b.attributes[3].value == "v");
  CHECK(b.attributes[4].value == "x y");
  CHECK(b.attributes[5].value == "}");  // a quoted brace does not close the block
  CHECK(b.attributes[6].name == "flag");
  CHECK(b.attributes[6].value.empty());
  CHECK(b.attributes[7].name == "data-x:y.z");
  CHECK(attribute_label(b.attributes[0]) == "#top");
  CHECK(attribute_label(b.attributes[1]) == ".a");
  CHECK(attribute_label(b.attributes[3]) == "key");

  AttributeBlock unquoted = read_attribute_block("{width=640}");
  REQUIRE(unquoted.ok());
  CHECK(unquoted.attributes[0].value == "640");  // an unquoted value stops at the brace
  CHECK(read_attribute_block("{}").length == 2u);
}

TEST_CASE("read_attribute_block refuses malformed blocks, keeping what it read", "[attributes]") {
  for (const char* text : {"", "x{.a}", "{.a", "{.}", "{#}", "{=x}", "{1a=b}", "{.a \"b\"}", "{k=\"open}",
                           "{k='open}", "{.a!}"}) {
    INFO(text);
    CHECK_FALSE(read_attribute_block(text).ok());
  }
  AttributeBlock partial = read_attribute_block("{width=10 =}");
  CHECK_FALSE(partial.ok());
  REQUIRE(partial.attributes.size() == 1u);
  CHECK(partial.attributes[0].name == "width");
}

TEST_CASE("attribute warnings share one wording", "[attributes]") {
  CHECK(attribute_problem("link", ".big", "is not one a link takes", "the block was left as text") ==
        "link attribute `.big` is not one a link takes; the block was left as text");
  CHECK(malformed_block_problem("{.a", "it was kept in the title") ==
        "the attribute block `{.a` could not be read (expected {.class #id key=\"value\"}); it was kept in the title");
}

TEST_CASE("{.button} is read by the grammar: spaces allowed, anything else warns", "[attributes]") {
  Result spaced = render_html("[Join](https://example.com/join){ .button }\n");
  CHECK(contains(spaced.output, "class=\"bs-button\">Join</a>"));
  CHECK(spaced.warnings.empty());

  Result extra = render_html("Go:\n[Join](https://example.com/join){.button #x} now\n");
  CHECK(contains(extra.output, "{.button #x} now"));
  CHECK_FALSE(contains(extra.output, "bs-button"));
  REQUIRE(extra.warnings.size() == 1u);
  CHECK(extra.warnings[0].message ==
        "link attribute `#x` is not one a link takes ({.button}); the block was left as text");
  CHECK(extra.warnings[0].line == 2u);
  CHECK(extra.warnings[0].column == 42u);

  Result unclosed = render_html("[Join](https://example.com/join){.button\n");
  CHECK(contains(unclosed.output, "{.button"));
  REQUIRE(unclosed.warnings.size() == 1u);
  CHECK(contains(unclosed.warnings[0].message, "the attribute block `{.button` could not be read"));
  CHECK(unclosed.warnings[0].column == 33u);

  // A block that does not open with `.button` is prose, as before: no warning.
  Result prose = render_html("[Join](https://example.com/join){see below} and [x](y){.buttons}\n");
  CHECK(contains(prose.output, "{see below}"));
  CHECK(contains(prose.output, "{.buttons}"));
  CHECK(prose.warnings.empty());
}
