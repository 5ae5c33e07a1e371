#include "render/email_body.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/display_width.hpp"
#include "core/policy.hpp"
#include "render/email_style.hpp"
#include "render/html_walk.hpp"
#include "render/resolve_url.hpp"

namespace broadsheet {

namespace {

namespace style = email_style;

constexpr const char* kAlign[] = {"", "text-align:left;", "text-align:center;", "text-align:right;"};

// A footnote marker raised with vertical-align (not <sup> alone, which Outlook sizes unevenly) so line
// spacing stays even; its link carries `name` too, the anchor every mail client honours.
constexpr const char* kFootnoteSup = "<sup style=\"vertical-align:super;font-size:0.75em;line-height:0;\">";
constexpr const char* kFootnoteLink = " class=\"bs-link\" style=\"color:#0b57a4;text-decoration:none;\"";

class EmailBody : public HtmlWalk<EmailBody> {
 public:
  friend class HtmlWalk<EmailBody>;  // calls node() and open_paragraph()

  EmailBody(const Document& doc, Writer& out, const EmailBodySettings& settings)
      : HtmlWalk(doc, out, settings.allow_html), settings_(settings),
        rtl_(issue_direction(doc) == TextDirection::Rtl) {}

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
      case NodeType::BlockQuote: styled(index, "blockquote", rtl_ ? style::kQuoteRtl : style::kQuote, "bs-muted bs-border", "\n"); break;
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
      case NodeType::Text: w_.text(n.literal()); break;
      case NodeType::SoftBreak: w_.raw('\n'); break;
      case NodeType::LineBreak: w_.raw("<br>\n"); break;
      case NodeType::CodeSpan: styled(index, "code", style::kCode, "bs-surface", ""); break;
      case NodeType::InlineHtml: raw_html(n.literal()); break;
      case NodeType::Emphasis: wrap(index, "<em>", "</em>"); break;
      case NodeType::Strong: wrap(index, "<strong>", "</strong>"); break;
      case NodeType::Strikethrough: wrap(index, "<del>", "</del>"); break;
      case NodeType::Link: link(index); break;
      case NodeType::Image: image(index, false); break;
      case NodeType::FootnoteRef: footnote_ref(index, kFootnoteSup, true, kFootnoteLink); break;
      case NodeType::Footnotes: footnotes(index); break;
      case NodeType::Footnote: footnote(index); break;
    }
  }

 private:
  // <tag class="css_class" style="css">
  void open(const char* tag, const char* css, const char* css_class = nullptr, bool auto_dir = false) {
    open_with_dir(tag, css, css_class, auto_dir ? "auto" : nullptr);
  }

  // <tag class="css_class" dir="dir" style="css">
  void open_with_dir(const char* tag, const char* css, const char* css_class, const char* dir) {
    w_.raw("<");
    w_.raw(tag);
    if (css_class) {
      w_.raw(" class=\"");
      w_.raw(css_class);
      w_.raw("\"");
    }
    if (dir) {
      w_.raw(" dir=\"");
      w_.raw(dir);
      w_.raw("\"");
    }
    end_styled_start_tag(css);
  }

  // ` style="css">` and `after`: the end of every start tag here, whose look is inline.
  void end_styled_start_tag(const char* css, const char* after = "") {
    w_.raw(" style=\"");
    w_.raw(css);
    w_.raw("\">");
    w_.raw(after);
  }

  void styled(std::uint32_t index, const char* tag, const char* css, const char* css_class, const char* after_open) {
    open(tag, css, css_class);
    w_.raw(after_open);
    children_then_close(index, tag, "");
    if (*after_open) w_.raw("\n");
  }

  // Gmail removes ids: a section or story is marked by a named anchor the table of contents links to.
  void container(std::uint32_t index) {
    w_.raw("<a name=\"");
    w_.text(doc_[index].id());
    w_.raw("\"></a>");
    container_children(index);
  }

  void heading(std::uint32_t index) {
    const Node& n = doc_[index];
    NodeType title = title_of(index);
    char tag[3] = {'h', static_cast<char>('0' + n.heading_level()), 0};
    bool auto_dir = needs_auto_dir(doc_, index);
    if (title == NodeType::Section) open(tag, style::kSectionTitle, "bs-accent", auto_dir);
    else if (title == NodeType::Story) open(tag, style::kStoryTitle, "bs-fg", auto_dir);
    else open(tag, style::kHeading, "bs-fg", auto_dir);
    children_then_close(index, tag, "\n");
  }

  // A paragraph holding only a {.button} link is a bulletproof button: the colour is on the table
  // cell, so the button shows even where the link's padding and background are ignored (Outlook).
  void paragraph(std::uint32_t index) {
    if (std::uint32_t link = lone_button(doc_, index)) {
      button(link);
      return;
    }
    open("p", style::kParagraph, nullptr, needs_auto_dir(doc_, index));
    children(index);
    w_.raw("</p>\n");
  }

  void button(std::uint32_t link) {
    w_.raw("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"");
    if (centred_) w_.raw(" align=\"center\"");
    w_.raw(" style=\"margin:8px auto 16px;\"><tr><td align=\"center\" bgcolor=\"#0b57a4\" class=\"bs-button\" style=\"");
    w_.raw(style::kButtonCell);
    w_.raw("\"><a href=\"");
    w_.url(resolved(doc_[link].url()));
    w_.raw("\"");
    title_attribute(doc_[link].title());
    rel_attribute();
    w_.raw(" class=\"bs-button-link\"");
    end_styled_start_tag(style::kButtonLink);
    children(link);
    w_.raw("</a></td></tr></table>\n");
  }

  void list(std::uint32_t index) {
    const Node& n = doc_[index];
    const char* tag = n.has(kOrdered) ? "ol" : "ul";
    start_tag(tag);
    if (n.has(kOrdered) && n.list_start() != 1) {
      w_.raw(" start=\"");
      w_.raw(std::to_string(n.list_start()));
      w_.raw("\"");
    }
    end_styled_start_tag(rtl_ ? style::kListRtl : style::kList, "\n");
    children_then_close(index, tag, "\n");
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

  // Not a <pre>: a client that drops white-space (Samsung Email) leaves a <pre> unwrapped, wider than a
  // phone. Lines end in <br>; a space stays breakable only between two words, others are non-breaking, so
  // indentation holds in every client and long lines still wrap. Code reads left to right in any issue.
  void code_block(std::uint32_t index) {
    std::string code;
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) code += doc_[child].literal();
    if (!code.empty() && code.back() == '\n') code.pop_back();
    open_with_dir("div", style::kPre, "bs-surface", "ltr");
    std::size_t from = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
      char c = code[i];
      if (c != '\n' && c != ' ' && c != '\t') continue;
      w_.text(std::string_view(code).substr(from, i - from));
      from = i + 1;
      bool between_words = c == ' ' && i > 0 && !is_space(code[i - 1]) && i + 1 < code.size() && !is_space(code[i + 1]);
      if (c == '\n') w_.raw("<br>\n");
      else if (c == '\t') w_.raw("&nbsp;&nbsp;&nbsp;&nbsp;");
      else w_.raw(between_words ? " " : "&nbsp;");
    }
    w_.text(std::string_view(code).substr(from));
    w_.raw("</div>\n");
  }

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

  // A data table lays out fixed, so a long word or URL in a cell wraps instead of widening the email where
  // a client drops the break properties (Yahoo and AOL drop overflow-wrap and word-break). The columns share
  // the width by their widest text, capped so one long URL does not starve the others; a fixed layout reads
  // the shares from the first row's cells.
  void data_table(std::uint32_t index) {
    constexpr std::size_t kNarrowest = 4, kWidest = 30;  // in columns of text
    std::vector<std::size_t> widest;
    for_each_row(index, [&](std::uint32_t row) {
      std::size_t column = 0;
      for (std::uint32_t cell = doc_[row].first_child; cell; cell = doc_[cell].next, ++column) {
        std::size_t width = std::clamp(display_width(plain_text(doc_, cell)), kNarrowest, kWidest);
        if (column == widest.size()) widest.push_back(width);
        else widest[column] = std::max(widest[column], width);
      }
    });
    std::size_t total = 0;
    for (std::size_t width : widest) total += width;
    w_.raw("<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"100%\"");
    end_styled_start_tag(style::kDataTable, "\n");
    bool first_row = true;
    for_each_row(index, [&](std::uint32_t row) {
      w_.raw("<tr>");
      std::size_t column = 0;
      for (std::uint32_t c = doc_[row].first_child; c; c = doc_[c].next, ++column) {
        cell(c, first_row && total ? (widest[column] * 100 + total / 2) / total : 0);
      }
      w_.raw("</tr>\n");
      first_row = false;
    });
    w_.raw("</table>\n");
  }

  // Calls f(row) for every row of a table, its head's and then its body's.
  template <class F>
  void for_each_row(std::uint32_t table, F&& f) {
    for (std::uint32_t part = doc_[table].first_child; part; part = doc_[part].next)
      for (std::uint32_t row = doc_[part].first_child; row; row = doc_[row].next) f(row);
  }

  // A cell; `percent`, when not 0, its column's share of the table's width.
  void cell(std::uint32_t index, std::size_t percent = 0) {
    const Node& n = doc_[index];
    const char* tag = n.has(kHeaderCell) ? "th" : "td";
    start_tag(tag);
    w_.raw(" class=\"bs-border\" style=\"");
    w_.raw(style::kCell);
    if (percent) {
      w_.raw("width:");
      w_.raw(std::to_string(percent));
      w_.raw("%;");
    }
    w_.raw(kAlign[static_cast<int>(n.alignment())]);
    if (n.has(kHeaderCell)) w_.raw("font-weight:bold;");
    w_.raw("\">");
    children_then_close(index, tag, "");
  }

  void link(std::uint32_t index) {
    const Node& n = doc_[index];
    if (!open_link(index, resolved(n.url()))) return;
    rel_attribute();
    w_.raw(" class=\"bs-link\" style=\"");
    w_.raw(style::kLinkStyle);
    if (n.has(kButton)) w_.raw("font-weight:bold;");
    w_.raw("\">");
    link_children(index);
  }


  void footnotes(std::uint32_t index) {
    open("hr", style::kRule, "bs-border");
    w_.raw("\n");
    open("p", "margin:0 0 8px;font-size:11px;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#5d6470;",
         "bs-muted bs-footnotes");
    w_.text(doc_.locale.label(Label::Notes));
    w_.raw(rtl_ ? "</p>\n<ol style=\"margin:0 0 16px;padding:0 24px 0 0;font-size:14px;line-height:1.5;\">\n"
                : "</p>\n<ol style=\"margin:0 0 16px;padding:0 0 0 24px;font-size:14px;line-height:1.5;\">\n");
    children(index);
    w_.raw("</ol>\n");
  }

  // A note's last paragraph (HtmlWalk::footnote_blocks).
  void open_paragraph(std::uint32_t index) { open("p", "margin:0 0 8px;", nullptr, needs_auto_dir(doc_, index)); }

  // A note: a named anchor, its blocks, the back-link to its first reference at the end of its last paragraph.
  void footnote(std::uint32_t index) {
    const Node& n = doc_[index];
    w_.raw("<li style=\"margin:0 0 8px;\"><a name=\"");
    w_.text(n.id());
    w_.raw("\" id=\"");
    w_.text(n.id());
    w_.raw("\"></a>\n");
    footnote_blocks(index, kFootnoteLink);
    w_.raw("</li>\n");
  }

  // A figure's image fills the column: width="536" for clients that ignore CSS, fluid below that.
  void image(std::uint32_t index, bool in_figure) {
    if (!open_image(index, resolved(doc_[index].url()))) return;
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

  void figure(std::uint32_t index) {
    FigureView view = figure_view(doc_, index);
    w_.raw("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
           "style=\"margin:0 0 16px;\"><tr><td>");
    if (view.link) {
      w_.raw("<a href=\"");
      w_.url(resolved(doc_[view.link].url()));
      w_.raw("\">");
    }
    image(view.image, true);
    if (view.link) w_.raw("</a>");
    if (!view.caption.empty()) {
      open("p", style::kCaption, "bs-muted");
      w_.text(view.caption);
      w_.raw("</p>");
    }
    w_.raw("</td></tr></table>\n");
  }

  // Every directive is a one-cell table with its own background (its box); a note has a coloured edge.
  void directive(std::uint32_t index) {
    DirectiveView view = directive_view(doc_, index);
    const style::Box& box = style::box_for(view.kind.css, view.variant);
    bool edge = view.kind.note;
    w_.raw("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" class=\"");
    w_.raw(box.css_class);
    w_.raw("\" bgcolor=\"");
    w_.raw(box.background);
    w_.raw("\" style=\"margin:0 0 24px;background-color:");
    w_.raw(box.background);
    w_.raw(!edge ? ";border:1px solid " : rtl_ ? ";border-right:4px solid " : ";border-left:4px solid ");
    w_.raw(box.border);
    w_.raw(edge ? ";\">" : ";border-radius:6px;\">");
    w_.raw("<tr><td style=\"padding:16px 20px;");
    if (view.kind.centred) w_.raw("text-align:center;");
    w_.raw("\">\n");
    if (view.kind.labelled) box_line("bs-sponsor-label", style::kLabel, box, view.label);
    if (!view.title.empty()) box_line("bs-box-title", style::kBlockTitle, box, view.title);
    bool outer_centred = centred_;
    centred_ = view.kind.centred;
    directive_children(index, view);
    centred_ = outer_centred;
    w_.raw("</td></tr></table>\n");
  }

  // A box's label or title: a paragraph in the box's title colour.
  void box_line(const char* css_class, const char* css, const style::Box& box, std::string_view text) {
    w_.raw("<p class=\"");
    w_.raw(css_class);
    w_.raw("\" style=\"");
    w_.raw(css);
    w_.raw("color:");
    w_.raw(box.title);
    w_.raw(";\">");
    w_.text(text);
    w_.raw("</p>\n");
  }

  std::string resolved(std::string_view url) const { return resolve_url(url, settings_.base_url); }

  const EmailBodySettings& settings_;
  bool rtl_;  // the issue is rtl: list indents and quote and note bars on the right
  bool centred_ = false;
};

}  // namespace

void render_email_node(const Document& doc, std::uint32_t node, Writer& out, const EmailBodySettings& settings) {
  EmailBody(doc, out, settings).node(node);
}

void render_email_siblings(const Document& doc, std::uint32_t first, std::uint32_t stop, Writer& out,
                           const EmailBodySettings& settings, std::uint32_t skip) {
  EmailBody(doc, out, settings).siblings(first, stop, skip, HtmlContext::Flow);
}

void render_email_children(const Document& doc, std::uint32_t parent, Writer& out, const EmailBodySettings& settings,
                           std::uint32_t skip) {
  EmailBody(doc, out, settings).children(parent, skip);
}

}  // namespace broadsheet
