// core/sanitize: the URL policy (is_safe_url) and the raw-HTML allowlist (sanitize_html).
#include <catch2/catch.hpp>

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/sanitize.hpp"
#include "test_helpers.hpp"

using broadsheet::is_safe_url;
using broadsheet::UrlUse;
using test_helpers::contains;

namespace {
std::string sanitized(std::string_view raw) {
  std::string out;
  broadsheet::sanitize_html(raw, out);
  return out;
}
}  // namespace

TEST_CASE("is_safe_url accepts web, mail, phone, relative and fragment URLs", "[sanitize]") {
  for (const char* url : {"https://example.com/a?b=c", "http://example.com", "HTTPS://EXAMPLE.COM", "mailto:editors@example.com",
                          "tel:+44 20 7946 0000", "/issues/86", "images/a.jpg", "../up", "#subscribe", "?q=a:b",
                          "path/with:colon", ""}) {
    INFO(url);
    CHECK(is_safe_url(url, UrlUse::Link));
    CHECK(is_safe_url(url, UrlUse::Image));
  }
}

TEST_CASE("is_safe_url rejects script and other schemes", "[sanitize]") {
  for (const char* url : {"javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", "vbscript:msgbox(1)",
                          "data:text/html,<script>alert(1)</script>", "data:text/html;base64,PHNjcmlwdD4=",
                          "file:///etc/passwd", "ftp://example.com/x"}) {
    INFO(url);
    CHECK_FALSE(is_safe_url(url, UrlUse::Link));
    CHECK_FALSE(is_safe_url(url, UrlUse::Image));
  }
}

TEST_CASE("is_safe_url ignores whitespace and control characters the way browsers do", "[sanitize]") {
  CHECK_FALSE(is_safe_url("  javascript:alert(1)", UrlUse::Link));
  CHECK_FALSE(is_safe_url("\x01\x02javascript:alert(1)", UrlUse::Link));
  CHECK_FALSE(is_safe_url("java\tscript:alert(1)", UrlUse::Link));  // what `jav&#x09;ascript:` decodes to
  CHECK_FALSE(is_safe_url("java\nscript:alert(1)", UrlUse::Link));
  CHECK_FALSE(is_safe_url("javascript\x7F:alert(1)", UrlUse::Link));
  CHECK_FALSE(is_safe_url("j a v a s c r i p t :alert(1)", UrlUse::Link));
}

TEST_CASE("images may use raster data: URLs, links may not", "[sanitize]") {
  for (const char* url : {"data:image/png;base64,iVBORw0KGgo=", "data:image/gif;base64,R0lGOD==", "data:image/jpeg;base64,/9j/",
                          "data:image/webp;base64,UklGR", "DATA:IMAGE/PNG;base64,iVBO", "data:image/png,raw"}) {
    INFO(url);
    CHECK(is_safe_url(url, UrlUse::Image));
    CHECK_FALSE(is_safe_url(url, UrlUse::Link));
  }
  CHECK_FALSE(is_safe_url("data:image/svg+xml;base64,PHN2Zz4=", UrlUse::Image));
  CHECK_FALSE(is_safe_url("data:image/svg+xml,<svg onload=alert(1)>", UrlUse::Image));
  CHECK_FALSE(is_safe_url("data:image/pngx;base64,AA", UrlUse::Image));  // not really image/png
  CHECK_FALSE(is_safe_url("data:image/png", UrlUse::Image));             // no data at all
}

TEST_CASE("sanitize_html keeps allowlisted tags and drops event handlers", "[sanitize]") {
  CHECK(sanitized("<b onclick=\"alert(1)\">hi</b>") == "<b>hi</b>");
  CHECK(sanitized("<div onmouseover = \"x\" class=\"c\">y</div>") == "<div class=\"c\">y</div>");
  CHECK(sanitized("<img src=\"x.png\" onerror=\"alert(1)\" alt=\"a\">") == "<img src=\"x.png\" alt=\"a\">");
  CHECK(sanitized("<a href=\"x\"onclick=\"y\">z</a>") == "<a href=\"x\">z</a>");
  CHECK(sanitized("<B STYLE=\"color:red\" ONCLICK=x>bold</B>") == "<b>bold</b>");
  CHECK(sanitized("<table><td colspan=2 onclick=x>") == "<table><tbody><tr><td colspan=\"2\"></td></tr></tbody></table>");
  CHECK(sanitized("<details open><summary>More</summary></details>") ==
        "<details open=\"\"><summary>More</summary></details>");
}

TEST_CASE("sanitize_html never lets script, style, iframe or unknown tags through", "[sanitize]") {
  for (const char* raw : {"<script>alert(1)</script>", "<style>body{display:none}</style>",
                          "<iframe src=\"https://example.com\"></iframe>", "<object data=x>", "<svg/onload=alert(1)>",
                          "<img/src=x/onerror=alert(1)>", "<input onfocus=alert(1) autofocus>"}) {
    INFO(raw);
    std::string out = sanitized(raw);
    CHECK_FALSE(contains(out, "<script"));
    CHECK_FALSE(contains(out, "<style"));
    CHECK_FALSE(contains(out, "<iframe"));
    CHECK_FALSE(contains(out, "<object"));
    CHECK_FALSE(contains(out, "<svg"));
    CHECK_FALSE(contains(out, "<img"));
    CHECK_FALSE(contains(out, "<input"));
  }
  // Shown as text, so nothing the writer typed is lost.
  CHECK(sanitized("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
}

TEST_CASE("sanitize_html checks URLs in attributes after decoding entities", "[sanitize]") {
  CHECK(sanitized("<a href=\"javascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitized("<a href=javascript:alert(1)>x</a>") == "<a>x</a>");
  CHECK(sanitized("<a href=\"jav&#x09;ascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitized("<a href=\"&#106;avascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitized("<a href=\" javascript:alert(1)\">x</a>") == "<a>x</a>");
  CHECK(sanitized("<q cite=\"javascript:x\">q</q>") == "<q>q</q>");
  CHECK(sanitized("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">") == "<img>");
  CHECK(sanitized("<a href=\"https://example.com/?a=1&amp;b=2\">x</a>") ==
        "<a href=\"https://example.com/?a=1&amp;b=2\">x</a>");
  CHECK(sanitized("<img src=\"data:image/png;base64,AA\" alt=\"dot\">") == "<img src=\"data:image/png;base64,AA\" alt=\"dot\">");
}

TEST_CASE("sanitize_html escapes attribute values and text, and drops comments", "[sanitize]") {
  CHECK(sanitized("<span title='a\"b'>x</span>") == "<span title=\"a&quot;b\">x</span>");
  CHECK(sanitized("<img src=\"x\" alt=\"<script>\">") == "<img src=\"x\" alt=\"&lt;script&gt;\">");
  CHECK(sanitized("<b title=\"&quot; onclick=x\">t</b>") == "<b title=\"&quot; onclick=x\">t</b>");
  CHECK(sanitized("a &amp; b &lt;i&gt;") == "a &amp; b &lt;i&gt;");
  CHECK(sanitized("before<!-- hidden -->after") == "beforeafter");
  CHECK(sanitized("<b") == "&lt;b");
  CHECK(sanitized("1 < 2") == "1 &lt; 2");
}

TEST_CASE("sanitize_html balances allowlisted tags", "[sanitize][balance]") {
  CHECK(sanitized("</div>text") == "text");                         // an unmatched closer is dropped
  CHECK(sanitized("</aside></section></article>") ==                // tags off the allowlist stay text
        "&lt;/aside&gt;&lt;/section&gt;&lt;/article&gt;");
  CHECK(sanitized("<div><b>x") == "<div><b>x</b></div>");           // what is left open is closed at the end
  CHECK(sanitized("<div><b>x</div>y") == "<div><b>x</b></div>y");   // closing an outer element closes the inner
  CHECK(sanitized("<b>x</i>y</b>") == "<b>xy</b>");
  CHECK(sanitized("<li>a<li>b") == "<li>a</li><li>b</li>");         // implied closes are made explicit
  CHECK(sanitized("<p>a<div>b</div>") == "<p>a</p><div>b</div>");
  CHECK(sanitized("a<br></br>b<hr></hr>") == "a<br>b<hr>");         // void elements: closers dropped
  CHECK(sanitized("<DIV>x</Div>") == "<div>x</div>");
}

TEST_CASE("sanitize_html writes the end tags the HTML parser would imply", "[sanitize][balance]") {
  CHECK(sanitized("<dl><dt>a<div>b<dd>c</dl>") == "<dl><dt>a<div>b</div></dt><dd>c</dd></dl>");
  CHECK(sanitized("<dt>a<dd>b") == "<dt>a</dt><dd>b</dd>");
  CHECK(sanitized("<ul><li>a<div><li>b</ul>") == "<ul><li>a<div></div></li><li>b</li></ul>");
  CHECK(sanitized("<ul><li>a<ul><li>b</ul>") == "<ul><li>a<ul><li>b</li></ul></li></ul>");  // a list stops the walk
  CHECK(sanitized("<p><span>a<div>b") == "<p><span>a</span></p><div>b</div>");          // a <p> in button scope
  CHECK(sanitized("<h2>a<h3>b") == "<h2>a</h2><h3>b</h3>");
  CHECK(sanitized("<a href=\"/x\">a<a href=\"/y\">b") == "<a href=\"/x\">a</a><a href=\"/y\">b</a>");
  CHECK(sanitized("<ruby>a<rt>b<rt>c</ruby>") == "<ruby>a<rt>b</rt><rt>c</rt></ruby>");
}

TEST_CASE("sanitize_html shows raw nesting deeper than its limit as text", "[sanitize][balance]") {
  std::string raw;
  for (int i = 0; i < 100; ++i) raw += "<div>";
  std::string out = sanitized(raw + "x");
  CHECK(test_helpers::count(out, "<div>") == broadsheet::HtmlSanitizer::kMaxOpenElements);
  CHECK(test_helpers::count(out, "</div>") == broadsheet::HtmlSanitizer::kMaxOpenElements);
  CHECK(test_helpers::count(out, "&lt;div&gt;") == 100 - broadsheet::HtmlSanitizer::kMaxOpenElements);
}

TEST_CASE("sanitize_html builds tables the way the parser does", "[sanitize][balance]") {
  CHECK(sanitized("<table><tr><td>a<td>b</table>") == "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>");
  CHECK(sanitized("<table><td>a<div>b<tr>c") ==  // a new row closes the cell; text in a row gets its cell
        "<table><tbody><tr><td>a<div>b</div></td></tr><tr><td>c</td></tr></tbody></table>");
  CHECK(sanitized("<table><b>x</b></table>") == "<table><tbody><tr><td><b>x</b></td></tr></tbody></table>");
  CHECK(sanitized("<table><col><caption>c<tr>") ==
        "<table><colgroup><col></colgroup><caption>c</caption><tbody><tr></tr></tbody></table>");
  CHECK(sanitized("<td>x</td><tr>") == "&lt;td&gt;x&lt;tr&gt;");  // no raw table: shown as text
}

TEST_CASE("HtmlSanitizer contexts: nothing acts on the renderer's elements", "[sanitize][balance]") {
  auto in = [](broadsheet::HtmlContext context, std::string_view raw) {
    broadsheet::HtmlSanitizer sanitizer;
    std::string out;
    auto scope = sanitizer.open_scope(context);
    sanitizer.feed(raw, out);
    sanitizer.close_scope(scope, out);
    return out;
  };
  using broadsheet::HtmlContext;
  CHECK(in(HtmlContext::Phrasing, "Buy now <dt><div><dd>!") == "Buy now &lt;dt&gt;&lt;div&gt;&lt;dd&gt;!");
  CHECK(in(HtmlContext::Phrasing, "<b>a</b><table>") == "<b>a</b>&lt;table&gt;");
  CHECK(in(HtmlContext::Item, "a <div><div><li>b") == "a <div><div>&lt;li&gt;b</div></div>");
  CHECK(in(HtmlContext::Flow, "<div><li>b") == "<div><li>b</li></div>");  // a section ends the parser's walk
  CHECK(in(HtmlContext::Link, "<a href=\"/x\">y</a>") == "&lt;a href=&quot;/x&quot;&gt;y");
  // Contexts only get stricter inward.
  broadsheet::HtmlSanitizer sanitizer;
  std::string out;
  auto link = sanitizer.open_scope(HtmlContext::Link);
  auto em = sanitizer.open_scope(HtmlContext::Phrasing);
  sanitizer.feed("<a href=\"/x\">", out);
  sanitizer.close_scope(em, out);
  sanitizer.close_scope(link, out);
  CHECK(out == "&lt;a href=&quot;/x&quot;&gt;");
}

TEST_CASE("HtmlSanitizer scopes: a closer cannot reach an element opened outside its scope", "[sanitize][balance]") {
  broadsheet::HtmlSanitizer sanitizer;
  std::string out;
  auto outer = sanitizer.open_scope(broadsheet::HtmlContext::Phrasing);
  sanitizer.feed("<span>", out);
  auto inner = sanitizer.open_scope(broadsheet::HtmlContext::Phrasing);
  sanitizer.feed("<em>x</span>", out);  // </span> belongs to the outer scope: dropped here
  sanitizer.close_scope(inner, out);
  CHECK(out == "<span><em>x</em>");
  sanitizer.feed("y</span>", out);
  sanitizer.close_scope(outer, out);
  CHECK(out == "<span><em>x</em>y</span>");
  CHECK(sanitizer.depth() == 0);
}

TEST_CASE("attributes that could end a raw-text element are left out", "[sanitize]") {
  CHECK(broadsheet::is_breakout_prone_attribute("a</script>b"));
  CHECK(broadsheet::is_breakout_prone_attribute("</NoScript"));
  CHECK(broadsheet::is_breakout_prone_attribute("x-->"));
  CHECK_FALSE(broadsheet::is_breakout_prone_attribute("a < b and </b>"));
  CHECK(sanitized("<p title=\"</noscript><img>\">x</p>") == "<p>x</p>");
  broadsheet::Options options;
  auto result = broadsheet::render("[a](/u \"</script>\") ![i](/i.png \"</title>\")\n\n```x</style>\ncode\n```\n", options);
  CHECK_FALSE(contains(result.output, "title="));
  CHECK(contains(result.output, "<pre tabindex=\"0\"><code>code"));
}
