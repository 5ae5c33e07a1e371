// core/slug: GitHub-style slugs (github-slugger rules) and the IdRegistry that keeps ids unique.
#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>

#include "broadsheet/broadsheet.hpp"
#include "core/slug.hpp"
#include "test_helpers.hpp"

using broadsheet::IdRegistry;
using broadsheet::slugify;

TEST_CASE("slugify lower-cases, drops punctuation and turns spaces into '-'", "[slug]") {
  CHECK(slugify("The Big Story") == "the-big-story");
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("What's new?") == "whats-new");
  CHECK(slugify("Q&A: 2026") == "qa-2026");
  CHECK(slugify("v1.2.3") == "v123");
  CHECK(slugify("C++ & Go") == "c--go");          // each space is kept as a '-'
  CHECK(slugify("a - b") == "a---b");             // '-' is kept, runs are not collapsed
  CHECK(slugify("snake_case-name") == "snake_case-name");
  CHECK(slugify("(Parens) [brackets] {braces}") == "parens-brackets-braces");
  CHECK(slugify("") == "");
}

TEST_CASE("slugify keeps letters of every script", "[slug]") {
  CHECK(slugify("\xC3\x9C" "ber Caf\xC3\xA9s") == "\xC3\xBC" "ber-caf\xC3\xA9s");                     // Über Cafés
  CHECK(slugify("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\x9C\xD0\xB8\xD1\x80") ==   // Привет Мир
        "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82-\xD0\xBC\xD0\xB8\xD1\x80");             // привет-мир
  CHECK(slugify("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1 \xCE\xA3\xCE\xAE\xCE\xBC\xCE\xB5\xCF\x81\xCE\xB1") ==  // Αθήνα Σήμερα
        "\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1-\xCF\x83\xCE\xAE\xCE\xBC\xCE\xB5\xCF\x81\xCE\xB1");            // αθήνα-σήμερα
  // The example in docs/format.md: `## 駅ナカ の話` gets the id `駅ナカ-の話`.
  CHECK(slugify("\xE9\xA7\x85\xE3\x83\x8A\xE3\x82\xAB \xE3\x81\xAE\xE8\xA9\xB1") ==
        "\xE9\xA7\x85\xE3\x83\x8A\xE3\x82\xAB-\xE3\x81\xAE\xE8\xA9\xB1");
}

TEST_CASE("slugify drops non-ASCII punctuation and symbols", "[slug]") {
  // “Quoted” — text… : curly quotes, an em dash and an ellipsis go; only the spaces remain as '-'.
  CHECK(slugify("\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 text\xE2\x80\xA6") == "quoted--text");
  // 「引用」，中文 : CJK brackets and a fullwidth comma go.
  CHECK(slugify("\xE3\x80\x8C\xE5\xBC\x95\xE7\x94\xA8\xE3\x80\x8D\xEF\xBC\x8C\xE4\xB8\xAD\xE6\x96\x87") ==
        "\xE5\xBC\x95\xE7\x94\xA8\xE4\xB8\xAD\xE6\x96\x87");
  CHECK(slugify("Fares \xE2\x82\xAC\x32 \xC2\xA9 2026") == "fares-2--2026");  // Fares €2 © 2026
}

TEST_CASE("slugify drops emoji, including joiners and variation selectors", "[slug]") {
  CHECK(slugify("\xF0\x9F\x9A\x80 Launch") == "-launch");                                 // 🚀 Launch
  CHECK(slugify("\xE2\x9C\xA8New\xE2\x9C\xA8") == "new");                                  // ✨New✨
  CHECK(slugify("\xE2\x9D\xA4\xEF\xB8\x8F Love") == "-love");                             // ❤️ Love
  CHECK(slugify("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 Family") == "-family");     // 👩‍👧 Family
  CHECK(slugify("\xF0\x9F\x9A\x80") == "");
}

// github-slugger removes every Separator (Zs) except ' ', so a no-break space (U+00A0, e.g. from
// `&nbsp;` in a heading) disappears: "Issue\u00A087" -> "issue87".
TEST_CASE("slugify removes a no-break space like GitHub does", "[slug]") {
  CHECK(slugify("Issue\xC2\xA0" "87") == "issue87");
}

// github-slugger removes Other_Number characters (², ³, ¹, ½ …).
TEST_CASE("slugify removes superscripts and vulgar fractions like GitHub does", "[slug]") {
  CHECK(slugify("E = mc\xC2\xB2") == "e--mc");        // E = mc²
  CHECK(slugify("\xC2\xBD price") == "-price");       // ½ price
}

// GitHub lower-cases with String.prototype.toLowerCase: capitals outside the simple ranges (Greek with
// tonos, Ukrainian Ґ, Latin Ÿ) are lower-cased too.
TEST_CASE("slugify lower-cases capitals outside the simple ranges", "[slug]") {
  CHECK(slugify("\xCE\x86\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB7") == "\xCE\xAC\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB7");  // Άνοιξη -> άνοιξη
  CHECK(slugify("\xD2\x90\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xBA") == "\xD2\x91\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xBA");                  // Ґанок -> ґанок
  CHECK(slugify("\xC5\xB8" "es") == "\xC3\xBF" "es");                                                                        // Ÿes -> ÿes
}

TEST_CASE("IdRegistry numbers repeats -1, -2, ...", "[slug]") {
  IdRegistry ids("");
  CHECK(ids.unique("Briefs", "section") == "briefs");
  CHECK(ids.unique("Briefs", "section") == "briefs-1");
  CHECK(ids.unique("BRIEFS!", "section") == "briefs-2");
  CHECK(ids.contains("briefs-1"));
  CHECK_FALSE(ids.contains("briefs-3"));
}

TEST_CASE("IdRegistry avoids a literal heading that looks like a numbered repeat", "[slug]") {
  SECTION("the literal comes after the repeat") {
    IdRegistry ids("");
    CHECK(ids.unique("A", "section") == "a");
    CHECK(ids.unique("A", "section") == "a-1");
    CHECK(ids.unique("A-1", "section") == "a-1-1");
  }
  SECTION("the literal comes first") {
    IdRegistry ids("");
    CHECK(ids.unique("A-1", "section") == "a-1");
    CHECK(ids.unique("A", "section") == "a");
    CHECK(ids.unique("A", "section") == "a-2");
  }
}

TEST_CASE("IdRegistry applies the prefix and falls back when the slug is empty", "[slug]") {
  IdRegistry ids("i87-");
  CHECK(ids.prefix() == "i87-");
  CHECK(ids.unique("The Big Story", "section") == "i87-the-big-story");
  CHECK(ids.contains("i87-the-big-story"));
  CHECK_FALSE(ids.contains("the-big-story"));
  CHECK(ids.unique("\xF0\x9F\x9A\x80", "section") == "i87-section");  // 🚀 only
  CHECK(ids.unique("!!!", "section") == "i87-section-1");
  CHECK(ids.unique("", "story") == "i87-story");
  CHECK(ids.unique("Section", "story") == "i87-section-2");  // a real heading named like the fallback
}

TEST_CASE("IdRegistry stays unique (and finishes) for 20,000 identical headings", "[slug]") {
  IdRegistry ids("");
  std::unordered_set<std::string> seen;
  std::string last;
  for (int i = 0; i < 20000; ++i) {
    last = ids.unique("Same", "section");
    seen.insert(last);
  }
  CHECK(seen.size() == 20000u);
  CHECK(last == "same-19999");
}

TEST_CASE("20,000 identical section headings render with unique ids", "[slug][render]") {
  std::string markdown;
  for (int i = 0; i < 20000; ++i) markdown += "## Same\n\n";
  broadsheet::Result result = broadsheet::render(markdown);
  REQUIRE(result.ok());
  CHECK(test_helpers::count(result.output, "<section ") == 20000u);
  CHECK(test_helpers::contains(result.output, "id=\"same\""));
  CHECK(test_helpers::contains(result.output, "id=\"same-19999\""));
  CHECK_FALSE(test_helpers::contains(result.output, "id=\"same-20000\""));
}
