// The web HTML of an issue: <article> with its header (front matter), intro and sections; optionally a
// whole standalone page with the default theme.
#include <broadsheet_theme_css.hpp>

#include "core/sanitize.hpp"
#include "core/stage.hpp"
#include "render/formats.hpp"
#include "render/html_attributes.hpp"
#include "render/html_body.hpp"
#include "render/issue_header.hpp"
#include "render/view.hpp"

namespace broadsheet {

namespace {

class IssueHtml {
 public:
  IssueHtml(const Document& doc, const RenderSettings& settings, std::string& out)
      : doc_(doc), fm_(doc.front), allow_html_(settings.allow_html), w_(out) {
    if (settings.output_pieces) w_.hand_over_to(*settings.output_pieces);
  }

  void page() {
    w_.raw("<!doctype html>\n<html");
    write_lang_dir(w_, doc_, true);
    w_.raw(">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    w_.text(page_title());
    w_.raw("</title>\n");
    if (!fm_.preheader.empty()) {
      w_.raw("<meta name=\"description\" content=\"");
      w_.text(fm_.preheader);
      w_.raw("\">\n");
    }
    if (std::string_view address = web_address(fm_); !address.empty()) {
      w_.raw("<link rel=\"canonical\" href=\"");
      w_.url(address);
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

  void lang_dir() { write_lang_dir(w_, doc_, false); }

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
      render_html_children(doc_, doc_.title_heading, w_, allow_html_);
      w_.raw("</h1>\n");
    }
    if (!fm_.subtitle.empty()) element("<p class=\"bs-subtitle\">", fm_.subtitle, "</p>\n");
    byline();
    tags();
    hero();
    w_.raw("</header>\n");
  }

  void byline() {
    std::vector<BylinePart> parts = byline_parts(doc_);
    if (parts.empty()) return;
    w_.raw("<p class=\"bs-byline\">");
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i > 0) w_.raw(kBylineSeparator);
      const BylinePart& part = parts[i];
      switch (part.kind) {
        case BylinePart::Kind::Issue: element("<span class=\"bs-issue-number\">", part.text, "</span>"); break;
        case BylinePart::Kind::Date:
          if (part.datetime.empty()) {
            element("<time class=\"bs-date\">", part.text, "</time>");
          } else {
            element("<time class=\"bs-date\" datetime=\"", part.datetime, "\">");
            element("", part.text, "</time>");
          }
          break;
        case BylinePart::Kind::Authors: element("<span class=\"bs-authors\">", part.text, "</span>"); break;
      }
    }
    w_.raw("</p>\n");
  }

  void tags() {
    if (fm_.tags.empty()) return;
    w_.raw("<ul class=\"bs-tags\" aria-label=\"");
    w_.text(doc_.locale.label(Label::Tags));
    w_.raw("\">");
    for (const std::string& tag : fm_.tags) element("<li class=\"bs-tag\">", tag, "</li>");
    w_.raw("</ul>\n");
  }

  void hero() {
    if (!fm_.hero) return;
    HeroView view = hero_view(*fm_.hero);
    w_.raw("<figure class=\"bs-hero\">");
    if (!view.image_src.empty()) {
      w_.raw("<img class=\"bs-hero-image\" src=\"");
      w_.url(view.image_src);
      w_.raw("\" alt=\"");
      w_.text(view.hero.alt);
      w_.raw("\"");
      write_image_size(w_, view.hero.width, view.hero.height);
      w_.raw(" fetchpriority=\"high\">");  // the largest paint above the fold: fetched first
    }
    if (view.has_caption()) {
      w_.raw("<figcaption class=\"bs-hero-caption\">");
      w_.text(view.hero.caption);
      if (!view.hero.credit.empty()) {
        w_.raw(view.hero.caption.empty() ? "<span class=\"bs-credit\">" : " <span class=\"bs-credit\">");
        write_optional_link(w_, view.hero.credit, view.credit_href);
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
      render_html_siblings(doc_, doc_[0].first_child, first_section, w_, allow_html_, doc_.title_heading);
      w_.raw("</div>\n");
    }
    for (std::uint32_t child = first_section; child; child = doc_[child].next) render_one(child);
  }

  void render_one(std::uint32_t node) { render_html_node(doc_, node, w_, allow_html_); }

  const Document& doc_;
  const FrontMatter& fm_;
  bool allow_html_;
  Writer w_;
};

}  // namespace

BROADSHEET_STAGE void render_web_html(const Document& doc, const RenderSettings& settings, std::string& out) {
  IssueHtml html(doc, settings, out);
  if (settings.standalone) html.page();
  else html.article();
}

}  // namespace broadsheet
