#include "render/html_body.hpp"

#include <string>

#include "core/sanitize.hpp"
#include "render/html_walk.hpp"

namespace broadsheet {

namespace {

constexpr const char* kAlign[] = {"", " align=\"left\"", " align=\"center\"", " align=\"right\""};

class HtmlBody : public HtmlWalk<HtmlBody> {
 public:
  friend class HtmlWalk<HtmlBody>;  // calls node() and open_paragraph()

  HtmlBody(const Document& doc, Writer& out, bool allow_html) : HtmlWalk(doc, out, allow_html) {}

  void node(std::uint32_t index) {
    const Node& n = doc_[index];
    switch (n.type) {
      case NodeType::Document: children(index); break;
      case NodeType::Section: container(index, "section", "bs-section"); break;
      case NodeType::Story: container(index, "article", "bs-story"); break;
      case NodeType::Directive: directive(index); break;
      case NodeType::Figure: figure(index); break;
      case NodeType::Paragraph: wrap(index, needs_auto_dir(doc_, index) ? "<p dir=\"auto\">" : "<p>", "</p>\n"); break;
      case NodeType::Heading: heading(index); break;
      case NodeType::BlockQuote: wrap(index, "<blockquote>\n", "</blockquote>\n"); break;
      case NodeType::List: list(index); break;
      case NodeType::ListItem: item(index); break;
      case NodeType::CodeBlock: code_block(index); break;
      case NodeType::HtmlBlock: html_block(index); break;
      case NodeType::ThematicBreak: w_.raw("<hr>\n"); break;
      case NodeType::Table: table(index); break;
      case NodeType::TableHead: wrap(index, "<thead>\n", "</thead>\n"); break;
      case NodeType::TableBody: wrap(index, "<tbody>\n", "</tbody>\n"); break;
      case NodeType::TableRow: wrap(index, "<tr>\n", "</tr>\n"); break;
      case NodeType::TableCell: cell(index); break;
      case NodeType::Text: w_.text(n.literal()); break;
      case NodeType::SoftBreak: w_.raw('\n'); break;
      case NodeType::LineBreak: w_.raw("<br>\n"); break;
      case NodeType::CodeSpan: wrap(index, "<code>", "</code>"); break;
      case NodeType::InlineHtml: raw_html(n.literal()); break;
      case NodeType::Emphasis: wrap(index, "<em>", "</em>"); break;
      case NodeType::Strong: wrap(index, "<strong>", "</strong>"); break;
      case NodeType::Strikethrough: wrap(index, "<del>", "</del>"); break;
      case NodeType::Link: link(index); break;
      case NodeType::Image: image(index); break;
      case NodeType::FootnoteRef: footnote_ref(index, "<sup class=\"bs-fnref\">", false, ""); break;
      case NodeType::Footnotes: footnotes(index); break;
      case NodeType::Footnote: footnote(index); break;
    }
  }

 private:
  void container(std::uint32_t index, const char* tag, const char* css_class) {
    start_tag(tag);
    w_.raw(" class=\"");
    w_.raw(css_class);
    w_.raw("\" id=\"");
    w_.text(doc_[index].id());
    w_.raw("\">\n");
    container_children(index);
    end_tag(tag, "\n");
  }

  void heading(std::uint32_t index) {
    const Node& n = doc_[index];
    const char tag[3] = {'h', static_cast<char>('0' + n.heading_level()), 0};
    start_tag(tag);
    NodeType parent = title_of(index);
    if (parent == NodeType::Section) w_.raw(" class=\"bs-section-title\"");
    else if (parent == NodeType::Story) w_.raw(" class=\"bs-story-title\"");
    else if (!n.id().empty()) {
      w_.raw(" id=\"");
      w_.text(n.id());
      w_.raw("\"");
    }
    if (needs_auto_dir(doc_, index)) w_.raw(" dir=\"auto\"");
    w_.raw(">");
    children_then_close(index, tag, "\n");
  }

  void list(std::uint32_t index) {
    const Node& n = doc_[index];
    if (!n.has(kOrdered)) {
      wrap(index, "<ul>\n", "</ul>\n");
      return;
    }
    if (n.list_start() == 1) {
      w_.raw("<ol>\n");
    } else {
      w_.raw("<ol start=\"");
      w_.raw(std::to_string(n.list_start()));
      w_.raw("\">\n");
    }
    children(index);
    w_.raw("</ol>\n");
  }

  void item(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kTask)) {
      // The label gives the checkbox an accessible name; the item's text follows it.
      w_.raw("<li class=\"bs-task\"><input type=\"checkbox\" disabled aria-label=\"");
      w_.text(doc_.locale.label(Label::Task));
      w_.raw("\"");
      w_.raw(n.has(kChecked) ? " checked> " : "> ");
    } else {
      w_.raw("<li>");
    }
    children(index);
    w_.raw("</li>\n");
  }

  void code_block(std::uint32_t index) {
    const Node& n = doc_[index];
    // Long lines scroll sideways: tabindex lets keyboard users scroll too.
    w_.raw("<pre tabindex=\"0\"><code");
    if (!n.language().empty() && !is_breakout_prone_attribute(n.language())) {
      w_.raw(" class=\"language-");
      w_.text(n.language());
      w_.raw("\"");
    }
    w_.raw(">");
    children(index);
    w_.raw("</code></pre>\n");
  }

  void table(std::uint32_t index) {
    w_.raw("<div class=\"bs-table\" tabindex=\"0\">\n");
    wrap(index, "<table>\n", "</table>\n");
    w_.raw("</div>\n");
  }

  void cell(std::uint32_t index) {
    const Node& n = doc_[index];
    const char* tag = n.has(kHeaderCell) ? "th" : "td";
    start_tag(tag);
    w_.raw(kAlign[static_cast<int>(n.alignment())]);
    w_.raw(">");
    children_then_close(index, tag, "\n");
  }

  void link(std::uint32_t index) {
    const Node& n = doc_[index];
    if (!open_link(index, n.url())) return;
    if (n.has(kButton)) w_.raw(" class=\"bs-button\"");
    rel_attribute();
    w_.raw(">");
    link_children(index);
  }


  void footnotes(std::uint32_t index) {
    w_.raw("<section class=\"bs-footnotes\" aria-label=\"");
    w_.text(doc_.locale.label(Label::Notes));
    w_.raw("\">\n<ol>\n");
    children(index);
    w_.raw("</ol>\n</section>\n");
  }

  // `<p>`, with dir="auto" when its text runs against the direction.
  void open_paragraph(std::uint32_t index) { w_.raw(needs_auto_dir(doc_, index) ? "<p dir=\"auto\">" : "<p>"); }

  // A note: its blocks, the back-link to its first reference at the end of its last paragraph.
  void footnote(std::uint32_t index) {
    w_.raw("<li id=\"");
    w_.text(doc_[index].id());
    w_.raw("\">\n");
    footnote_blocks(index, " class=\"bs-fnback\"");
    w_.raw("</li>\n");
  }

  // Its size when the Markdown gives it (no layout shift when it loads); fetched when near the viewport and
  // decoded off the main thread: the hero, above them all, is the one image fetched at once.
  void image(std::uint32_t index) {
    const Node& image = doc_[index];
    if (!open_image(index, image.url())) return;
    write_image_size(w_, image.image_width(), image.image_height());
    w_.raw(" loading=\"lazy\" decoding=\"async\">");
  }

  void figure(std::uint32_t index) {
    FigureView view = figure_view(doc_, index);
    w_.raw("<figure class=\"bs-figure\">");
    node(view.link ? view.link : view.image);
    if (!view.caption.empty()) {
      w_.raw("<figcaption>");
      w_.text(view.caption);
      w_.raw("</figcaption>");
    }
    w_.raw("</figure>\n");
  }

  // <aside> for a labelled block (a sponsor's, named by its label), else <div>: class="bs-KIND" plus
  // bs-KIND-VARIANT for callouts and unknown blocks, the written classes and attributes, then the title.
  void directive(std::uint32_t index) {
    DirectiveView view = directive_view(doc_, index);
    const char* tag = view.kind.labelled ? "aside" : "div";
    w_.raw("<");
    w_.raw(tag);
    w_.raw(" class=\"bs-");
    w_.raw(view.kind.css);
    if (!view.variant.empty()) {
      w_.raw(" bs-");
      w_.raw(view.kind.css);
      w_.raw("-");
      w_.text(view.variant);
    }
    if (!view.directive.classes.empty()) {
      w_.raw(" ");
      w_.text(view.directive.classes);
    }
    w_.raw("\"");
    if (view.kind.note) w_.raw(" role=\"note\"");
    // Keys were checked by the pre-pass: id, lang, dir, data-*.
    view.for_each_attribute([this](std::string_view key, std::string_view value) { write_attribute(w_, key, value); });
    if (view.kind.labelled) {
      w_.raw(" aria-label=\"");
      w_.text(view.label);
      w_.raw("\">\n<p class=\"bs-sponsor-label\">");
      w_.text(view.label);
      w_.raw("</p>\n");
    } else {
      w_.raw(">\n");
    }
    if (!view.title.empty()) {
      w_.raw("<p class=\"bs-block-title\">");
      w_.text(view.title);
      w_.raw("</p>\n");
    }
    directive_children(index, view);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

};

}  // namespace

void render_html_node(const Document& doc, std::uint32_t node, Writer& out, bool allow_html) {
  HtmlBody(doc, out, allow_html).node(node);
}

void render_html_siblings(const Document& doc, std::uint32_t first, std::uint32_t stop, Writer& out, bool allow_html,
                          std::uint32_t skip) {
  HtmlBody(doc, out, allow_html).siblings(first, stop, skip, HtmlContext::Flow);
}

void render_html_children(const Document& doc, std::uint32_t parent, Writer& out, bool allow_html,
                          std::uint32_t skip) {
  HtmlBody(doc, out, allow_html).children(parent, skip);
}

}  // namespace broadsheet
