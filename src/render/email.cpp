// The email HTML of an issue: a whole document for the text/html part of a newsletter. A centred
// 600-px column of role="presentation" tables with every style inline (the head's <style> holds only
// the narrow-screen and dark-mode rules), a hidden preheader, a header from the front matter, the hero,
// a table of contents, the intro and the sections, and a footer with the unsubscribe link.
#include "core/sanitize.hpp"
#include "core/stage.hpp"
#include "core/utf8.hpp"
#include "render/email_body.hpp"
#include "render/email_style.hpp"
#include "render/formats.hpp"
#include "render/html_attributes.hpp"
#include "render/issue_header.hpp"
#include "render/resolve_url.hpp"
#include "render/view.hpp"
#include "render/writer.hpp"

namespace broadsheet {

namespace {

namespace style = email_style;

// Inbox previews show the preheader and then whatever text follows it; filler characters that
// render as nothing keep "View in browser" and the header out of the preview.
constexpr std::size_t kPreviewChars = 150;
constexpr std::string_view kPreviewFiller = "&#8199;&#847;";

// A link in the small print (hero credit, view in browser, footer).
constexpr std::string_view kMutedLink = " class=\"bs-link\" style=\"color:#5d6470;text-decoration:underline;\"";

constexpr const char* kLayoutTable = "role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"";

class IssueEmail {
 public:
  IssueEmail(const Document& doc, const RenderSettings& settings, std::string& out)
      : doc_(doc), fm_(doc.front), w_(out), body_{settings.allow_html, doc.front.canonical_url},
        unsubscribe_(settings.unsubscribe_href) {
    if (settings.output_pieces) w_.hand_over_to(*settings.output_pieces);
  }

  void document() {
    // The v: and o: namespaces and the OfficeDocumentSettings block keep Outlook on Windows from scaling
    // images and tables on high-DPI screens.
    w_.raw("<!doctype html>\n<html");
    write_lang_dir(w_, doc_, true);
    w_.raw(" xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n"
           "<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"x-apple-disable-message-reformatting\" content=\"\">\n"
           "<meta name=\"format-detection\" content=\"telephone=no, date=no, address=no, email=no\">\n"
           "<meta name=\"color-scheme\" content=\"light dark\">\n"
           "<meta name=\"supported-color-schemes\" content=\"light dark\">\n<title>");
    w_.text(issue_title(doc_));
    w_.raw("</title>\n<!--[if mso]><xml><o:OfficeDocumentSettings><o:AllowPNG/><o:PixelsPerInch>96</o:PixelsPerInch>"
           "</o:OfficeDocumentSettings></xml>\n<style>");
    w_.raw(style::kOutlookStyle);  // Outlook-only CSS, in the comment so validators and other clients skip it
    w_.raw("</style><![endif]-->\n<style>\n");
    w_.raw(style::kHeadStyle);
    w_.raw("</style>\n</head>\n<body class=\"bs-bg\" style=\"margin:0;padding:0;width:100%;background-color:");
    w_.raw(style::kBg);
    w_.raw(";-webkit-text-size-adjust:100%;\">\n");
    preheader();
    w_.raw("<table ");
    w_.raw(kLayoutTable);
    w_.raw(" width=\"100%\" class=\"bs-bg\" bgcolor=\"#f3f4f6\" style=\"background-color:#f3f4f6;\">"
           "<tr><td align=\"center\" style=\"padding:16px 8px;\">\n"
           "<!--[if mso]><table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">"
           "<tr><td><![endif]-->\n<table ");
    w_.raw(kLayoutTable);
    // Fluid: as wide as the screen up to 600 px, even where <style> is removed (the fixed 600-px table
    // above is for Outlook, which ignores max-width). A fixed layout keeps a long word from widening it.
    w_.raw(" width=\"100%\" class=\"bs-container\" style=\"width:100%;max-width:600px;margin:0 auto;"
           "table-layout:fixed;\">\n");
    view_in_browser();
    header();
    hero();
    contents();
    intro_and_sections();
    footer();
    w_.raw("</table>\n<!--[if mso]></td></tr></table><![endif]-->\n</td></tr></table>\n</body>\n</html>\n");
  }

 private:
  // <tr><td class="bs-card bs-pad" style="…content cell…EXTRA">
  void open_row(const char* extra = "") {
    w_.raw("<tr><td class=\"bs-card bs-pad\" bgcolor=\"#ffffff\" style=\"");
    w_.raw(style::kContentCell);
    w_.raw(extra);
    w_.raw("\">\n");
  }

  void close_row() { w_.raw("</td></tr>\n"); }

  void preheader() {
    if (fm_.preheader.empty()) return;
    w_.raw("<div class=\"bs-preheader\" style=\"display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;"
           "font-size:1px;line-height:1px;color:#f3f4f6;\">");
    w_.text(fm_.preheader);
    std::size_t shown = utf8::count_code_points(fm_.preheader);
    for (std::size_t n = shown; n < kPreviewChars; n += 2) w_.raw(kPreviewFiller);
    w_.raw("</div>\n");
  }

  void view_in_browser() {
    std::string_view address = web_address(fm_);
    if (address.empty()) return;
    w_.raw("<tr><td class=\"bs-muted bs-pad\" align=\"center\" style=\"");
    w_.raw(style::kSmallCell);
    w_.raw("text-align:center;\">");
    write_optional_link(w_, doc_.locale.label(Label::ViewInBrowser), address, kMutedLink);
    close_row();
  }

  void line(const char* tag, const char* css, const char* css_class, std::string_view text) {
    w_.raw("<");
    w_.raw(tag);
    w_.raw(" class=\"");
    w_.raw(css_class);
    w_.raw("\" style=\"");
    w_.raw(css);
    w_.raw("\">");
    w_.text(text);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  void header() {
    open_row("padding-top:32px;padding-bottom:8px;border-radius:8px 8px 0 0;");
    if (!fm_.publication.empty())
      line("p", "margin:0 0 8px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:12px;"
                "font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#b0341a;",
           "bs-accent", fm_.publication);
    w_.raw("<h1 class=\"bs-fg bs-title\" style=\"margin:0 0 12px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,"
           "Arial,sans-serif;font-size:30px;line-height:1.2;font-weight:bold;color:#1c1e22;\">");
    if (fm_.title.empty() && doc_.title_heading) render_email_children(doc_, doc_.title_heading, w_, body_);
    else w_.text(issue_title(doc_));
    w_.raw("</h1>\n");
    if (!fm_.subtitle.empty())
      line("p", "margin:0 0 12px;font-size:18px;line-height:1.45;color:#5d6470;", "bs-muted", fm_.subtitle);
    std::string byline, tags;
    for (const BylinePart& part : byline_parts(doc_)) joined(byline, part.text);
    for (const std::string& tag : fm_.tags) joined(tags, tag);
    if (!byline.empty()) line("p", kMutedSans, "bs-muted", byline);
    if (!fm_.tags.empty()) line("p", kMutedSans, "bs-muted", tags);
    close_row();
  }

  // Appends `part` to a " · "-separated list.
  static void joined(std::string& list, std::string_view part) {
    if (!list.empty()) list += kBylineSeparator;
    list += part;
  }

  void hero() {
    if (!fm_.hero) return;
    HeroView view = hero_view(*fm_.hero);
    const Hero& hero = view.hero;
    if (!view.image_src.empty()) {
      w_.raw("<tr><td class=\"bs-card\" bgcolor=\"#ffffff\" style=\"padding:16px 0 0;background-color:#ffffff;\"><img src=\"");
      w_.url(resolve_url(view.image_src, fm_.canonical_url));
      w_.raw("\" alt=\"");
      w_.text(hero.alt);
      w_.raw("\" width=\"600\"");
      if (hero.width > 0 && hero.height > 0) {  // the height the image takes at 600 px wide
        w_.raw(" height=\"");
        w_.raw(std::to_string((static_cast<long long>(hero.height) * style::kWidth + hero.width / 2) / hero.width));
        w_.raw("\"");
      }
      w_.raw(" class=\"bs-fluid\" style=\"");
      w_.raw(style::kHeroImage);
      w_.raw("\">");
      close_row();
    }
    if (!view.has_caption()) return;
    open_row("padding-top:8px;");
    w_.raw("<p class=\"bs-muted\" style=\"");
    w_.raw(style::kCaption);
    w_.raw("\">");
    w_.text(hero.caption);
    if (!hero.credit.empty()) {
      // "Photo: {credit}" in the issue's language, the credit linked where it stands in the label.
      std::string_view label = doc_.locale.label(Label::PhotoCredit);
      std::size_t at = label.find("{credit}");
      if (!hero.caption.empty()) w_.raw(" ");
      w_.text(label.substr(0, at));
      std::string href = view.credit_href.empty() ? std::string() : resolve_url(view.credit_href, fm_.canonical_url);
      write_optional_link(w_, hero.credit, href, kMutedLink);
      if (at != std::string_view::npos) w_.text(label.substr(at + 8));
    }
    w_.raw("</p>\n");
    close_row();
  }

  // "In this issue": links to the sections' named anchors, for issues with several sections.
  void contents() {
    std::size_t sections = 0;
    for (const auto& entry : doc_.outline) sections += entry.kind == "section";
    if (sections < 3) return;
    open_row("padding-top:8px;");
    w_.raw("<table ");
    w_.raw(kLayoutTable);
    w_.raw(" width=\"100%\" class=\"bs-surface\" bgcolor=\"#f3f4f6\" style=\"margin:0 0 24px;background-color:#f3f4f6;"
           "border-radius:6px;\"><tr><td style=\"padding:16px 20px;font-family:-apple-system,'Segoe UI',Roboto,"
           "Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;\">\n");
    line("p", "margin:0 0 8px;font-size:11px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#5d6470;",
         "bs-muted", doc_.locale.label(Label::InThisIssue));
    // The list's indent on the issue's side (the body's lists do the same, email_body.cpp).
    w_.raw(issue_direction(doc_) == TextDirection::Rtl ? "<ul style=\"margin:0;padding:0 20px 0 0;\">\n"
                                                       : "<ul style=\"margin:0;padding:0 0 0 20px;\">\n");
    for (const auto& entry : doc_.outline) {
      if (entry.kind != "section") continue;
      w_.raw("<li style=\"margin:0 0 4px;\"><a href=\"#");
      w_.url(entry.id);
      w_.raw("\" class=\"bs-link\" style=\"");
      w_.raw(style::kLinkStyle);
      w_.raw("\">");
      w_.text(entry.title);
      w_.raw("</a></li>\n");
    }
    w_.raw("</ul>\n</td></tr></table>\n");
    close_row();
  }

  // The intro in one row, then one row per section (so a clipped email loses whole sections last).
  void intro_and_sections() {
    auto [first_section, intro] = doc_.intro();
    if (intro) {
      open_row("padding-top:8px;");
      render_email_siblings(doc_, doc_[0].first_child, first_section, w_, body_, doc_.title_heading);
      close_row();
    }
    for (std::uint32_t child = first_section; child; child = doc_[child].next) {
      open_row("padding-top:16px;");
      render_email_node(doc_, child, w_, body_);
      close_row();
    }
  }

  void footer() {
    open_row("padding-top:8px;padding-bottom:24px;border-radius:0 0 8px 8px;");
    w_.raw("</td></tr>\n<tr><td class=\"bs-muted bs-pad\" align=\"center\" style=\"");
    w_.raw(style::kSmallCell);
    w_.raw("padding-top:24px;padding-bottom:32px;text-align:center;\">\n<p style=\"margin:0 0 8px;\">");
    FooterView view = footer_view(doc_);
    w_.text(view.from);
    w_.raw("</p>\n<p style=\"margin:0;\">");
    if (!view.web_address.empty()) {
      write_optional_link(w_, doc_.locale.label(Label::ReadOnWeb), view.web_address, kMutedLink);
      w_.raw(kBylineSeparator);
    }
    // Written as text, not URL-encoded, so a sender's merge tag ({{…}}, *|UNSUB|*) arrives intact.
    w_.raw("<a href=\"");
    w_.text(unsubscribe_);
    w_.raw("\"");
    w_.raw(kMutedLink);
    w_.raw(">");
    w_.text(doc_.locale.label(Label::Unsubscribe));
    w_.raw("</a></p>\n");
    close_row();
  }

  static constexpr const char* kMutedSans =
      "margin:0 0 4px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;"
      "line-height:1.5;color:#5d6470;";

  const Document& doc_;
  const FrontMatter& fm_;
  Writer w_;
  EmailBodySettings body_;
  std::string_view unsubscribe_;
};

}  // namespace

BROADSHEET_STAGE void render_email(const Document& doc, const RenderSettings& settings, std::string& out) {
  IssueEmail(doc, settings, out).document();
}

}  // namespace broadsheet
