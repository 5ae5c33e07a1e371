// Deep nesting (found by the pathological suite: 100,000 nested `>` overflowed the native stack): the
// model nests at most Builder::kMaxNesting deep, deeper content joins the deepest node, nothing is lost.
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using test_helpers::contains;
using test_helpers::count;
using test_helpers::has_warning;

namespace {
std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

broadsheet::Result render_as(const std::string& markdown, broadsheet::Format format) {
  broadsheet::Options options;
  options.format = format;
  return broadsheet::render(markdown, options);
}
}  // namespace

TEST_CASE("100,000 nested block quotes render, capped, with their text", "[nesting]") {
  std::string markdown = repeat("> ", 100000) + "innermost\n";
  for (auto format : {broadsheet::Format::Html, broadsheet::Format::Json}) {
    auto result = render_as(markdown, format);
    REQUIRE(result.ok());
    CHECK(contains(result.output, "innermost"));
    CHECK(has_warning(result, "nests more than 200 levels"));
  }
  auto html = render_as(markdown, broadsheet::Format::Html).output;
  CHECK(count(html, "<blockquote>") < 200);
  CHECK(count(html, "<blockquote>") == count(html, "</blockquote>"));
}

TEST_CASE("deep emphasis, lists, links and unclosed directives stay within the cap", "[nesting]") {
  for (const std::string& markdown :
       {repeat("*", 50000) + "word" + repeat("*", 50000), repeat("_word ", 20000) + repeat(" word_", 20000),
        repeat("[", 50000) + "word" + repeat("](u)", 50000), repeat("::: note\n", 5000) + "word\n",
        [] {
          std::string list;
          for (int i = 0; i < 1000; ++i) list += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- word\n";
          return list;
        }()}) {
    for (auto format : {broadsheet::Format::Html, broadsheet::Format::Json}) {
      auto result = render_as(markdown, format);
      REQUIRE(result.ok());
      CHECK(contains(result.output, "word"));
    }
  }
}

TEST_CASE("a document just under the cap keeps every level", "[nesting]") {
  auto result = render_as(repeat("> ", 150) + "deep\n", broadsheet::Format::Html);
  REQUIRE(result.ok());
  CHECK(count(result.output, "<blockquote>") == 150);
  CHECK_FALSE(has_warning(result, "nests more than"));
}
