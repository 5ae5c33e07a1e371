#include "render/email_body.hpp"

#include <string>

#include "core/sanitize.hpp"
#include "render/html_attributes.hpp"
#include "render/email_style.hpp"
#include "render/labels.hpp"
#include "render/resolve_url.hpp"

namespace broadsheet {

namespace {

namespace style = email_style;

constexpr const char* kAlign[] = {"", "text-align:left;", "text-align:center;", "text-align:right;"};

const style::Box& callout_box(std::string_view kind) {
  if (kind == "tip") return style::kTipBox;
  if (kind == "important") return style::kImportantBox;
  if (kind == "warning") return style::kWarningBox;
  if (kind == "caution") return style::kCautionBox;
  return style::kNoteBox;
}

class EmailBody {
 public:
  EmailBody(const Document& doc, Writer& out, const EmailBodySettings& settings)
      : doc_(doc), w_(out), settings_(settings) {}

  void children(std::uint32_t parent, std::uint32_t skip = 0) {
    for (std::uint32_t child = doc_[parent].first_child; child; child = doc_[child].next)
      if (child != skip) node(child);
  }

  void node(std::uint32_t index) {
    const Node& n = doc_[index];
    switch (n.type) {
      case NodeType::Document: children(index); break;
      case NodeType::Section:
      case NodeType::Story: container(index); break;
      case NodeType::Directive: directive(index); break;
      case NodeType::Figure: figure(index); break;
      case NodeType::Paragraph: paragraph(index); break;
      case NodeType::Heading: heading(index); break;
      case NodeType::BlockQuote: styled(index, "blockquote", style::kQuote, "bs-muted bs-border", "\n"); break;
      case NodeType::List: list(index); break;
      case NodeType::ListItem: item(index); break;
      case NodeType::CodeBlock: code_block(index); break;
      case NodeType::HtmlBlock: html_block(index); break;
      case NodeType::ThematicBreak: open("hr", style::kRule, "bs-border"); w_.raw("\n"); break;
      case NodeType::Table: data_table(index); break;
      case NodeType::TableHead:
      case NodeType::TableBody: children(index); break;
      case NodeType::TableRow: wrap(index, "<tr>", "</tr>\n"); break;
      case NodeType::TableCell: cell(index); break;
      case NodeType::Text: w_.text(n.text); break;
      case NodeType::SoftBreak: w_.raw('\n'); break;
      case NodeType::LineBreak: w_.raw("<br>\n"); break;
      case NodeType::CodeSpan: styled(index, "code", style::kCode, "bs-surface", ""); break;
      case NodeType::InlineHtml: raw_html(n.text); break;
      case NodeType::Emphasis: wrap(index, "<em>", "</em>"); break;
      case NodeType::Strong: wrap(index, "<strong>", "</strong>"); break;
      case NodeType::Strikethrough: wrap(index, "<del>", "</del>"); break;
      case NodeType::Link: link(index); break;
      case NodeType::Image: image(index, false); break;
    }
  }

 private:
  void wrap(std::uint32_t index, std::string_view before, std::string_view after) {
    w_.raw(before);
    children(index);
    w_.raw(after);
  }

  // <tag class="css_class" style="css">
  void open(const char* tag, const char* css, const char* css_class = nullptr) {
    w_.raw("<");
    w_.raw(tag);
    if (css_class) {
      w_.raw(" class=\"");
      w_.raw(css_class);
      w_.raw("\"");
    }
    w_.raw(" style=\"");
    w_.raw(css);
    w_.raw("\">");
  }

  void styled(std::uint32_t index, const char* tag, const char* css, const char* css_class, const char* after_open) {
    open(tag, css, css_class);
    w_.raw(after_open);
    children(index);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">");
    if (*after_open) w_.raw("\n");
  }

  // Gmail removes ids: a section or story is marked by a named anchor the table of contents links to.
  void container(std::uint32_t index) {
    w_.raw("<a name=\"");
    w_.text(doc_[index].text);
    w_.raw("\"></a>");
    std::uint32_t outer = container_;
    container_ = index;
    children(index);
    container_ = outer;
  }

  void heading(std::uint32_t index) {
    const Node& n = doc_[index];
    bool opens = container_ && doc_[container_].first_child == index;
    char tag[3] = {'h', static_cast<char>('0' + n.level), 0};
    if (opens && doc_[container_].type == NodeType::Section) open(tag, style::kSectionTitle, "bs-accent");
    else if (opens) open(tag, style::kStoryTitle, "bs-fg");
    else open(tag, style::kHeading, "bs-fg");
    children(index);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  // A paragraph holding only a {.button} link is a bulletproof button: the colour is on the table
  // cell, so the button shows even where the link's padding and background are ignored (Outlook).
  void paragraph(std::uint32_t index) {
    std::uint32_t only = doc_[index].first_child;
    if (only && doc_[only].next == 0 && doc_[only].type == NodeType::Link && doc_[only].has(kButton) &&
        !doc_[only].has(kUnsafeUrl)) {
      button(only);
      return;
    }
    open("p", style::kParagraph);
    children(index);
    w_.raw("</p>\n");
  }

  void button(std::uint32_t link) {
    w_.raw("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"");
    if (centred_) w_.raw(" align=\"center\"");
    w_.raw(" style=\"margin:8px auto 16px;\"><tr><td align=\"center\" bgcolor=\"#0b57a4\" class=\"bs-button\" style=\"");
    w_.raw(style::kButtonCell);
    w_.raw("\"><a href=\"");
    w_.url(resolved(doc_[link].text));
    w_.raw("\"");
    title_attribute(doc_[link].text2);
    if (sponsor_depth_ > 0) w_.raw(" rel=\"sponsored noopener\"");
    w_.raw(" style=\"");
    w_.raw(style::kButtonLink);
    w_.raw("\">");
    children(link);
    w_.raw("</a></td></tr></table>\n");
  }

  void list(std::uint32_t index) {
    const Node& n = doc_[index];
    const char* tag = n.has(kOrdered) ? "ol" : "ul";
    w_.raw("<");
    w_.raw(tag);
    if (n.has(kOrdered) && n.num != 1) {
      w_.raw(" start=\"");
      w_.raw(std::to_string(n.num));
      w_.raw("\"");
    }
    w_.raw(" style=\"");
    w_.raw(style::kList);
    w_.raw("\">\n");
    children(index);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  // Forms do not work in email: a task shows a ballot box character instead of a checkbox.
  void item(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kTask)) {
      open("li", style::kTaskItem);
      w_.raw(n.has(kChecked) ? "&#9745; " : "&#9744; ");
    } else {
      open("li", style::kItem);
    }
    children(index);
    w_.raw("</li>\n");
  }

  void code_block(std::uint32_t index) {
    open("pre", style::kPre, "bs-surface");
    children(index);
    w_.raw("</pre>\n");
  }

  void html_block(std::uint32_t index) {
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) raw_html(doc_[child].text);
  }

  // The sanitizer writes to a std::string: its output goes through sanitized_ into the Writer.
  void raw_html(std::string_view html) {
    if (!settings_.allow_html) {
      w_.text(html);
      return;
    }
    sanitized_.clear();
    sanitize_html(html, sanitized_);
    w_.raw(sanitized_);
  }

  void data_table(std::uint32_t index) {
    w_.raw("<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\" style=\"");
    w_.raw(style::kDataTable);
    w_.raw("\">\n");
    children(index);
    w_.raw("</table>\n");
  }

  void cell(std::uint32_t index) {
    const Node& n = doc_[index];
    const char* tag = n.has(kHeaderCell) ? "th" : "td";
    w_.raw("<");
    w_.raw(tag);
    w_.raw(" class=\"bs-border\" style=\"");
    w_.raw(style::kCell);
    w_.raw(kAlign[n.level & 3]);
    if (n.has(kHeaderCell)) w_.raw("font-weight:bold;");
    w_.raw("\">");
    children(index);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">");
  }

  void link(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) {  // the text stays, the link goes
      children(index);
      return;
    }
    w_.raw("<a href=\"");
    w_.url(resolved(n.text));
    w_.raw("\"");
    title_attribute(n.text2);
    if (sponsor_depth_ > 0) w_.raw(" rel=\"sponsored noopener\"");
    w_.raw(" class=\"bs-link\" style=\"");
    w_.raw(style::kLinkStyle);
    if (n.has(kButton)) w_.raw("font-weight:bold;");
    w_.raw("\">");
    children(index);
    w_.raw("</a>");
  }

  void title_attribute(std::string_view title) { write_title_attribute(w_, title); }

  // A figure's image fills the column: width="536" for clients that ignore CSS, fluid below that.
  void image(std::uint32_t index, bool in_figure) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) {
      alt_text(index);
      return;
    }
    w_.raw("<img src=\"");
    w_.url(resolved(n.text));
    w_.raw("\" alt=\"");
    alt_text(index);
    w_.raw("\"");
    title_attribute(n.text2);
    if (in_figure) {
      w_.raw(" width=\"");
      w_.raw(std::to_string(style::kColumn));
      w_.raw("\" class=\"bs-fluid\" style=\"");
      w_.raw(style::kImage);
    } else {
      w_.raw(" style=\"");
      w_.raw(style::kInlineImage);
    }
    w_.raw("\">");
  }

  void alt_text(std::uint32_t index) { write_alt_text(w_, doc_, index); }

  void figure(std::uint32_t index) {
    std::uint32_t only = doc_[index].first_child;
    std::uint32_t img = doc_[only].type == NodeType::Image ? only : doc_[only].first_child;
    w_.raw("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
           "style=\"margin:0 0 16px;\"><tr><td>");
    if (doc_[only].type == NodeType::Image) {
      image(only, true);
    } else {  // a linked image
      const Node& a = doc_[only];
      if (!a.has(kUnsafeUrl)) {
        w_.raw("<a href=\"");
        w_.url(resolved(a.text));
        w_.raw("\">");
      }
      image(img, true);
      if (!a.has(kUnsafeUrl)) w_.raw("</a>");
    }
    if (!doc_[img].text2.empty()) {
      open("p", style::kCaption, "bs-muted");
      w_.text(doc_[img].text2);
      w_.raw("</p>");
    }
    w_.raw("</td></tr></table>\n");
  }

  // Sponsor, callouts, calls to action and unknown blocks: a one-cell table with its own background.
  void directive(std::uint32_t index) {
    const Directive& d = doc_.directives[static_cast<std::size_t>(doc_[index].num)];
    const style::Box& box = d.kind == DirectiveKind::Sponsor   ? style::kSponsorBox
                            : d.kind == DirectiveKind::Callout ? callout_box(d.callout)
                            : d.kind == DirectiveKind::Cta     ? style::kCtaBox
                                                               : style::kPlainBox;
    bool callout = d.kind == DirectiveKind::Callout;
    w_.raw("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"");
    w_.raw(box.css_class);
    w_.raw("\" bgcolor=\"");
    w_.raw(box.background);
    w_.raw("\" style=\"margin:0 0 24px;background-color:");
    w_.raw(box.background);
    w_.raw(callout ? ";border-left:4px solid " : ";border:1px solid ");
    w_.raw(box.border);
    w_.raw(callout ? ";\">" : ";border-radius:6px;\">");
    w_.raw("<tr><td style=\"padding:16px 20px;");
    bool centred = d.kind == DirectiveKind::Cta;
    if (centred) w_.raw("text-align:center;");
    w_.raw("\">\n");
    if (d.kind == DirectiveKind::Sponsor) {
      std::string_view label = sponsor_label(d);
      w_.raw("<p class=\"bs-sponsor-label\" style=\"");
      w_.raw(style::kLabel);
      w_.raw("color:");
      w_.raw(box.title);
      w_.raw(";\">");
      w_.text(label);
      w_.raw("</p>\n");
    }
    std::string_view title = d.title;
    if (title.empty() && callout) title = callout_title(d.callout);
    if (!title.empty()) {
      w_.raw("<p class=\"bs-box-title\" style=\"");
      w_.raw(style::kBlockTitle);
      w_.raw("color:");
      w_.raw(box.title);
      w_.raw(";\">");
      w_.text(title);
      w_.raw("</p>\n");
    }
    bool outer_centred = centred_;
    centred_ = centred;
    if (d.kind == DirectiveKind::Sponsor) ++sponsor_depth_;
    children(index);
    if (d.kind == DirectiveKind::Sponsor) --sponsor_depth_;
    centred_ = outer_centred;
    w_.raw("</td></tr></table>\n");
  }

  std::string resolved(std::string_view url) const { return resolve_url(url, settings_.base_url); }

  const Document& doc_;
  Writer& w_;
  std::string sanitized_;  // the sanitizer's output for one call
  const EmailBodySettings& settings_;
  int sponsor_depth_ = 0;
  bool centred_ = false;
  std::uint32_t container_ = 0;
};

}  // namespace

void render_email_node(const Document& doc, std::uint32_t node, Writer& out, const EmailBodySettings& settings) {
  EmailBody(doc, out, settings).node(node);
}

void render_email_children(const Document& doc, std::uint32_t parent, Writer& out, const EmailBodySettings& settings,
                           std::uint32_t skip) {
  EmailBody(doc, out, settings).children(parent, skip);
}

}  // namespace broadsheet
