// core/locale: labels and dates in the issue's language, fallback, direction and overrides.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/locale.hpp"

using broadsheet::Label;
using broadsheet::LabelOverride;
using broadsheet::LabelProblem;
using broadsheet::Locale;
using broadsheet::TextDirection;

TEST_CASE("the table answers by BCP 47 tag, falling back subtag by subtag to English", "[locale]") {
  CHECK(Locale::resolve("").table() == "en");
  CHECK(Locale::resolve("en-GB").table() == "en");
  CHECK(Locale::resolve("pt-BR").table() == "pt");
  CHECK(Locale::resolve("pt_br").table() == "pt");
  CHECK(Locale::resolve("FR-ca").table() == "fr");
  CHECK(Locale::resolve("de-AT-1996").table() == "de");
  CHECK(Locale::resolve("es-419").table() == "es");
  CHECK(Locale::resolve("ar-EG").table() == "ar");
  CHECK(Locale::resolve("ja-JP").table() == "ja");
  CHECK(Locale::resolve("ko-KR").table() == "ko");
  CHECK(Locale::resolve("it-CH").table() == "it");
  CHECK(Locale::resolve("sv").table() == "en");       // no table: English
  CHECK(Locale::resolve("x-klingon").table() == "en");
  CHECK(Locale::resolve("-").table() == "en");
}

TEST_CASE("Chinese picks Simplified or Traditional from script, then region", "[locale]") {
  for (const char* tag : {"zh", "zh-Hans", "zh-CN", "zh-SG", "zh-Hans-HK", "cmn", "ZH-cn"})
    CHECK(Locale::resolve(tag).table() == "zh-Hans");
  for (const char* tag : {"zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-CN", "yue", "zh_tw"})
    CHECK(Locale::resolve(tag).table() == "zh-Hant");
  CHECK(Locale::resolve("zh-CN").label(Label::InThisIssue) == "本期内容");
  CHECK(Locale::resolve("zh-TW").label(Label::InThisIssue) == "本期內容");
}

TEST_CASE("every language has every label, and templates keep their placeholder", "[locale]") {
  std::vector<std::string_view> tables = broadsheet::locale_tables();
  for (const char* wanted : {"en", "zh-Hans", "zh-Hant", "ja", "ko", "es", "fr", "de", "pt", "it", "ar"})
    CHECK(std::find(tables.begin(), tables.end(), wanted) != tables.end());
  for (std::string_view table : tables) {
    Locale locale = Locale::resolve(table);
    REQUIRE(locale.table() == table);
    for (std::size_t i = 0; i < broadsheet::kLabelCount; ++i) {
      Label label = static_cast<Label>(i);
      INFO(std::string(table) << " " << std::string(broadsheet::label_key(label)));
      CHECK(!locale.label(label).empty());
      std::string_view placeholder = broadsheet::label_placeholder(label);
      if (!placeholder.empty()) CHECK(locale.label(label).find(placeholder) != std::string_view::npos);
      if (table != "en" && label != Label::ListSeparator && label != Label::Colon && label != Label::Links &&
          label != Label::Important && label != Label::Notes)
        CHECK(locale.label(label) != Locale::resolve("en").label(label));  // really translated
    }
  }
}

TEST_CASE("keys round-trip and templates are filled", "[locale]") {
  for (std::size_t i = 0; i < broadsheet::kLabelCount; ++i) {
    Label label = static_cast<Label>(i);
    CHECK(broadsheet::label_from_key(broadsheet::label_key(label)) == label);
  }
  CHECK(!broadsheet::label_from_key("In this issue"));
  CHECK(broadsheet::label_placeholder(Label::IssueNumber) == "{n}");
  CHECK(broadsheet::label_placeholder(Label::Byline) == "{authors}");
  CHECK(broadsheet::label_placeholder(Label::Sponsored).empty());

  CHECK(Locale::resolve("en").format(Label::IssueNumber, "17") == "Issue 17");
  CHECK(Locale::resolve("zh").format(Label::IssueNumber, "17") == "第17期");
  CHECK(Locale::resolve("ja").format(Label::IssueNumber, "17") == "第17号");
  CHECK(Locale::resolve("ko").format(Label::IssueNumber, "17") == "제17호");
  CHECK(Locale::resolve("de").format(Label::IssueNumber, "17") == "Ausgabe 17");
  CHECK(Locale::resolve("fr").format(Label::PhotoCredit, "AFP") == "Photo\u00A0: AFP");
  CHECK(Locale::resolve("es").format(Label::Byline, "Ana") == "Por Ana");
  CHECK(Locale::resolve("en").format(Label::Sponsored, "x") == "Sponsored");  // no placeholder: unchanged
}

TEST_CASE("dates are written as each language writes them", "[locale]") {
  CHECK(Locale::resolve("en").date(2021, 3, 4) == "4 March 2021");
  CHECK(Locale::resolve("zh-Hans").date(2021, 3, 4) == "2021年3月4日");
  CHECK(Locale::resolve("zh-TW").date(2021, 3, 4) == "2021年3月4日");
  CHECK(Locale::resolve("ja").date(2021, 3, 4) == "2021年3月4日");
  CHECK(Locale::resolve("ko").date(2021, 3, 4) == "2021년 3월 4일");
  CHECK(Locale::resolve("fr").date(2021, 3, 4) == "4 mars 2021");
  CHECK(Locale::resolve("fr").date(2021, 3, 1) == "1er mars 2021");
  CHECK(Locale::resolve("de").date(2021, 3, 4) == "4. März 2021");
  CHECK(Locale::resolve("es").date(2021, 3, 4) == "4 de marzo de 2021");
  CHECK(Locale::resolve("pt-BR").date(2021, 3, 4) == "4 de março de 2021");
  CHECK(Locale::resolve("it").date(2021, 3, 4) == "4 marzo 2021");
  CHECK(Locale::resolve("it").date(2021, 3, 1) == "1º marzo 2021");
  CHECK(Locale::resolve("ar").date(2021, 3, 4) == "٤ مارس ٢٠٢١");
  CHECK(Locale::resolve("en").date(2021, 12, 31) == "31 December 2021");
  CHECK(Locale::resolve("en").date(2024, 2, 29) == "29 February 2024");
}

TEST_CASE("the ISO form is read strictly; anything else comes back unchanged", "[locale]") {
  Locale fr = Locale::resolve("fr");
  CHECK(fr.date("2021-03-04") == "4 mars 2021");
  CHECK(fr.date("2021-02-29") == "2021-02-29");  // not a leap year
  CHECK(fr.date("2021-13-01") == "2021-13-01");
  CHECK(fr.date("2021-3-4") == "2021-3-4");
  CHECK(fr.date("next week") == "next week");
  CHECK(fr.date("") == "");
  CHECK(fr.date(2021, 2, 30) == "2021-02-30");
  CHECK(fr.date(0, 1, 1) == "0-01-01");
}

TEST_CASE("lists join with the language's separator and conjunction", "[locale]") {
  std::vector<std::string> one{"Ana"}, two{"Ana", "Ben"}, three{"Ana", "Ben", "Chloé"};
  CHECK(Locale::resolve("en").join({}) == "");
  CHECK(Locale::resolve("en").join(one) == "Ana");
  CHECK(Locale::resolve("en").join(two) == "Ana and Ben");
  CHECK(Locale::resolve("en").join(three) == "Ana, Ben and Chloé");
  CHECK(Locale::resolve("fr").join(three) == "Ana, Ben et Chloé");
  CHECK(Locale::resolve("de").join(two) == "Ana und Ben");
  std::vector<std::string> chinese{"王伟", "李娜", "张敏"};
  CHECK(Locale::resolve("zh").join(chinese) == "王伟、李娜和张敏");
  CHECK(Locale::resolve("ja").join(std::vector<std::string>{"佐藤", "鈴木"}) == "佐藤、鈴木");
  CHECK(Locale::resolve("ar").join(std::vector<std::string>{"أحمد", "سارة"}) == "أحمد وسارة");
  // Spanish "y" becomes "e" before the sound /i/.
  CHECK(Locale::resolve("es").join(std::vector<std::string>{"Ana", "Ignacio"}) == "Ana e Ignacio");
  CHECK(Locale::resolve("es").join(std::vector<std::string>{"Luis", "Hilda"}) == "Luis e Hilda");
  CHECK(Locale::resolve("es").join(std::vector<std::string>{"agua", "hielo"}) == "agua y hielo");
  CHECK(Locale::resolve("es").join(std::vector<std::string>{"Ana", "Pablo"}) == "Ana y Pablo");
}

TEST_CASE("writing direction: rtl for Arabic, Hebrew, Persian, Urdu and rtl scripts", "[locale]") {
  for (const char* tag : {"ar", "ar-EG", "he", "he-IL", "iw", "fa", "fa-IR", "ur", "ps", "yi", "ks-Arab", "pa-Arab"})
    CHECK(Locale::resolve(tag).direction() == TextDirection::Rtl);
  for (const char* tag : {"", "en", "zh", "ja", "ko", "fr", "az-Latn", "ur-Latn", "ar-Latn", "arn"})
    CHECK(Locale::resolve(tag).direction() == TextDirection::Ltr);
  CHECK(broadsheet::direction_name(broadsheet::text_direction("ar")) == "rtl");
  CHECK(broadsheet::direction_name(broadsheet::text_direction("de")) == "ltr");
  // A language without a table still gets its direction.
  CHECK(Locale::resolve("he").table() == "en");
}

TEST_CASE("overrides replace labels; unknown keys and lost placeholders are reported", "[locale]") {
  std::vector<LabelOverride> overrides{{"in_this_issue", "Inside"},
                                       {"sponsord", "Ad"},
                                       {"issue_number", "No. 5"},
                                       {"totally_unknown_key", "x"},
                                       {"sponsored", ""}};
  std::vector<LabelProblem> problems;
  Locale locale = Locale::resolve("fr", overrides, &problems);
  CHECK(locale.label(Label::InThisIssue) == "Inside");
  CHECK(locale.label(Label::Sponsored) == "");           // an empty override hides the label
  CHECK(locale.label(Label::Unsubscribe) == "Se désabonner");  // the rest stays French
  CHECK(locale.format(Label::IssueNumber, "17") == "No. 5");
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].key == "sponsord");
  CHECK(problems[0].message == "unknown label \"sponsord\" (did you mean \"sponsored\"?)");
  CHECK(problems[1].key == "issue_number");
  CHECK(problems[1].message.find("{n}") != std::string::npos);
  CHECK(problems[2].message == "unknown label \"totally_unknown_key\"");
  // Without a problem list the overrides still apply.
  CHECK(Locale::resolve("en", overrides).label(Label::InThisIssue) == "Inside");
  // An overridden conjunction is used as given, even in Spanish.
  std::vector<LabelOverride> conj{{"and", " & "}};
  CHECK(Locale::resolve("es", conj).join(std::vector<std::string>{"Ana", "Ignacio"}) == "Ana & Ignacio");
}

TEST_CASE("the first strong character decides a paragraph's direction", "[locale]") {
  using broadsheet::first_strong_direction;
  CHECK(first_strong_direction("Hello") == TextDirection::Ltr);
  CHECK(first_strong_direction("مرحبا بالعالم") == TextDirection::Rtl);
  CHECK(first_strong_direction("שלום") == TextDirection::Rtl);
  CHECK(first_strong_direction("2021: «مرحبا» hello") == TextDirection::Rtl);  // digits and quotes are neutral
  CHECK(first_strong_direction("١٢٣ hello") == TextDirection::Ltr);               // Arabic-Indic digits too
  CHECK(first_strong_direction("「中文」 عربي") == TextDirection::Ltr);            // CJK letters are ltr
  CHECK(first_strong_direction("😀 — ... مرحبا") == TextDirection::Rtl);
  CHECK(first_strong_direction("Überall") == TextDirection::Ltr);
  CHECK(!first_strong_direction("123 — 456!"));
  CHECK(!first_strong_direction(""));
}
