// No layout shift: an image's size from `{width=… height=…}` after it and the hero's from front matter,
// and the loading hints of web HTML (the hero fetched first, later images lazily and decoded off-thread).
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using broadsheet::Format;
using broadsheet::Options;
using broadsheet::Result;
using test_helpers::contains;
using test_helpers::count;
using test_helpers::has_warning;

namespace {

Result render(std::string_view markdown, Format format = Format::Html) {
  Options options;
  options.format = format;
  Result r = broadsheet::render(markdown, options);
  REQUIRE(r.ok());
  return r;
}

}  // namespace

TEST_CASE("a size block after an image sets its width and height", "[image-size]") {
  Result r = render("Text ![pier](p.jpg){width=640 height=360} more.\n");
  CHECK(contains(r.output, "<img src=\"p.jpg\" alt=\"pier\" width=\"640\" height=\"360\" loading=\"lazy\" decoding=\"async\"> more."));
  CHECK_FALSE(contains(r.output, "{width"));
  CHECK(r.warnings.empty());

  Result only_height = render("![a](a.png){height=10000 width=1}\n");
  CHECK(contains(only_height.output, "<figure class=\"bs-figure\"><img src=\"a.png\" alt=\"a\" width=\"1\" height=\"10000\""));
  Result only_width = render("![a](a.png){width=800}\n");
  CHECK(contains(only_width.output, "alt=\"a\" width=\"800\" loading=\"lazy\""));
}

TEST_CASE("an invalid size block stays text, with a warning at the attribute", "[image-size][attributes]") {
  // The block, the warning's column (the block starts at 16) and what it says.
  struct Case {
    std::string block;
    std::uint32_t column;
    std::string says;
  };
  const std::string number = "image attribute `width` should be a whole number of pixels from 1 to 10000";
  for (const Case& c : {Case{"{width=0}", 17, number}, Case{"{width=-5}", 17, number},
                        Case{"{width=10001}", 17, number}, Case{"{width=wide}", 17, number},
                        Case{"{width=012}", 17, number}, Case{"{width=1.5}", 17, number},
                        Case{"{height=}", 17, "image attribute `height` should be a whole number"},
                        Case{"{width=10 width=20}", 26, "image attribute `width` is given twice"},
                        Case{"{width=10 depth=3}", 26, "image attribute `depth` is not one an image takes"},
                        Case{"{width=10 .big}", 26, "image attribute `.big` is not one an image takes"},
                        Case{"{width=10", 16, "the attribute block `{width=10 here.` could not be read"},
                        Case{"{width=10 =}", 16, "the attribute block `{width=10 =}` could not be read"}}) {
    INFO(c.block);
    Result r = render("Line one.\n\nSee ![a](a.png)" + c.block + " here.\n");
    CHECK(contains(r.output, c.block.substr(1)));  // the block as written (escaped text)
    CHECK_FALSE(contains(r.output, "width=\"1"));
    REQUIRE(r.warnings.size() == 1u);
    CHECK(contains(r.warnings.front().message, c.says));
    CHECK(contains(r.warnings.front().message, "the block was left as text"));
    CHECK(r.warnings.front().line == 3);
    CHECK(r.warnings.front().column == c.column);
  }
}

TEST_CASE("a size block reads as any attribute block: quotes, tabs, spaces", "[image-size][attributes]") {
  Result r = render("![a](a.png){width=\"640\"\theight='360' }\n");
  CHECK(contains(r.output, "width=\"640\" height=\"360\""));
  CHECK(r.warnings.empty());
}

TEST_CASE("other braces after an image, or a size block not right after it, are plain text", "[image-size]") {
  Result r = render("![a](a.png){.class} and ![b](b.png) {width=10}\n");
  CHECK(contains(r.output, "{.class}"));
  CHECK(contains(r.output, "{width=10}"));
  CHECK(count(r.output, "width=\"") == 0);
  CHECK(r.warnings.empty());
  // After a link it is not an image's size either.
  Result link = render("[a](https://example.com){width=10}\n");
  CHECK(contains(link.output, "{width=10}"));
}

TEST_CASE("the size block is dropped from every format", "[image-size]") {
  const char* md = "Text ![pier](https://example.com/p.jpg){width=640 height=360} more.\n";
  for (Format format : {Format::Email, Format::Text, Format::Json}) {
    Result r = render(md, format);
    CHECK_FALSE(contains(r.output, "{width="));
    CHECK_FALSE(contains(r.output, "height=360"));
  }
}

TEST_CASE("the hero gets its size and fetchpriority, later images are lazy", "[image-size]") {
  Result r = render("---\ntitle: T\nhero:\n  src: https://example.com/h.jpg\n  alt: H\n  width: 1200\n  height: 630\n---\n\n"
                    "![later](https://example.com/l.jpg)\n");
  CHECK(contains(r.output, "<img class=\"bs-hero-image\" src=\"https://example.com/h.jpg\" alt=\"H\" width=\"1200\" "
                           "height=\"630\" fetchpriority=\"high\">"));
  CHECK(count(r.output, "fetchpriority") == 1);
  CHECK(contains(r.output, "alt=\"later\" loading=\"lazy\" decoding=\"async\">"));

  Result unsized = render("---\nhero: https://example.com/h.jpg\n---\n\nx\n");
  CHECK(contains(unsized.output, "alt=\"\" fetchpriority=\"high\">"));
}
