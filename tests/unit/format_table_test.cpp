// The format table is the one place that knows a format's facts: the public descriptions the CLIs print
// and the behaviour those facts drive (a page by default, the inbox preview and mail-client URL checks).
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using namespace broadsheet;
using test_helpers::has_warning;

TEST_CASE("format_descriptions follows the table: names, order, summaries, page forms", "[formats]") {
  std::vector<FormatDescription> described = format_descriptions();
  std::vector<std::string_view> names = format_names();
  REQUIRE(described.size() == names.size());
  for (std::size_t k = 0; k < names.size(); ++k) {
    INFO(names[k]);
    CHECK(described[k].name == names[k]);
    CHECK(parse_format(described[k].name) == described[k].format);
    CHECK_FALSE(described[k].summary.empty());
    CHECK(described[k].standalone == (described[k].format == Format::Html));
  }
}

TEST_CASE("lint checks what each format's row asks for", "[formats][lint]") {
  auto warnings_for = [](Format format, std::string_view markdown) {
    Options options;
    options.format = format;
    return render(markdown, options);
  };
  // No front matter: the preheader matters only where an inbox shows it (email, text).
  CHECK(has_warning(warnings_for(Format::Text, "Hello.\n"), "no preheader"));
  CHECK(has_warning(warnings_for(Format::Email, "Hello.\n"), "no preheader"));
  CHECK_FALSE(has_warning(warnings_for(Format::Html, "Hello.\n"), "no preheader"));
  // A relative URL breaks only in a mail client.
  CHECK(has_warning(warnings_for(Format::Email, "[Read](/a)\n"), "is relative"));
  CHECK_FALSE(has_warning(warnings_for(Format::Text, "[Read](/a)\n"), "is relative"));
}
