// render_in_place (the wasm binding and the CLI) must give exactly what render() gives, in every format,
// whether the directive markers fit over their lines (written in place) or not (an unclosed directive
// needs an inserted line, so a copy is made).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

namespace {

// Returns whether the markers were written into the scratch copy (rather than into a copy of their own).
bool check_same(const std::string& markdown) {
  bool written_in_place = false;
  for (auto format : {broadsheet::Format::Html, broadsheet::Format::Json, broadsheet::Format::Email, broadsheet::Format::Text})
    for (bool allow_html : {false, true}) {
      broadsheet::Options options;
      options.format = format;
      options.allow_html = allow_html;
      broadsheet::Result copied = broadsheet::render(markdown, options);
      std::string scratch = markdown;
      broadsheet::Result in_place = broadsheet::render_in_place(scratch.data(), scratch.size(), options);
      CHECK(in_place.output == copied.output);
      CHECK(broadsheet::sidecar_json(in_place) == broadsheet::sidecar_json(copied));
      written_in_place = written_in_place || scratch != markdown;
    }
  return written_in_place;
}

}  // namespace

TEST_CASE("render_in_place renders every fixture and example as render does", "[in-place]") {
  std::size_t files = 0, marked_in_place = 0;
  for (const char* dir : {"/tests/fixtures", "/examples"})
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BROADSHEET_SOURCE_DIR) + dir)) {
      if (entry.path().extension() != ".md") continue;
      CAPTURE(entry.path().string());
      marked_in_place += check_same(test_helpers::read_file(entry.path().string())) ? 1 : 0;
      ++files;
    }
  CHECK(files > 50);
  CHECK(marked_in_place > 10);
}

TEST_CASE("render_in_place: markers in HTML blocks, unclosed directives, invalid UTF-8 and NUL", "[in-place]") {
  CHECK(check_same("::: note\ntext\n:::\n"));
  CHECK_FALSE(check_same("::: note\ntext\n"));  // unclosed: the closing marker needs a line of its own
  for (const std::string& markdown : {
           std::string("::: sponsor Acme {.wide}\nBuy **now** é.\n:::\n\n<div>\n::: note\nraw\n:::\n</div>\n"),
           std::string("## One\n\n::: cta Go\n[Read](https://example.com)\n\n## Two\n\ntext\n"),  // closed by an inserted line
           std::string("  ::: callout   Indented  \n  text\n  :::\r\n"),
           std::string("::: note \xff\n\ttext\0more\n:::\n", 24),
       }) {
    CAPTURE(markdown);
    check_same(markdown);
  }
}
