// The walk both HTML renderers (web: html_body.cpp, email: email_body.cpp) share: children in order,
// each node's raw-HTML scope, the section or story being rendered (whose heading is its first child), and
// whether a labelled (sponsor) block encloses the node. A renderer derives from HtmlWalk<Itself> and
// supplies node(index): only its markup differs.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "render/html_attributes.hpp"
#include "render/raw_html.hpp"
#include "render/view.hpp"
#include "render/writer.hpp"

namespace broadsheet {

template <typename Markup>
class HtmlWalk {
 public:
  HtmlWalk(const Document& doc, Writer& out, bool allow_html) : doc_(doc), w_(out), raw_(allow_html) {}

  // Renders the children of `parent`, skipping `skip` (the title heading, shown in the header).
  void children(std::uint32_t parent, std::uint32_t skip = 0) {
    siblings(doc_[parent].first_child, 0, skip, context_of(doc_[parent].type));
  }

  // Renders the siblings from `first` up to (not including) `stop` in one raw-HTML scope (the intro).
  void siblings(std::uint32_t first, std::uint32_t stop, std::uint32_t skip, HtmlContext context) {
    RawHtml::Scope scope = raw_.open_scope(context);
    for (std::uint32_t child = first; child && child != stop; child = doc_[child].next) {
      if (doc_[child].type == NodeType::Section || doc_[child].type == NodeType::Story) raw_.close_open(w_);
      if (child != skip) markup().node(child);
      w_.maybe_hand_over();
    }
    raw_.close_scope(scope, w_);
  }

 protected:
  Markup& markup() { return static_cast<Markup&>(*this); }

  void wrap(std::uint32_t index, std::string_view open, std::string_view close) {
    w_.raw(open);
    children(index);
    w_.raw(close);
  }

  // An HTML block's lines are written in the scope of the node that holds it: what it opens is closed at
  // its end, except flow containers, which hold the Markdown after it (a `<details>` and its `</details>`
  // in a later block).
  void html_block(std::uint32_t index) {
    for (std::uint32_t child = doc_[index].first_child; child; child = doc_[child].next) raw_.write(doc_[child].literal(), w_);
    raw_.end_block(w_);
  }

  void raw_html(std::string_view html) { raw_.write(html, w_); }

  // A section's or story's children, remembering it so its heading (the first child) is known as its title.
  void container_children(std::uint32_t index) {
    std::uint32_t outer = container_;
    container_ = index;
    children(index);
    container_ = outer;
  }

  // Section or Story when `heading` is the title of the section or story being rendered; else Document.
  NodeType title_of(std::uint32_t heading) const {
    return (container_ && doc_[container_].first_child == heading) ? doc_[container_].type : NodeType::Document;
  }

  // A directive's content; links inside a labelled block are paid links (kSponsoredRel).
  void directive_children(std::uint32_t index, const DirectiveView& view) {
    if (view.kind.labelled) ++labelled_depth_;
    children(index);
    if (view.kind.labelled) --labelled_depth_;
  }

  // ` rel="sponsored noopener"` inside a labelled block.
  void rel_attribute() {
    if (labelled_depth_ == 0) return;
    w_.raw(" rel=\"");
    w_.raw(kSponsoredRel);
    w_.raw("\"");
  }

  void start_tag(std::string_view tag) {
    w_.raw("<");
    w_.raw(tag);
  }

  // `</tag>` and `after`.
  void end_tag(std::string_view tag, std::string_view after) {
    w_.raw("</");
    w_.raw(tag);
    w_.raw(">");
    w_.raw(after);
  }

  // The node's children, then `</tag>` and `after`.
  void children_then_close(std::uint32_t index, std::string_view tag, std::string_view after) {
    children(index);
    end_tag(tag, after);
  }

  // Starts `<a href="HREF" title="…"`; false when the link is unsafe or inside a raw <a>: then its text
  // is written instead.
  bool open_link(std::uint32_t link, std::string_view href) {
    if (!is_linked(doc_[link]) || raw_.anchor_open()) {  // the text stays, the link goes
      children(link);
      return false;
    }
    w_.raw("<a href=\"");
    w_.url(href);
    w_.raw("\"");
    write_title_attribute(w_, doc_[link].title());
    return true;
  }

  // Starts `<img src="SRC" alt="…" title="…"`; false when the image is unsafe: then its alt text is
  // written instead.
  bool open_image(std::uint32_t image, std::string_view src) {
    if (!is_linked(doc_[image])) {
      write_alt_text(w_, doc_, image);
      return false;
    }
    w_.raw("<img src=\"");
    w_.url(src);
    w_.raw("\" alt=\"");
    write_alt_text(w_, doc_, image);
    w_.raw("\"");
    write_title_attribute(w_, doc_[image].title());
    return true;
  }

  void title_attribute(std::string_view title) { write_title_attribute(w_, title); }

  // A link's text: inside it a footnote reference is only its number (links cannot nest).
  void link_children(std::uint32_t link) {
    ++in_link_;
    children_then_close(link, "a", "");
    --in_link_;
  }

  // A footnote reference: `sup` (the renderer's raised-number tag), then a link to the note whose id is
  // the reference's own, so the note can link back; ` name="…"` too where mail clients need it, and the
  // renderer's `link_attributes`. Its accessible name says what the number is, in the issue's language.
  void footnote_ref(std::uint32_t index, std::string_view sup, bool named, std::string_view link_attributes) {
    const Node& n = doc_[index];
    std::string number = std::to_string(n.note_number());
    w_.raw(sup);
    if (in_link_ == 0) {
      w_.raw("<a href=\"#");
      w_.text(n.note_id());
      if (named) {
        w_.raw("\" name=\"");
        w_.text(n.reference_id());
      }
      w_.raw("\" id=\"");
      w_.text(n.reference_id());
      w_.raw("\"");
      w_.raw(link_attributes);
      w_.raw(" aria-label=\"");
      w_.text(doc_.locale.format(Label::FootnoteRef, number));
      w_.raw("\">");
    }
    w_.raw(number);
    w_.raw(in_link_ == 0 ? "</a></sup>" : "</sup>");
  }

  // A note's blocks, between the renderer's own `<li …>` and `</li>`. The back-link to its first
  // reference ends its last paragraph, or follows its blocks when the last is not a plain paragraph.
  // The renderer's open_paragraph(node) opens that last paragraph; `back_link_attributes` style the back-link.
  void footnote_blocks(std::uint32_t index, std::string_view back_link_attributes) {
    const Node& n = doc_[index];
    std::uint32_t last = 0;
    for (std::uint32_t child = n.first_child; child; child = doc_[child].next) last = child;
    bool ends_in_paragraph = last && doc_[last].type == NodeType::Paragraph && !lone_button(doc_, last);
    for (std::uint32_t child = n.first_child; child; child = doc_[child].next) {
      if (child != last || !ends_in_paragraph) {
        markup().node(child);
        continue;
      }
      markup().open_paragraph(child);
      children(child);
      back_link(n, back_link_attributes);
      w_.raw("</p>\n");
    }
    if (!ends_in_paragraph) back_link(n, back_link_attributes);
  }

  const Document& doc_;
  Writer& w_;

 private:
  // What raw HTML inside a node's children may open (core/sanitize.hpp).
  int in_link_ = 0;  // links open around the node being written

  // ` <a href="#REF" ATTRIBUTES aria-label="Back to reference N">↩︎</a>` (text presentation of the arrow).
  void back_link(const Node& note, std::string_view attributes) {
    if (note.back_link().empty()) return;
    w_.raw(" <a href=\"#");
    w_.text(note.back_link());
    w_.raw("\"");
    w_.raw(attributes);
    w_.raw(" aria-label=\"");
    w_.text(doc_.locale.format(Label::FootnoteBack, std::to_string(note.note_number())));
    w_.raw("\">\xE2\x86\xA9\xEF\xB8\x8E</a>");
  }

  static HtmlContext context_of(NodeType type) {
    switch (type) {
      case NodeType::Document:
      case NodeType::Section:
      case NodeType::Story:
      case NodeType::Directive:
      case NodeType::BlockQuote:
      case NodeType::List:
      case NodeType::Table:
      case NodeType::TableHead:
      case NodeType::TableBody:
      case NodeType::TableRow: return HtmlContext::Flow;
      case NodeType::ListItem: return HtmlContext::Item;
      case NodeType::Link: return HtmlContext::Link;
      default: return HtmlContext::Phrasing;
    }
  }

  RawHtml raw_;
  int labelled_depth_ = 0;
  std::uint32_t container_ = 0;
};

}  // namespace broadsheet
