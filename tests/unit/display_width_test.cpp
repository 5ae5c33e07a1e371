// The display-width table, word wrapping at 78 columns, URL resolution and word counts.
#include <catch2/catch.hpp>

#include <string>

#include "core/display_width.hpp"
#include "core/word_count.hpp"
#include "render/resolve_url.hpp"
#include "render/wrap.hpp"

using broadsheet::code_point_width;
using broadsheet::display_width;

namespace {

std::string wrapped(std::string_view text, std::size_t width, std::string_view first = "", std::string_view rest = "") {
  std::string out;
  broadsheet::wrap_text(text, width, first, rest, out);
  return out;
}

// Every line of `text` fits `width` display columns.
bool fits(const std::string& text, std::size_t width) {
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (display_width(std::string_view(text).substr(start, end - start)) > width) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

TEST_CASE("width table: wide and fullwidth characters take two columns", "[width]") {
  CHECK(code_point_width(U'a') == 1);
  CHECK(code_point_width(U'é') == 1);
  CHECK(code_point_width(U'€') == 1);
  CHECK(code_point_width(U'—') == 1);
  CHECK(code_point_width(U'駅') == 2);     // CJK ideograph
  CHECK(code_point_width(U'ナ') == 2);     // katakana
  CHECK(code_point_width(U'한') == 2);     // hangul syllable
  CHECK(code_point_width(U'「') == 2);     // CJK punctuation
  CHECK(code_point_width(U'Ａ') == 2);     // fullwidth Latin
  CHECK(code_point_width(U'ｱ') == 1);      // halfwidth katakana
  CHECK(code_point_width(U'🎉') == 2);     // emoji presentation
  CHECK(code_point_width(U'\u0301') == 0); // combining acute
  CHECK(code_point_width(U'\u200B') == 0); // zero-width space
  CHECK(code_point_width(U'\U00020000') == 2);  // CJK extension B
  CHECK(display_width("駅ナカ") == 6u);
  CHECK(display_width("e\xCC\x81t\xC3\xA9") == 3u);  // e + combining accent, t, é
  CHECK(display_width("共享单车 bikes") == 14u);
}

TEST_CASE("wrap: fills lines up to the width and never splits a word", "[wrap]") {
  std::string text = "Boardings between midnight and five in the morning are up by more than half compared with the "
                     "same weeks last year, according to figures the transport authority published on Monday.";
  std::string out = wrapped(text, 78);
  CHECK(fits(out, 78));
  CHECK(out == "Boardings between midnight and five in the morning are up by more than half\n"
               "compared with the same weeks last year, according to figures the transport\n"
               "authority published on Monday.\n");
  CHECK(wrapped("a b", 78) == "a b\n");
  CHECK(wrapped("   ", 78).empty());
}

TEST_CASE("wrap: prefixes on the first and following lines, forced breaks kept", "[wrap]") {
  CHECK(wrapped("one two three four", 10, "- ", "  ") == "- one two\n  three\n  four\n");
  CHECK(wrapped("first\nsecond", 78, "> ", "> ") == "> first\n> second\n");
}

TEST_CASE("wrap: a word longer than the line stays whole on its own line", "[wrap]") {
  std::string url = "https://example.com/partners/stowbox?utm_source=curbside&utm_medium=email&utm_campaign=87";
  std::string out = wrapped("See " + url + " today", 40);
  CHECK(out == "See\n" + url + "\ntoday\n");
}

TEST_CASE("wrap: CJK text counts two columns a character and breaks between characters", "[wrap]") {
  std::string line = "終電を逃しても駅の中なら寂しくない終電を逃しても駅の中なら寂しくない";  // 34 characters, 68 columns
  std::string out = wrapped(line, 20);
  CHECK(fits(out, 20));
  CHECK(out.rfind("終電を逃しても駅の中\n", 0) == 0);  // 10 characters = 20 columns
  // Closing punctuation never starts a line, opening brackets never end one.
  std::string quote = wrapped("「終電を逃しても、駅の中なら寂しくない。」", 16);
  CHECK(fits(quote, 16));
  for (std::size_t nl = quote.find('\n'); nl != std::string::npos && nl + 1 < quote.size(); nl = quote.find('\n', nl + 1)) {
    std::string next = quote.substr(nl + 1, 3);
    CHECK(next != "、");
    CHECK(next != "。");
    CHECK(next != "」");
  }
  // Mixed text: "共享单车" is 8 columns, so a 78-column line holds less of it than of Latin text.
  std::string mixed = wrapped(std::string(70, 'x') + " 共享单车", 78);
  CHECK(fits(mixed, 78));
  CHECK(mixed == std::string(70, 'x') + " 共享单\n车\n");
}

TEST_CASE("resolve_url: relative URLs against the canonical URL", "[email]") {
  using broadsheet::resolve_url;
  std::string base = "https://example.com/issues/87-night-bus?ref=x#top";
  CHECK(resolve_url("/issues/86", base) == "https://example.com/issues/86");
  CHECK(resolve_url("images/a.jpg", base) == "https://example.com/issues/images/a.jpg");
  CHECK(resolve_url("?page=2", base) == "https://example.com/issues/87-night-bus?page=2");
  CHECK(resolve_url("//cdn.example.net/a.png", base) == "https://cdn.example.net/a.png");
  CHECK(resolve_url("https://other.org/x", base) == "https://other.org/x");
  CHECK(resolve_url("mailto:a@b.c", base) == "mailto:a@b.c");
  CHECK(resolve_url("#section", base) == "#section");
  CHECK(resolve_url("/issues/86", "") == "/issues/86");
  CHECK(resolve_url("a.jpg", "https://example.com") == "https://example.com/a.jpg");
}

TEST_CASE("word counts: Latin words, CJK characters, punctuation ignored", "[stats]") {
  using broadsheet::count_words;
  CHECK(count_words("") == 0u);
  CHECK(count_words("The quiet return of the night bus.") == 7u);
  CHECK(count_words("don't — stop; 2026-11-26") == 5u);  // don't, stop, 2026, 11, 26
  CHECK(count_words("駅ナカ (ekinaka)") == 4u);
  CHECK(count_words("Café naïve") == 2u);
  CHECK(broadsheet::reading_minutes(0) == 0u);
  CHECK(broadsheet::reading_minutes(1) == 1u);
  CHECK(broadsheet::reading_minutes(230) == 1u);
  CHECK(broadsheet::reading_minutes(231) == 2u);
}
