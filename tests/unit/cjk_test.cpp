// CJK-friendly emphasis: md4c's MD_FLAG_CJKFRIENDLY (tools/patches/md4c/0001-cjk-friendly-emphasis.patch),
// driven directly, and through broadsheet::render in newsletter and CommonMark modes.
#include <catch2/catch.hpp>

#include <md4c.h>

#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "test_helpers.hpp"

using test_helpers::contains;

namespace {

// md4c's events as a compact HTML-like string: <em>, <strong>, <del>, <code>, <a>, <p>, text.
struct Recorder {
  std::string out;
};

const char* span_name(MD_SPANTYPE type) {
  switch (type) {
    case MD_SPAN_EM: return "em";
    case MD_SPAN_STRONG: return "strong";
    case MD_SPAN_DEL: return "del";
    case MD_SPAN_CODE: return "code";
    case MD_SPAN_A: return "a";
    case MD_SPAN_IMG: return "img";
    default: return "span";
  }
}

std::string events(std::string_view markdown, unsigned flags) {
  MD_PARSER parser{};
  parser.flags = flags;
  parser.enter_block = [](MD_BLOCKTYPE type, void*, void* data) {
    static_cast<Recorder*>(data)->out += "[b" + std::to_string(type) + "]";
    return 0;
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void*, void* data) {
    static_cast<Recorder*>(data)->out += "[/b" + std::to_string(type) + "]";
    return 0;
  };
  parser.enter_span = [](MD_SPANTYPE type, void*, void* data) {
    static_cast<Recorder*>(data)->out += std::string("<") + span_name(type) + ">";
    return 0;
  };
  parser.leave_span = [](MD_SPANTYPE type, void*, void* data) {
    static_cast<Recorder*>(data)->out += std::string("</") + span_name(type) + ">";
    return 0;
  };
  parser.text = [](MD_TEXTTYPE, const MD_CHAR* text, MD_SIZE size, void* data) {
    static_cast<Recorder*>(data)->out.append(text, size);
    return 0;
  };
  Recorder recorder;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &recorder);
  return recorder.out;
}

// Inline content of a one-paragraph document, with CJK-friendly rules (GFM dialect, as newsletter mode).
std::string cjk(std::string_view markdown) {
  std::string out = events(markdown, MD_DIALECT_GITHUB | MD_FLAG_CJKFRIENDLY);
  std::string open = "[b" + std::to_string(MD_BLOCK_P) + "]";
  std::size_t from = out.find(open);
  std::size_t to = out.rfind("[/b" + std::to_string(MD_BLOCK_P) + "]");
  if (from == std::string::npos || to == std::string::npos) return out;
  return out.substr(from + open.size(), to - from - open.size());
}

std::string strict(std::string_view markdown) {
  std::string out = events(markdown, MD_DIALECT_GITHUB);
  std::string open = "[b" + std::to_string(MD_BLOCK_P) + "]";
  std::size_t from = out.find(open);
  std::size_t to = out.rfind("[/b" + std::to_string(MD_BLOCK_P) + "]");
  if (from == std::string::npos || to == std::string::npos) return out;
  return out.substr(from + open.size(), to - from - open.size());
}

// The examples of the CommonMark spec that md4c's tests carry: every `example` block of spec.txt.
std::vector<std::string> spec_examples() {
  std::string spec = test_helpers::read_file(std::string(BROADSHEET_SOURCE_DIR) + "/node_modules/commonmark-spec/spec.txt");
  std::vector<std::string> out;
  const std::string fence(32, '`');
  std::size_t at = 0;
  while ((at = spec.find(fence + " example\n", at)) != std::string::npos) {
    std::size_t begin = spec.find('\n', at) + 1;
    std::size_t dot = spec.find("\n.\n", begin - 1);
    if (dot == std::string::npos) break;
    std::string markdown = spec.substr(begin, dot + 1 - begin);
    for (std::size_t arrow; (arrow = markdown.find("\xE2\x86\x92")) != std::string::npos;) markdown.replace(arrow, 3, "\t");
    out.push_back(markdown);
    at = dot;
  }
  return out;
}

}  // namespace

TEST_CASE("the three sentences of issue 16 get their emphasis", "[cjk]") {
  CHECK(cjk("**中文「引号」**测试。") == "<strong>中文「引号」</strong>测试。");
  CHECK(cjk("这是**重要。**的内容") == "这是<strong>重要。</strong>的内容");
  CHECK(cjk("日本語の**「強調」**です。") == "日本語の<strong>「強調」</strong>です。");
  // ...which the strict rules leave as text.
  CHECK(strict("**中文「引号」**测试。") == "**中文「引号」**测试。");
  CHECK(strict("这是**重要。**的内容") == "这是**重要。**的内容");
  CHECK(strict("日本語の**「強調」**です。") == "日本語の**「強調」**です。");
}

TEST_CASE("examples of the cjk-friendly specification", "[cjk]") {
  CHECK(cjk("**この文を強調できますか(Can I emphasize this sentence)?**残念ながらこの文のせいでできません"
            "(Unfortunately not possible due to this sentence)。") ==
        "<strong>この文を強調できますか(Can I emphasize this sentence)?</strong>残念ながらこの文のせいでできません"
        "(Unfortunately not possible due to this sentence)。");
  CHECK(cjk("我可以强调**这个`code`**吗(Can I emphasize **this `code`**)?") ==
        "我可以强调<strong>这个<code>code</code></strong>吗(Can I emphasize <strong>this <code>code</code></strong>)?");
  CHECK(cjk("**이 용어(This term)**를 강조해 주세요. (Please emphasize **this term**.)") ==
        "<strong>이 용어(This term)</strong>를 강조해 주세요. (Please emphasize <strong>this term</strong>.)");
  CHECK(cjk("**このアスタリスクは強調記号として認識されず、そのまま表示されます。**この文のせいで。") ==
        "<strong>このアスタリスクは強調記号として認識されず、そのまま表示されます。</strong>この文のせいで。");
  CHECK(cjk("**该星号不会被识别，而是直接显示。**这是因为它没有被识别为强调符号。") ==
        "<strong>该星号不会被识别，而是直接显示。</strong>这是因为它没有被识别为强调符号。");
  CHECK(cjk("**이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)**이 문장 때문에.") ==
        "<strong>이 별표는 강조 표시로 인식되지 않고 그대로 표시됩니다(이 괄호 때문에)</strong>이 문장 때문에.");
}

TEST_CASE("Japanese: punctuation, brackets, links, symbols and variation selectors", "[cjk]") {
  CHECK(cjk("これは**私のやりたかったこと。**だからするの。") ==
        "これは<strong>私のやりたかったこと。</strong>だからするの。");
  CHECK(cjk("**[製品ほげ](./product-foo)**と**[製品ふが](./product-bar)**をお試しください") ==
        "<strong><a>製品ほげ</a></strong>と<strong><a>製品ふが</a></strong>をお試しください");
  CHECK(cjk("税込**¥10,000**で入手できます。") == "税込<strong>¥10,000</strong>で入手できます。");
  CHECK(cjk("正解は**④**です。") == "正解は<strong>④</strong>です。");
  CHECK(cjk("太郎は**「こんにちわ」**といった") == "太郎は<strong>「こんにちわ」</strong>といった");
  CHECK(cjk("太郎は**\"Hello\"**といった") == "太郎は<strong>\"Hello\"</strong>といった");
  CHECK(cjk("**C#**や**F#**は**「.NET」**というプラットフォーム上で動作します。") ==
        "<strong>C#</strong>や<strong>F#</strong>は<strong>「.NET」</strong>というプラットフォーム上で動作します。");
  CHECK(cjk("Go**「初心者」**を対象とした記事です。") == "Go<strong>「初心者」</strong>を対象とした記事です。");
  CHECK(cjk(".NET**（.NET Frameworkは不可）**では、") == ".NET<strong>（.NET Frameworkは不可）</strong>では、");
  CHECK(cjk("𰻞𰻞**(ビャンビャン)**麺") == "𰻞𰻞<strong>(ビャンビャン)</strong>麺");  // outside the BMP
  CHECK(cjk("大塚︀**(U+585A U+FE00)** 大塚**(U+FA10)**") ==
        "大塚︀<strong>(U+585A U+FE00)</strong> 大塚<strong>(U+FA10)</strong>");  // variation selector
  CHECK(cjk("葛󠄀**(こちらが正式表記)**城市") == "葛󠄀<strong>(こちらが正式表記)</strong>城市");  // ideographic VS
  CHECK(cjk("*斜体のテキスト【補足情報】。*この文が後に続いても大丈夫です。") ==
        "<em>斜体のテキスト【補足情報】。</em>この文が後に続いても大丈夫です。");
}

TEST_CASE("Chinese: full-width punctuation on either side", "[cjk]") {
  for (const char* mark : {"，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "）", "】", "》", "—", "…"}) {
    std::string source = std::string("**真") + mark + "**她";
    INFO(source);
    CHECK(cjk(source) == std::string("<strong>真") + mark + "</strong>她");
  }
  CHECK(cjk("真**（她**") == "真<strong>（她</strong>");
  CHECK(cjk("**推荐几个框架：**React、Vue等前端框架。") == "<strong>推荐几个框架：</strong>React、Vue等前端框架。");
  CHECK(cjk("**重要提示（Important Notice）：**请注意。") == "<strong>重要提示（Important Notice）：</strong>请注意。");
  CHECK(cjk("Git**（注：不是GitHub）**") == "Git<strong>（注：不是GitHub）</strong>");
  CHECK(cjk("共享单车*（试点）*又回来了") == "共享单车<em>（试点）</em>又回来了");
}

TEST_CASE("Korean: particles right after the closing run", "[cjk]") {
  CHECK(cjk("패키지를 발행하려면 **`npm publish`**를 실행하십시오.") ==
        "패키지를 발행하려면 <strong><code>npm publish</code></strong>를 실행하십시오.");
  CHECK(cjk("**한국어 구문(괄호 포함)**을 강조.") == "<strong>한국어 구문(괄호 포함)</strong>을 강조.");
  CHECK(cjk("*이 텍스트(괄호 포함)*는 기울임꼴입니다.") == "<em>이 텍스트(괄호 포함)</em>는 기울임꼴입니다.");
  CHECK(cjk("서울의 **\"한강\"**은 넓다.") == "서울의 <strong>\"한강\"</strong>은 넓다.");
}

TEST_CASE("underscores follow the amended rule; intra-word underscores stay literal", "[cjk]") {
  // The amendment changes only flanking: a '_' run between CJK letters is intra-word, so it neither
  // opens nor closes (the closing rule for '_' is CommonMark's).
  CHECK(cjk("__「重要」__です") == "__「重要」__です");
  CHECK(cjk("这是__重要。__的内容") == "这是__重要。__的内容");
  CHECK(cjk("「__重要__」") == "「<strong>重要</strong>」");
  CHECK(cjk("これは _「強調」_。") == "これは <em>「強調」</em>。");
  CHECK(cjk("中文_强调_中文") == "中文_强调_中文");   // like letters: no emphasis inside a "word"
  CHECK(cjk("snake_case_name") == "snake_case_name");
}

TEST_CASE("strikethrough next to CJK text", "[cjk]") {
  CHECK(cjk("这是~~删除~~的") == "这是<del>删除</del>的");
  CHECK(cjk("~~旧方法（已废弃）。~~这个句子是正确的。") == "<del>旧方法（已废弃）。</del>这个句子是正确的。");
  CHECK(cjk("~~이 텍스트(괄호 포함)~~를 삭제합니다.") == "<del>이 텍스트(괄호 포함)</del>를 삭제합니다.");
  CHECK(strict("这是~~删除~~的") == "这是~~删除~~的");
  CHECK(cjk("a~~b~~c") == strict("a~~b~~c"));  // English keeps md4c's rule
}

TEST_CASE("English and emoji keep the CommonMark rules", "[cjk]") {
  for (const char* source : {"snake_case and foo_bar_baz", "an **unclosed bold", "**bold**text", "a**\"b\"**c",
                             "*(*foo*)*", "**foo \"*bar*\" foo**", "foo*bar*", "5*6*78", "_foo_bar", "**😀**text",
                             "text**😀**", "**👍.**next", "x_😀_y", "¥**10**"})
    CHECK(cjk(source) == strict(source));
  // Emoji are not CJK: the strict result stands.
  CHECK(cjk("**✅。**次") == "<strong>✅。</strong>次");  // 。 is CJK punctuation: right-flanking
  CHECK(cjk("a**😀.**b") == strict("a**😀.**b"));
}

TEST_CASE("every CommonMark spec example parses the same with the flag", "[cjk]") {
  std::vector<std::string> examples = spec_examples();
  REQUIRE(examples.size() == 652);
  std::size_t differ = 0;
  for (const std::string& example : examples) {
    bool same = events(example, MD_DIALECT_COMMONMARK) == events(example, MD_DIALECT_COMMONMARK | MD_FLAG_CJKFRIENDLY);
    if (!same) {
      ++differ;
      UNSCOPED_INFO("differs: " << example);
    }
  }
  CHECK(differ == 0);
}

TEST_CASE("newsletter mode is CJK-friendly; CommonMark mode stays strict", "[cjk]") {
  broadsheet::Result newsletter = broadsheet::render("这是**重要。**的内容\n");
  REQUIRE(newsletter.ok());
  CHECK(contains(newsletter.output, "这是<strong>重要。</strong>的内容"));
  broadsheet::Options commonmark;
  commonmark.commonmark = true;
  broadsheet::Result strict_result = broadsheet::render("这是**重要。**的内容\n", commonmark);
  REQUIRE(strict_result.ok());
  CHECK(contains(strict_result.output, "这是**重要。**的内容"));
}

TEST_CASE("flanking near line starts, line ends and broken UTF-8 is safe", "[cjk]") {
  for (const char* source : {"**", "*", "**\xE3\x80", "\xE3**x", "\x80**\x80", "\xEF\xB8\x80**x", "\xF3\xA0\x84\x80**x",
                             "x**\n\xEF\xB8\x80**", "~~", "\xE3\x80\x82~~"})
    CHECK_NOTHROW(cjk(source));
}
