// core/entities: named and numeric character references decoded to UTF-8, over the front-coded table that
// cmake/entity_table.cmake builds from md4c's entity.c.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "core/entities.hpp"
#include "core/utf8.hpp"
#include "test_helpers.hpp"

using namespace broadsheet;

namespace {
std::string entity(std::string_view reference) {
  std::string out;
  append_entity(out, reference);
  return out;
}
}  // namespace

TEST_CASE("append_entity decodes every name in md4c's table to its code points", "[entities]") {
  // Read md4c's table independently of the generator and look every name up: a fault in the front coding,
  // the block search or the byte planes shows here with the name it breaks.
  std::string table = test_helpers::read_file(std::string(BROADSHEET_SOURCE_DIR) + "/third_party/md4c/src/entity.c");
  REQUIRE_FALSE(table.empty());
  std::regex row(R"re(\{ "(&[A-Za-z0-9]+;)", \{ (\d+), (\d+) \} \})re");
  std::size_t rows = 0;
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it, ++rows) {
    std::string expected;
    utf8::append(expected, static_cast<char32_t>(std::stoul((*it)[2])));
    if (auto second = std::stoul((*it)[3])) utf8::append(expected, static_cast<char32_t>(second));
    INFO((*it)[1].str());
    CHECK(entity((*it)[1].str()) == expected);
  }
  CHECK(rows == 2125);
}

TEST_CASE("append_entity: the first and last names, two code points, prefixes of other names", "[entities]") {
  CHECK(entity("&AElig;") == "\xC3\x86");                       // Æ, the first name in byte order
  CHECK(entity("&zwnj;") == "\xE2\x80\x8C");                    // U+200C, the last
  CHECK(entity("&zwj;") == "\xE2\x80\x8D");                     // U+200D, just before it
  CHECK(entity("&NotEqualTilde;") == "\xE2\x89\x82\xCC\xB8");  // U+2242 U+0338
  CHECK(entity("&fjlig;") == "fj");                            // two ASCII code points
  CHECK(entity("&sup;") == "\xE2\x8A\x83");                     // U+2283; "sup" begins sup1, supe, …
  CHECK(entity("&sup1;") == "\xC2\xB9");                        // ¹
  CHECK(entity("&supe;") == "\xE2\x8A\x87");                    // U+2287
  CHECK(entity("&supseteqq;") == "\xE2\xAB\x86");               // U+2AC6, the longer name after supseteq
  CHECK(entity("&Afr;") == "\xF0\x9D\x94\x84");                 // U+1D504: all three bytes of the code point
  CHECK(entity("&CounterClockwiseContourIntegral;") == "\xE2\x88\xB3");  // the longest name
}

TEST_CASE("append_entity keeps unknown names and wrong case verbatim", "[entities]") {
  CHECK(entity("&amp;") == "&");
  CHECK(entity("&AMP;") == "&");
  CHECK(entity("&Amp;") == "&Amp;");        // names are case-sensitive: no such name
  CHECK(entity("&AElIg;") == "&AElIg;");
  CHECK(entity("&su;") == "&su;");          // a prefix of names, not a name
  CHECK(entity("&supx;") == "&supx;");      // sorts inside a block, between two names
  CHECK(entity("&AAAA;") == "&AAAA;");      // before the first name
  CHECK(entity("&zzzz;") == "&zzzz;");      // after the last
  CHECK(entity("&zwnjx;") == "&zwnjx;");
  CHECK(entity("&sup\xC3\xA9;") == "&sup\xC3\xA9;");  // bytes above ASCII sort after every name's
  CHECK(entity("&CounterClockwiseContourIntegrals;") == "&CounterClockwiseContourIntegrals;");  // too long
  CHECK(entity("&nosuchentityatallnosuchentityatallnosuchentity;") ==
        "&nosuchentityatallnosuchentityatallnosuchentity;");
}

TEST_CASE("append_entity decodes numeric references", "[entities]") {
  CHECK(entity("&#35;") == "#");
  CHECK(entity("&#x1F600;") == "\xF0\x9F\x98\x80");
  CHECK(entity("&#X22;") == "\"");
  CHECK(entity("&#0;") == "\xEF\xBF\xBD");         // U+0000 becomes U+FFFD
  CHECK(entity("&#x110000;") == "\xEF\xBF\xBD");   // beyond Unicode
}

TEST_CASE("decode_entities decodes known references in attribute-like text and keeps the rest", "[entities]") {
  CHECK(decode_entities("a=1&amp;b=2&lt;&#x3E;") == "a=1&b=2<>");
  CHECK(decode_entities("&NotEqualTilde;&sup1;&sup;&supe;") == "\xE2\x89\x82\xCC\xB8\xC2\xB9\xE2\x8A\x83\xE2\x8A\x87");
  CHECK(decode_entities("&Amp; &nosuch; & &; &#; &#xZ; AT&T") == "&Amp; &nosuch; & &; &#; &#xZ; AT&T");
  CHECK(decode_entities("&amp") == "&amp");  // no ";"
  CHECK(decode_entities("&zwnj;&AElig;") == "\xE2\x80\x8C\xC3\x86");
}
