// Builds the document model from parser events (md4c_adapter feeds it). Besides plain tree building it
// knows the newsletter structure: top-level `##` headings open sections, `###` stories, directive markers
// open and close directive blocks, and a few local rewrites happen as blocks close (image-only paragraph
// → figure, GitHub alert → callout, `{.button}` after a link).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/directives.hpp"
#include "core/model.hpp"

namespace broadsheet {

class Builder {
 public:
  Builder(Document& doc, const std::vector<DirectiveMarker>& markers, std::string_view parse_buffer);

  // Nodes nest at most this deep. Deeper blocks and spans (10,000 `>` in a row, 50,000 `*`) are not
  // opened: their content joins the deepest open node, so no text is lost, and every later stage
  // (policy, renderers, all recursive) stays within a small, fixed stack. Browsers flatten HTML deeper
  // than 512 elements anyway.
  static constexpr std::size_t kMaxNesting = 200;

  // Opens a node of `type` as the last child of the current container and makes it current. Returns 0
  // (the document, never a new node) when the nesting limit is reached: the node was not opened.
  std::uint32_t open(NodeType type);
  // Closes the innermost open node of `type` (and anything still open inside it).
  void close(NodeType type);
  // A heading is attached only when it closes: a marker heading becomes a directive, a top-level one may
  // open a section or story first.
  void open_heading(int level);
  void close_heading();

  // Text and leaves. `source` points into the parse buffer (or elsewhere for decoded text).
  void text(std::string_view text, const char* source);
  // SoftBreak, LineBreak, FootnoteRef; returns the new node.
  std::uint32_t leaf(NodeType type);
  // Makes `node` (already in the tree, its children all attached) the current container again: the
  // footnotes' list takes each note after the body's parse has finished.
  void enter(std::uint32_t node);
  // A line of a raw HTML block (allowHtml). A directive line md4c took as HTML is given back as written.
  void html_block_text(std::string_view text, const char* source);
  void inline_html(std::string_view html, const char* source);

  // Gives the open nodes that have no position yet the position of `source` (their first content).
  void note_source(const char* source);

  Node& current() { return doc_.nodes[stack_.back().node]; }
  Document& document() { return doc_; }
  std::uint32_t current_index() const { return stack_.back().node; }

  void finish();

 private:
  struct Open {
    std::uint32_t node;
    std::uint32_t last_child = 0;
  };

  std::uint32_t make(NodeType type);
  void attach(std::uint32_t child);
  void push(std::uint32_t node) { stack_.push_back({node, 0}); }
  std::uint32_t pop();
  bool at_top_level() const;
  void close_structure(bool also_section);
  void open_directive(const DirectiveMarker& marker);
  void close_directive(std::uint32_t directive, std::uint32_t line);
  const DirectiveMarker* marker_at(const char* source) const;
  void finish_paragraph(std::uint32_t paragraph);
  void finish_quote(std::uint32_t quote);

  Document& doc_;
  const std::vector<DirectiveMarker>& markers_;
  std::string_view parse_buffer_;
  std::vector<Open> stack_;
  std::uint32_t heading_ = 0;          // the heading being built (not attached yet)
  const DirectiveMarker* heading_marker_ = nullptr;
  bool heading_has_text_ = false;
  std::uint32_t last_closed_link_ = 0; // for `{.button}` right after a link
  std::vector<bool> opened_;           // per directive: its opening marker was seen
  std::size_t not_opened_ = 0;         // opens refused at the nesting limit, still to be closed
};

}  // namespace broadsheet
