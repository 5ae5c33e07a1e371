// core/utf8: validation, repair of invalid input to U+FFFD, encoding and decoding of code points.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "core/utf8.hpp"

using namespace broadsheet;

namespace {
const std::string R(utf8::kReplacement);  // U+FFFD as UTF-8
}

TEST_CASE("utf8::is_valid accepts well-formed text", "[utf8]") {
  CHECK(utf8::is_valid(""));
  CHECK(utf8::is_valid("plain ASCII, longer than eight bytes"));
  CHECK(utf8::is_valid("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
  CHECK(utf8::is_valid("\xF4\x8F\xBF\xBF"));                          // U+10FFFF, the last code point
  CHECK(utf8::is_valid("\xED\x9F\xBF"));                              // U+D7FF, just below the surrogates
}

TEST_CASE("utf8::is_valid rejects malformed sequences", "[utf8]") {
  CHECK_FALSE(utf8::is_valid("\x80"));                  // lone continuation byte
  CHECK_FALSE(utf8::is_valid("\xFF"));                  // never valid
  CHECK_FALSE(utf8::is_valid("\xC0\xAF"));              // overlong '/'
  CHECK_FALSE(utf8::is_valid("\xE0\x80\xAF"));          // overlong, 3 bytes
  CHECK_FALSE(utf8::is_valid("\xF0\x80\x80\xAF"));      // overlong, 4 bytes
  CHECK_FALSE(utf8::is_valid("\xED\xA0\x80"));          // U+D800, a surrogate
  CHECK_FALSE(utf8::is_valid("\xF4\x90\x80\x80"));      // U+110000, above the range
  CHECK_FALSE(utf8::is_valid("ok \xE2\x82"));           // truncated at the end
  CHECK_FALSE(utf8::is_valid("\xE2\x82 then text"));    // truncated in the middle
  // The ASCII fast path skips eight bytes at a time: an error right after a long ASCII run is still seen.
  CHECK_FALSE(utf8::is_valid("0123456789abcdef\xC3"));
}

TEST_CASE("utf8::repaired leaves valid text untouched", "[utf8]") {
  std::string text = "Ardmoor \xE9\xA7\x85\xE3\x83\x8A\xE3\x82\xAB \xF0\x9F\x9A\x8C";  // 駅ナカ 🚌
  CHECK(utf8::repaired(text) == text);
  CHECK(utf8::repaired("") == "");
}

TEST_CASE("utf8::repaired replaces each invalid byte with U+FFFD", "[utf8]") {
  CHECK(utf8::repaired("a\xFF" "b") == "a" + R + "b");
  CHECK(utf8::repaired("\x80\x80") == R + R);
  // Overlongs and surrogates: no prefix of them is valid, so each byte is replaced (Unicode 3.9 practice).
  CHECK(utf8::repaired("\xC0\xAF") == R + R);
  CHECK(utf8::repaired("\xE0\x80\xAF") == R + R + R);
  CHECK(utf8::repaired("\xED\xA0\x80") == R + R + R);
  CHECK(utf8::repaired("\xF4\x90\x80\x80") == R + R + R + R);
  // Valid text around the damage survives.
  CHECK(utf8::repaired("caf\xC3\xA9\xFF\xC3\xA9") == "caf\xC3\xA9" + R + "\xC3\xA9");
}

TEST_CASE("utf8::repaired output is always valid", "[utf8]") {
  std::vector<std::string> inputs = {"\xFF\xFE", "\xC3", "abc\xE2\x82", "\xF0\x9F\x98", "\xED\xBF\xBF",
                                     "0123456789\xC0\x80 more ascii after", std::string("\xF5\x80\x80\x80")};
  for (const auto& input : inputs) {
    INFO("input bytes: " << input.size());
    CHECK(utf8::is_valid(utf8::repaired(input)));
    CHECK_FALSE(utf8::repaired(input) == input);
  }
}

// A truncated sequence (a valid lead byte and valid continuation bytes, then the end or a byte that
// cannot continue it) is one "maximal subpart" and becomes ONE U+FFFD (Unicode 3.9, as the WHATWG
// TextDecoder on the JS side does).
TEST_CASE("utf8::repaired replaces a truncated sequence with one U+FFFD", "[utf8]") {
  CHECK(utf8::repaired("a\xE2\x82") == "a" + R);         // € missing its last byte
  CHECK(utf8::repaired("\xF0\x9F\x98z") == R + "z");    // 😀 missing its last byte
}

TEST_CASE("utf8::append encodes code points", "[utf8]") {
  auto encode = [](char32_t cp) {
    std::string out;
    utf8::append(out, cp);
    return out;
  };
  CHECK(encode(U'A') == "A");
  CHECK(encode(0x7F) == "\x7F");
  CHECK(encode(0x80) == "\xC2\x80");
  CHECK(encode(0xE9) == "\xC3\xA9");
  CHECK(encode(0x7FF) == "\xDF\xBF");
  CHECK(encode(0x800) == "\xE0\xA0\x80");
  CHECK(encode(0x20AC) == "\xE2\x82\xAC");
  CHECK(encode(0xFFFF) == "\xEF\xBF\xBF");
  CHECK(encode(0x10000) == "\xF0\x90\x80\x80");
  CHECK(encode(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(encode(0x10FFFF) == "\xF4\x8F\xBF\xBF");
}

TEST_CASE("utf8::append writes U+FFFD for NUL, surrogates and out-of-range values", "[utf8]") {
  for (char32_t cp : {char32_t(0), char32_t(0xD800), char32_t(0xDFFF), char32_t(0x110000), char32_t(0xFFFFFFFF)}) {
    std::string out = "x";
    utf8::append(out, cp);
    CHECK(out == "x" + R);
  }
}

TEST_CASE("utf8::next decodes and advances; append and next round-trip", "[utf8]") {
  std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  std::size_t i = 0;
  CHECK(utf8::next(text, i) == U'a');
  CHECK(i == 1u);
  CHECK(utf8::next(text, i) == char32_t(0xE9));
  CHECK(i == 3u);
  CHECK(utf8::next(text, i) == char32_t(0x20AC));
  CHECK(i == 6u);
  CHECK(utf8::next(text, i) == char32_t(0x1F600));
  CHECK(i == text.size());

  for (char32_t cp : {char32_t(1), char32_t(0x7F), char32_t(0x80), char32_t(0x7FF), char32_t(0x800),
                      char32_t(0xD7FF), char32_t(0xE000), char32_t(0xFFFD), char32_t(0x10000), char32_t(0x10FFFF)}) {
    std::string encoded;
    utf8::append(encoded, cp);
    std::size_t at = 0;
    CHECK(utf8::next(encoded, at) == cp);
    CHECK(at == encoded.size());
  }
}

TEST_CASE("utf8::next returns U+FFFD for a sequence cut off by the end", "[utf8]") {
  std::string text = "\xE2\x82";
  std::size_t i = 0;
  CHECK(utf8::next(text, i) == char32_t(0xFFFD));
  CHECK(i == 1u);  // moves on by one byte, never past the end
}

TEST_CASE("utf8::count_code_points counts characters, not bytes", "[utf8]") {
  CHECK(utf8::count_code_points("") == 0u);
  CHECK(utf8::count_code_points("abc") == 3u);
  CHECK(utf8::count_code_points("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == 4u);
  CHECK(utf8::count_code_points("\xE9\xA7\x85\xE3\x83\x8A\xE3\x82\xAB") == 3u);  // 駅ナカ
}

TEST_CASE("NUL becomes U+FFFD everywhere, code spans and blocks included", "[utf8]") {
  const std::string markdown = std::string("Text\0 `co\0de`\n\n    in\0dented\n\n```\nfen\0ced\n```\n", 46);
  for (bool commonmark : {false, true}) {
    broadsheet::Options options;
    options.commonmark = commonmark;
    auto result = broadsheet::render(markdown, options);
    REQUIRE(result.ok());
    CHECK(result.output.find('\0') == std::string::npos);
    CHECK(result.output.find("co\xEF\xBF\xBD" "de") != std::string::npos);
    CHECK(result.output.find("fen\xEF\xBF\xBD" "ced") != std::string::npos);
  }
}
