// Builds the document model from parser events (md4c_adapter feeds it). Besides plain tree building it
// knows the newsletter structure: top-level `##` headings open sections, `###` stories, directive markers
// open and close directive blocks, and a few local rewrites happen as blocks close (image-only paragraph
// → figure, GitHub alert → callout, the attribute block after a link or an image).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
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

  // The budgets that keep the model (and every output made from it) proportional to the input:
  // - nodes: kBaseNodes plus one per kBytesPerNode bytes of input. Ordinary issues make one node per
  //   15–30 bytes; only pathological input (a one-letter line per node) reaches the limit, and is refused
  //   with an error at the line where it did (memory then stays within 8× the input + 16 MiB).
  // - empty cells that md4c adds to pad short table rows to the header's width: kBasePadding plus one per
  //   16 bytes of input. Over it, the empty cells at the ends of rows are left out (with a warning): a
  //   120-column header over 50,000 one-cell rows made 6,000,000 cells from 100 KB.
  static constexpr std::size_t kBaseNodes = 100000;
  static constexpr std::size_t kBytesPerNode = 8;
  static constexpr std::size_t kBasePadding = 10000;
  static std::size_t node_budget(std::size_t input_bytes) { return kBaseNodes + input_bytes / kBytesPerNode; }
  // - table cells md4c reports, padding included: kBaseCells plus kCellsPerByte per byte of input. md4c
  //   walks every padded cell itself (~100 ns each in wasm): past this the render is refused, so a wide
  //   header over millions of one-letter rows costs well under a second per MB.
  static constexpr std::size_t kBaseCells = 500000;
  static constexpr std::size_t kCellsPerByte = 1;

  // Set when the node budget stopped the parse: the error to report.
  const std::optional<Diagnostic>& failure() const { return failure_; }

  // Opens a node of `type` as the last child of the current container and makes it current. Returns 0
  // (the document, never a new node) when the nesting limit is reached: the node was not opened.
  std::uint32_t open(NodeType type);
  // Closes the innermost open node of `type` (and anything still open inside it).
  void close(NodeType type);
  // A table cell. Once the padding budget is spent, a cell is only counted until something is written
  // in it (then it and the empty cells before it in its row are made): md4c's padding of a 120-column
  // header over 50,000 one-letter rows then costs a counter, not 6,000,000 nodes made and taken back.
  void open_cell(std::uint16_t align, bool header);
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
  // The attribute block right after a link (`{.button}`) or an image (`{width=640 height=360}`), read by
  // the one grammar (core/attributes.hpp): applies it and returns the bytes taken. 0 when `text` does not
  // open with one the span takes, or (with a warning at the attribute) when the block holds anything else.
  std::size_t span_attributes(std::uint32_t span, std::string_view text, const char* source);

  Document& doc_;
  const std::vector<DirectiveMarker>& markers_;
  std::string_view parse_buffer_;
  std::vector<Open> stack_;
  std::uint32_t heading_ = 0;          // the heading being built (not attached yet)
  const DirectiveMarker* heading_marker_ = nullptr;
  bool heading_has_text_ = false;
  std::uint32_t last_closed_span_ = 0; // a link or image just closed: for `{.button}` or `{width=…}` after it
  std::vector<std::uint8_t> opened_;   // per directive: its opening marker was seen (not vector<bool>: smaller code)
  std::size_t not_opened_ = 0;         // opens refused at the nesting limit, still to be closed
  void trim_row_padding(std::uint32_t row);
  void make_deferred_cells();
  void drop_row_padding(std::size_t cells, std::uint32_t row);
  struct DeferredCell {
    std::uint16_t align;
    bool header;
  };
  std::vector<DeferredCell> deferred_cells_;  // this row's cells not made yet (the last may be open)
  bool in_deferred_cell_ = false;
  std::size_t max_nodes_ = 0;
  std::size_t padding_left_ = 0;       // empty trailing table cells still allowed
  std::size_t padding_dropped_ = 0;
  std::size_t cells_left_ = 0;         // table cells md4c may still report
  std::size_t cell_budget_ = 0;
  void fail(std::string message);
  const char* last_source_ = nullptr;  // where the parse was, for the budget error's position
  std::optional<Diagnostic> failure_;
};

}  // namespace broadsheet
