#include "render/html.hpp"

#include <broadsheet_theme_css.hpp>

#include "core/policy.hpp"
#include "core/sanitize.hpp"
#include "render/html_body.hpp"
#include "render/issue_header.hpp"

namespace broadsheet {

namespace {

class IssueHtml {
 public:
  IssueHtml(const Document& doc, const Options& options, std::string& out)
      : doc_(doc), fm_(doc.front), options_(options), w_(out) {
    w_.hand_over_to(options.output_pieces);
  }

  void page() {
    w_.raw("<!doctype html>\n<html");
    lang_dir();
    w_.raw(">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    w_.text(page_title());
    w_.raw("</title>\n");
    if (!fm_.preheader.empty()) {
      w_.raw("<meta name=\"description\" content=\"");
      w_.text(fm_.preheader);
      w_.raw("\">\n");
    }
    if (!fm_.canonical_url.empty() && is_safe_url(fm_.canonical_url, UrlUse::Link)) {
      w_.raw("<link rel=\"canonical\" href=\"");
      w_.url(fm_.canonical_url);
      w_.raw("\">\n");
    }
    w_.raw("<meta name=\"generator\" content=\"Broadsheet\">\n<style>\n");
    w_.raw(generated::theme_css);
    w_.raw("</style>\n</head>\n<body>\n");
    article();
    w_.raw("</body>\n</html>\n");
  }

  void article() {
    w_.raw("<article class=\"bs-issue\"");
    lang_dir();
    w_.raw(">\n");
    header();
    intro_and_sections();
    w_.raw("</article>\n");
  }

 private:
  std::string page_title() const { return issue_title(doc_); }

  void lang_dir() {
    if (!fm_.lang.empty()) attribute("lang", fm_.lang);
    if (!fm_.dir.empty()) attribute("dir", fm_.dir);
  }

  void attribute(const char* name, std::string_view value) {
    w_.raw(" ");
    w_.raw(name);
    w_.raw("=\"");
    w_.text(value);
    w_.raw("\"");
  }

  void element(const char* open, std::string_view text, const char* close) {
    w_.raw(open);
    w_.text(text);
    w_.raw(close);
  }

  void header() {
    bool has_title = !fm_.title.empty() || doc_.title_heading;
    if (!has_title && fm_.publication.empty() && fm_.subtitle.empty() && fm_.date.empty() && fm_.issue.empty() &&
        fm_.date_text.empty() && fm_.authors.empty() && fm_.tags.empty() && !fm_.hero)
      return;
    w_.raw("<header class=\"bs-header\">\n");
    if (!fm_.publication.empty()) element("<p class=\"bs-publication\">", fm_.publication, "</p>\n");
    if (!fm_.title.empty()) {
      element("<h1 class=\"bs-title\">", fm_.title, "</h1>\n");
    } else if (doc_.title_heading) {
      w_.raw("<h1 class=\"bs-title\">");
      render_html_children(doc_, doc_.title_heading, w_, flavor());
      w_.raw("</h1>\n");
    }
    if (!fm_.subtitle.empty()) element("<p class=\"bs-subtitle\">", fm_.subtitle, "</p>\n");
    byline();
    tags();
    hero();
    w_.raw("</header>\n");
  }

  void byline() {
    if (fm_.issue.empty() && fm_.date.empty() && fm_.date_text.empty() && fm_.authors.empty()) return;
    w_.raw("<p class=\"bs-byline\">");
    const char* separator = "";
    if (!fm_.issue.empty()) {
      element("<span class=\"bs-issue-number\">Issue ", fm_.issue, "</span>");
      separator = " · ";
    }
    if (!fm_.date.empty()) {
      w_.raw(separator);
      element("<time class=\"bs-date\" datetime=\"", fm_.date, "\">");
      w_.text(readable_date(fm_.date));
      w_.raw("</time>");
      separator = " · ";
    } else if (!fm_.date_text.empty()) {
      w_.raw(separator);
      element("<time class=\"bs-date\">", fm_.date_text, "</time>");
      separator = " · ";
    }
    if (!fm_.authors.empty()) {
      w_.raw(separator);
      w_.raw("<span class=\"bs-authors\">By ");
      for (std::size_t i = 0; i < fm_.authors.size(); ++i) {
        if (i > 0) w_.raw(i + 1 == fm_.authors.size() ? " and " : ", ");
        w_.text(fm_.authors[i]);
      }
      w_.raw("</span>");
    }
    w_.raw("</p>\n");
  }

  void tags() {
    if (fm_.tags.empty()) return;
    w_.raw("<ul class=\"bs-tags\" aria-label=\"Tags\">");
    for (const std::string& tag : fm_.tags) element("<li class=\"bs-tag\">", tag, "</li>");
    w_.raw("</ul>\n");
  }

  void hero() {
    if (!fm_.hero) return;
    const Hero& hero = *fm_.hero;
    w_.raw("<figure class=\"bs-hero\">");
    if (!hero.src.empty() && is_safe_url(hero.src, UrlUse::Image)) {
      w_.raw("<img class=\"bs-hero-image\" src=\"");
      w_.url(hero.src);
      w_.raw("\" alt=\"");
      w_.text(hero.alt);
      w_.raw("\">");
    }
    if (!hero.caption.empty() || !hero.credit.empty()) {
      w_.raw("<figcaption class=\"bs-hero-caption\">");
      w_.text(hero.caption);
      if (!hero.credit.empty()) {
        if (!hero.caption.empty()) w_.raw(" ");
        w_.raw("<span class=\"bs-credit\">");
        bool linked = !hero.credit_url.empty() && is_safe_url(hero.credit_url, UrlUse::Link);
        if (linked) {
          w_.raw("<a href=\"");
          w_.url(hero.credit_url);
          w_.raw("\">");
        }
        w_.text(hero.credit);
        if (linked) w_.raw("</a>");
        w_.raw("</span>");
      }
      w_.raw("</figcaption>");
    }
    w_.raw("</figure>\n");
  }

  // Everything before the first section is the intro.
  void intro_and_sections() {
    auto [first_section, intro_has_content] = doc_.intro();
    if (intro_has_content) {
      w_.raw("<div class=\"bs-intro\">\n");
      for (std::uint32_t child = doc_[0].first_child; child != first_section; child = doc_[child].next)
        if (child != doc_.title_heading) render_one(child);
      w_.raw("</div>\n");
    }
    for (std::uint32_t child = first_section; child; child = doc_[child].next) render_one(child);
  }

  void render_one(std::uint32_t node) { render_html_node(doc_, node, w_, flavor()); }

  HtmlFlavor flavor() const { return HtmlFlavor{options_.allow_html}; }

  const Document& doc_;
  const FrontMatter& fm_;
  const Options& options_;
  Writer w_;
};

}  // namespace

void render_web_html(const Document& doc, const Options& options, std::string& out) {
  IssueHtml html(doc, options, out);
  if (options.standalone) html.page();
  else html.article();
}

}  // namespace broadsheet
