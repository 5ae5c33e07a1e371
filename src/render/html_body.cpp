#include "render/html_body.hpp"

#include <string>

#include "core/sanitize.hpp"
#include "render/html_attributes.hpp"

namespace broadsheet {

namespace {

constexpr const char* kAlign[] = {"", " align=\"left\"", " align=\"center\"", " align=\"right\""};

std::string_view callout_title(std::string_view kind) {
  if (kind == "tip") return "Tip";
  if (kind == "important") return "Important";
  if (kind == "warning") return "Warning";
  if (kind == "caution") return "Caution";
  return "Note";
}

class HtmlBody {
 public:
  HtmlBody(const Document& doc, Writer& out, HtmlFlavor flavor) : doc_(doc), w_(out), flavor_(flavor) {}

  // Raw HTML opened among a node's children is closed before the node's own closing tag (see HtmlSanitizer).
  void children(std::uint32_t parent, std::uint32_t skip = 0) {
    HtmlSanitizer::Scope scope = sanitizer_.open_scope();
    for (std::uint32_t child = doc_[parent].first_child; child; child = doc_[child].next) {
      if (child != skip) node(child);
      w_.maybe_hand_over();
    }
    close_scope(scope);
  }

  void node(std::uint32_t index) {
    const Node& n = doc_[index];
    switch (n.type) {
      case NodeType::Document: children(index); break;
      case NodeType::Section: container(index, "section", "bs-section"); break;
      case NodeType::Story: container(index, "article", "bs-story"); break;
      case NodeType::Directive: directive(index); break;
      case NodeType::Figure: figure(index); break;
      case NodeType::Paragraph: wrap(index, "<p>", "</p>\n"); break;
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
      case NodeType::Text: w_.text(n.text); break;
      case NodeType::SoftBreak: w_.raw('\n'); break;
      case NodeType::LineBreak: w_.raw("<br>\n"); break;
      case NodeType::CodeSpan: wrap(index, "<code>", "</code>"); break;
      case NodeType::InlineHtml: raw_html(n.text); break;
      case NodeType::Emphasis: wrap(index, "<em>", "</em>"); break;
      case NodeType::Strong: wrap(index, "<strong>", "</strong>"); break;
      case NodeType::Strikethrough: wrap(index, "<del>", "</del>"); break;
      case NodeType::Link: link(index); break;
      case NodeType::Image: image(index); break;
    }
  }

 private:
  void wrap(std::uint32_t index, std::string_view open, std::string_view close) {
    w_.raw(open);
    children(index);
    w_.raw(close);
  }

  void container(std::uint32_t index, const char* tag, const char* css_class) {
    w_.raw("<");
    w_.raw(tag);
    w_.raw(" class=\"");
    w_.raw(css_class);
    w_.raw("\" id=\"");
    w_.text(doc_[index].text);
    w_.raw("\">\n");
    std::uint32_t outer = container_;
    container_ = index;
    children(index);
    container_ = outer;
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  void heading(std::uint32_t index) {
    const Node& n = doc_[index];
    char level = static_cast<char>('0' + n.level);
    w_.raw("<h");
    w_.raw(level);
    NodeType parent = parent_type_of_first_child(index);
    if (parent == NodeType::Section) w_.raw(" class=\"bs-section-title\"");
    else if (parent == NodeType::Story) w_.raw(" class=\"bs-story-title\"");
    else if (!n.text.empty()) {
      w_.raw(" id=\"");
      w_.text(n.text);
      w_.raw("\"");
    }
    w_.raw(">");
    children(index);
    w_.raw("</h");
    w_.raw(level);
    w_.raw(">\n");
  }

  // Sections and stories hold their heading as first child; the renderer tracks that while descending.
  NodeType parent_type_of_first_child(std::uint32_t index) const {
    return (container_ && doc_[container_].first_child == index) ? doc_[container_].type : NodeType::Document;
  }

  void list(std::uint32_t index) {
    const Node& n = doc_[index];
    if (!n.has(kOrdered)) {
      wrap(index, "<ul>\n", "</ul>\n");
      return;
    }
    if (n.num == 1) {
      w_.raw("<ol>\n");
    } else {
      w_.raw("<ol start=\"");
      w_.raw(std::to_string(n.num));
      w_.raw("\">\n");
    }
    children(index);
    w_.raw("</ol>\n");
  }

  void item(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kTask)) {
      // The label gives the checkbox an accessible name; the item's text follows it.
      w_.raw("<li class=\"bs-task\"><input type=\"checkbox\" disabled aria-label=\"Task\"");
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
    if (!n.text2.empty() && !is_breakout_prone_attribute(n.text2)) {
      w_.raw(" class=\"language-");
      w_.text(n.text2);
      w_.raw("\"");
    }
    w_.raw(">");
    children(index);
    w_.raw("</code></pre>\n");
  }

  void html_block(std::uint32_t index) {
    HtmlSanitizer::Scope scope = sanitizer_.open_scope();
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) raw_html(doc_[child].text);
    close_scope(scope);
  }

  // The sanitizer writes to a std::string: its output goes through sanitized_ into the Writer.
  void raw_html(std::string_view html) {
    if (!flavor_.allow_html) {
      w_.text(html);
      return;
    }
    sanitized_.clear();
    sanitizer_.feed(html, sanitized_);
    w_.raw(sanitized_);
  }

  void close_scope(HtmlSanitizer::Scope scope) {
    sanitized_.clear();
    sanitizer_.close_scope(scope, sanitized_);
    if (!sanitized_.empty()) w_.raw(sanitized_);
  }

  void table(std::uint32_t index) {
    w_.raw("<div class=\"bs-table\" tabindex=\"0\">\n");
    wrap(index, "<table>\n", "</table>\n");
    w_.raw("</div>\n");
  }

  void cell(std::uint32_t index) {
    const Node& n = doc_[index];
    const char* tag = n.has(kHeaderCell) ? "th" : "td";
    w_.raw("<");
    w_.raw(tag);
    w_.raw(kAlign[n.level & 3]);
    w_.raw(">");
    children(index);
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  void link(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) {  // the text stays, the link goes
      children(index);
      return;
    }
    w_.raw("<a href=\"");
    w_.url(n.text);
    w_.raw("\"");
    title_attribute(n.text2);
    if (n.has(kButton)) w_.raw(" class=\"bs-button\"");
    if (sponsor_depth_ > 0) w_.raw(" rel=\"sponsored noopener\"");
    w_.raw(">");
    children(index);
    w_.raw("</a>");
  }

  void image(std::uint32_t index) {
    const Node& n = doc_[index];
    if (n.has(kUnsafeUrl)) {
      alt_text(index);
      return;
    }
    w_.raw("<img src=\"");
    w_.url(n.text);
    w_.raw("\" alt=\"");
    alt_text(index);
    w_.raw("\"");
    title_attribute(n.text2);
    w_.raw(" loading=\"lazy\"");
    w_.raw(">");
  }

  void title_attribute(std::string_view title) { write_title_attribute(w_, title); }

  void alt_text(std::uint32_t index) { write_alt_text(w_, doc_, index); }

  void figure(std::uint32_t index) {
    std::uint32_t only = doc_[index].first_child;
    std::uint32_t img = doc_[only].type == NodeType::Image ? only : doc_[only].first_child;
    w_.raw("<figure class=\"bs-figure\">");
    node(only);
    if (!doc_[img].text2.empty()) {
      w_.raw("<figcaption>");
      w_.text(doc_[img].text2);
      w_.raw("</figcaption>");
    }
    w_.raw("</figure>\n");
  }

  void directive(std::uint32_t index) {
    const Directive& d = doc_.directives[static_cast<std::size_t>(doc_[index].num)];
    const char* tag = d.kind == DirectiveKind::Sponsor ? "aside" : "div";
    w_.raw("<");
    w_.raw(tag);
    w_.raw(" class=\"");
    switch (d.kind) {
      case DirectiveKind::Sponsor: w_.raw("bs-sponsor"); break;
      case DirectiveKind::Cta: w_.raw("bs-cta"); break;
      case DirectiveKind::Callout:
        w_.raw("bs-callout bs-callout-");
        w_.text(d.callout);
        break;
      case DirectiveKind::Unknown:
        w_.raw("bs-block bs-block-");
        w_.text(d.name);
        break;
    }
    if (!d.classes.empty()) {
      w_.raw(" ");
      w_.text(d.classes);
    }
    w_.raw("\"");
    if (d.kind == DirectiveKind::Callout) w_.raw(" role=\"note\"");
    std::string_view label = "Sponsored";
    for (const auto& [key, value] : d.attributes) {
      if (key == "label") {
        label = value;
        continue;
      }
      w_.raw(" ");
      w_.raw(key);  // keys were checked by the pre-pass: id, lang, dir, data-*
      w_.raw("=\"");
      w_.text(value);
      w_.raw("\"");
    }
    if (d.kind == DirectiveKind::Sponsor) {
      w_.raw(" aria-label=\"");
      w_.text(label);
      w_.raw("\">\n<p class=\"bs-sponsor-label\">");
      w_.text(label);
      w_.raw("</p>\n");
    } else {
      w_.raw(">\n");
    }
    std::string_view title = d.title;
    if (title.empty() && d.kind == DirectiveKind::Callout) title = callout_title(d.callout);
    if (!title.empty()) {
      w_.raw("<p class=\"bs-block-title\">");
      w_.text(title);
      w_.raw("</p>\n");
    }
    if (d.kind == DirectiveKind::Sponsor) ++sponsor_depth_;
    children(index);
    if (d.kind == DirectiveKind::Sponsor) --sponsor_depth_;
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">\n");
  }

  const Document& doc_;
  Writer& w_;
  HtmlFlavor flavor_;
  HtmlSanitizer sanitizer_;
  std::string sanitized_;  // the sanitizer's output for one call
  int sponsor_depth_ = 0;
  std::uint32_t container_ = 0;
};

}  // namespace

void render_html_node(const Document& doc, std::uint32_t node, Writer& out, HtmlFlavor flavor) {
  HtmlBody(doc, out, flavor).node(node);
}

void render_html_children(const Document& doc, std::uint32_t parent, Writer& out, HtmlFlavor flavor,
                          std::uint32_t skip) {
  HtmlBody(doc, out, flavor).children(parent, skip);
}

}  // namespace broadsheet
