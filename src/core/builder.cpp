#include "core/builder.hpp"

#include "core/attributes.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace broadsheet {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "[!NOTE]" → "note"; empty if it is not a GitHub alert marker.
std::string alert_kind(std::string_view line) {
  line = trim(line);
  if (line.size() < 4 || line.substr(0, 2) != "[!" || line.back() != ']') return {};
  std::string kind;
  for (char c : line.substr(2, line.size() - 3)) kind.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return find_callout_kind(kind) ? kind : std::string();
}

// A pixel size in an image's attribute block: a whole number, 1 to 10000 (as the hero's in front matter).
std::optional<int> pixel_size(std::string_view digits) {
  if (digits.empty() || digits.size() > 5 || digits.front() == '0') return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value <= 10000 ? std::optional<int>(value) : std::nullopt;
}

}  // namespace

std::size_t Builder::span_attributes(std::uint32_t span, std::string_view text, const char* source) {
  if (text.empty() || text[0] != '{') return 0;
  Node& node = doc_.nodes[span];
  const bool image = node.type == NodeType::Image;
  const std::string_view place = image ? "image" : "link";
  // What the span takes: an image `width` and `height`, a link the class `button`.
  auto takes = [&](const Attribute& a) {
    if (image) return a.kind == Attribute::Kind::Pair && (a.name == "width" || a.name == "height");
    return a.kind == Attribute::Kind::Class && a.name == "button";
  };
  AttributeBlock block = read_attribute_block(text);
  // Only a block that opens with an attribute the span takes is the span's; any other `{…}` stays text.
  if (block.attributes.empty() || !takes(block.attributes.front())) return 0;
  auto warn = [&](std::uint32_t at, std::string message) {
    doc_.warn(source ? doc_.source.to_original(source + at) : kNoOffset, std::move(message));
    return std::size_t{0};
  };
  constexpr std::string_view kLeft = "the block was left as text";
  if (!block.ok()) {
    std::size_t close = text.find('}');
    return warn(0, malformed_block_problem(text.substr(0, close == std::string_view::npos ? text.size() : close + 1),
                                           kLeft));
  }
  int width = 0, height = 0;
  for (const Attribute& a : block.attributes) {
    if (!takes(a))
      return warn(a.at, attribute_problem(place, attribute_label(a),
                                          image ? "is not one an image takes ({width=N height=N})"
                                                : "is not one a link takes ({.button})",
                                          kLeft));
    if (!image) continue;
    int& field = a.name == "width" ? width : height;
    std::optional<int> size = pixel_size(a.value);
    if (!size)
      return warn(a.at, attribute_problem(place, attribute_label(a),
                                          "should be a whole number of pixels from 1 to 10000", kLeft));
    if (field != 0) return warn(a.at, attribute_problem(place, attribute_label(a), "is given twice", kLeft));
    field = *size;
  }
  if (image) {
    node.set_image_size(width, height);
  } else {
    node.flags |= kButton;
  }
  return block.length;
}

Builder::Builder(Document& doc, const std::vector<DirectiveMarker>& markers, std::string_view parse_buffer)
    : doc_(doc), markers_(markers), parse_buffer_(parse_buffer) {
  doc_.nodes.clear();
  doc_.nodes.emplace_back();                         // node 0: the document
  push(0);
  std::size_t input_bytes = std::max(doc_.source.original().size(), parse_buffer.size());
  max_nodes_ = node_budget(input_bytes);
  padding_left_ = kBasePadding + input_bytes / 16;
  cells_left_ = cell_budget_ = kBaseCells + kCellsPerByte * input_bytes;
}

std::uint32_t Builder::make(NodeType type) {
  auto index = static_cast<std::uint32_t>(doc_.nodes.size());
  if (index >= max_nodes_) {
    fail("the Markdown makes more than " + std::to_string(max_nodes_) +
         " elements, the limit for an input of this size (" + std::to_string(kBaseNodes) + " and one per " +
         std::to_string(kBytesPerNode) + " bytes), which keeps memory bounded; it stops here");
    // No exceptions (the wasm build has none): a spare node past the budget takes what the current
    // callback still writes, nothing attaches it, and the md4c callback then stops the parse.
    if (doc_.nodes.size() == max_nodes_) doc_.nodes.emplace_back();
    doc_.nodes[static_cast<std::uint32_t>(max_nodes_)] = Node{};
    doc_.nodes[static_cast<std::uint32_t>(max_nodes_)].type = type;
    return static_cast<std::uint32_t>(max_nodes_);
  }
  doc_.nodes.emplace_back().type = type;
  return index;
}

// Md4c pads every table row with empty cells up to the header's column count. Over the padding budget,
// the empty cells at the end of `row` (the last nodes made) are taken out again.
void Builder::trim_row_padding(std::uint32_t row) {
  std::uint32_t last_kept = 0, first_empty = 0;
  std::size_t empty = 0;
  for (std::uint32_t cell = doc_.nodes[row].first_child; cell; cell = doc_.nodes[cell].next) {
    if (doc_.nodes[cell].first_child == 0) {
      if (!first_empty) first_empty = cell;
      ++empty;
    } else {
      last_kept = cell;
      first_empty = 0;
      empty = 0;
    }
  }
  if (empty == 0 || first_empty + empty != doc_.nodes.size()) return;  // not the last nodes made
  if (empty <= padding_left_) {
    padding_left_ -= empty;
    return;
  }
  padding_left_ = 0;  // from the next row on, cells are deferred (open_cell)
  drop_row_padding(empty, row);
  if (last_kept) doc_.nodes[last_kept].next = 0;
  else doc_.nodes[row].first_child = 0;
  for (std::size_t k = 0; k < empty; ++k) doc_.nodes.pop_back();
  stack_.back().last_child = row;
}

void Builder::drop_row_padding(std::size_t cells, std::uint32_t row) {
  if (padding_dropped_ == 0)
    doc_.warn(doc_.nodes[row].offset,
              "table rows are shorter than the header: the empty cells that would fill them are left out "
              "(over the limit for an input of this size)");
  padding_dropped_ += cells;
}

// Records the first budget error, positioned where the parse was; the md4c callback then stops the parse.
void Builder::fail(std::string message) {
  if (failure_) return;
  auto [line, column] = doc_.source.position(last_source_ ? doc_.source.to_original(last_source_) : kNoOffset);
  failure_ = Diagnostic{line, column, std::move(message)};
}

void Builder::open_cell(std::uint16_t align, bool header) {
  if (cells_left_ == 0) {
    fail("the tables hold more than " + std::to_string(cell_budget_) +
         " cells (counting the empty ones that pad short rows to the header's width), the limit for an input "
         "of this size; it stops here");
    return;
  }
  --cells_left_;
  bool in_row = not_opened_ == 0 && doc_.nodes[stack_.back().node].type == NodeType::TableRow;
  if (in_row && padding_left_ == 0) {
    deferred_cells_.push_back({align, header});
    in_deferred_cell_ = true;
    return;
  }
  std::uint32_t cell = open(NodeType::TableCell);
  if (cell == 0) return;  // over the nesting limit
  doc_.nodes[cell].set_alignment(static_cast<CellAlignment>(align));
  if (header) doc_.nodes[cell].flags |= kHeaderCell;
}

// Something is written in a deferred cell: the empty cells before it in its row, and itself, are made.
void Builder::make_deferred_cells() {
  in_deferred_cell_ = false;
  std::vector<DeferredCell> cells;
  cells.swap(deferred_cells_);
  for (std::size_t k = 0; k < cells.size(); ++k) {
    std::uint32_t cell = open(NodeType::TableCell);
    if (cell == 0) return;
    doc_.nodes[cell].set_alignment(static_cast<CellAlignment>(cells[k].align));
    if (cells[k].header) doc_.nodes[cell].flags |= kHeaderCell;
    if (k + 1 < cells.size()) pop();  // an empty cell before this one: closed at once
  }
  cells.clear();
  cells.swap(deferred_cells_);  // keeps the capacity for the next row
}

void Builder::attach(std::uint32_t child) {
  if (failure_) return;  // over the node budget: the parse is stopping
  Open& parent = stack_.back();
  if (parent.last_child) doc_.nodes[parent.last_child].next = child;
  else doc_.nodes[parent.node].first_child = child;
  parent.last_child = child;
}

std::uint32_t Builder::pop() {
  std::uint32_t node = stack_.back().node;
  stack_.pop_back();
  return node;
}

std::uint32_t Builder::open(NodeType type) {
  if (in_deferred_cell_) make_deferred_cells();  // a span in a deferred cell
  if (stack_.size() >= kMaxNesting) {
    if (not_opened_++ == 0)
      doc_.warn(kNoOffset, "the Markdown nests more than " + std::to_string(kMaxNesting) +
                               " levels deep; deeper blocks and spans are shown at that level");
    return 0;
  }
  std::uint32_t node = make(type);
  attach(node);
  push(node);
  return node;
}

void Builder::close(NodeType type) {
  if (type == NodeType::TableCell && in_deferred_cell_) {  // an empty deferred cell: still only counted
    in_deferred_cell_ = false;
    return;
  }
  if (type == NodeType::TableRow && !deferred_cells_.empty()) {  // the row's trailing empty cells
    drop_row_padding(deferred_cells_.size(), stack_.back().node);
    deferred_cells_.clear();
  }
  if (not_opened_ > 0) {  // md4c nests properly: this closes the innermost open that was refused
    --not_opened_;
    return;
  }
  // md4c 0.5.2 can leave a span it never entered (`![]([)]()` as a setext heading leaves a link): a close
  // with no open node of its type is ignored, so it cannot unwind the heading or section around it.
  bool open_here = false;
  for (std::size_t k = stack_.size(); k > 1 && !open_here; --k) open_here = doc_.nodes[stack_[k - 1].node].type == type;
  if (!open_here) return;
  // md4c nests properly otherwise; only directives (whose markers can sit at another depth) may still be
  // open here.
  while (stack_.size() > 1) {
    std::uint32_t node = stack_.back().node;
    NodeType open_type = doc_.nodes[node].type;
    if (open_type == NodeType::Directive) {
      const Directive& d = doc_.directives[doc_.nodes[node].directive_index()];
      doc_.warn_at_line(d.line, 1, "`::: " + d.name + "` was closed by the end of the block around it");
    }
    pop();
    if (open_type == type) break;
  }
  if (type == NodeType::TableRow) trim_row_padding(stack_.back().last_child);
  if (type == NodeType::Paragraph) finish_paragraph(stack_.back().last_child);
  else if (type == NodeType::BlockQuote && !doc_.commonmark) finish_quote(stack_.back().last_child);
  else if (type == NodeType::Link || type == NodeType::Image) last_closed_span_ = stack_.back().last_child;
}

void Builder::note_source(const char* source) {
  // Give every open node without a position the position of its first text (cheap: stops at the first
  // node that already has one).
  std::uint32_t offset = kNoOffset;
  for (auto it = stack_.rbegin(); it != stack_.rend() && doc_.nodes[it->node].offset == kNoOffset; ++it) {
    if (offset == kNoOffset) offset = doc_.source.to_original(source);
    if (offset == kNoOffset) return;
    doc_.nodes[it->node].offset = offset;
  }
}

void Builder::text(std::string_view text, const char* source) {
  if (text.empty()) return;
  if (in_deferred_cell_) make_deferred_cells();
  if (heading_ && stack_.back().node == heading_ && !heading_has_text_) {
    heading_has_text_ = true;
    heading_marker_ = marker_at(source);
    if (heading_marker_) return;
  }
  Open& parent = stack_.back();
  if (last_closed_span_ && parent.last_child == last_closed_span_ && !doc_.commonmark) {
    last_closed_span_ = 0;
    if (std::size_t taken = span_attributes(parent.last_child, text, source)) {
      text.remove_prefix(taken);
      if (text.empty()) return;
      source = source ? source + taken : nullptr;
    }
  }
  last_closed_span_ = 0;
  if (source) last_source_ = source;
  if (source && doc_.nodes[parent.node].offset == kNoOffset) note_source(source);
  // Adjacent runs of the same buffer merge into one text node.
  if (parent.last_child) {
    Node& last = doc_.nodes[parent.last_child];
    std::string_view before = last.literal();
    if (last.type == NodeType::Text && before.data() + before.size() == text.data()) {
      last.set_literal(std::string_view(before.data(), before.size() + text.size()));
      return;
    }
  }
  std::uint32_t node = make(NodeType::Text);
  doc_.nodes[node].set_literal(text);
  attach(node);
}

void Builder::inline_html(std::string_view html, const char* source) {
  if (in_deferred_cell_) make_deferred_cells();
  if (source && doc_.nodes[stack_.back().node].offset == kNoOffset) note_source(source);
  std::uint32_t node = make(NodeType::InlineHtml);
  doc_.nodes[node].set_literal(html);
  attach(node);
}

std::uint32_t Builder::leaf(NodeType type) {
  if (in_deferred_cell_) make_deferred_cells();
  last_closed_span_ = 0;
  std::uint32_t node = make(type);
  attach(node);
  return node;
}

void Builder::enter(std::uint32_t node) {
  std::uint32_t last = 0;
  for (std::uint32_t child = doc_.nodes[node].first_child; child; child = doc_.nodes[child].next) last = child;
  stack_.push_back({node, last});
}

void Builder::html_block_text(std::string_view text, const char* source) {
  const char* buffer = parse_buffer_.data();
  if (markers_.empty() || !source || source < buffer || source >= buffer + parse_buffer_.size()) {
    this->text(text, source);
    return;
  }
  auto start = static_cast<std::uint32_t>(source - buffer);
  auto end = static_cast<std::uint32_t>(start + text.size());
  auto marker = std::lower_bound(markers_.begin(), markers_.end(), start,
                                 [](const DirectiveMarker& m, std::uint32_t value) { return m.text_offset < value + 2; });
  std::uint32_t done = start;
  for (; marker != markers_.end() && marker->text_offset - 2 < end; ++marker) {
    std::uint32_t line_start = marker->text_offset - 2;  // the marker line is `# D` padded to the line's length
    std::uint32_t line_end = line_start;
    while (line_end < end && buffer[line_end] != '\n') ++line_end;
    if (line_start > done) this->text(parse_buffer_.substr(done, line_start - done), buffer + done);
    if (marker->inserted) {
      if (line_end < end) ++line_end;  // an inserted line goes entirely, newline included
    } else {
      this->text(marker->original, nullptr);  // in the document's arena
    }
    done = line_end;
  }
  if (done < end) this->text(parse_buffer_.substr(done, end - done), buffer + done);
}

const DirectiveMarker* Builder::marker_at(const char* source) const {
  if (markers_.empty() || source < parse_buffer_.data() || source >= parse_buffer_.data() + parse_buffer_.size())
    return nullptr;
  auto offset = static_cast<std::uint32_t>(source - parse_buffer_.data());
  auto found = std::lower_bound(markers_.begin(), markers_.end(), offset,
                                [](const DirectiveMarker& m, std::uint32_t value) { return m.text_offset < value; });
  return (found != markers_.end() && found->text_offset == offset) ? &*found : nullptr;
}

void Builder::open_heading(int level) {
  heading_ = make(NodeType::Heading);
  doc_.nodes[heading_].set_heading_level(level);
  heading_marker_ = nullptr;
  heading_has_text_ = false;
  push(heading_);
}

bool Builder::at_top_level() const {
  NodeType type = doc_.nodes[stack_.back().node].type;
  return type == NodeType::Document || type == NodeType::Section || type == NodeType::Story;
}

// Closes the open story (and section): they end where the next heading of their level begins.
void Builder::close_structure(bool also_section) {
  while (stack_.size() > 1) {
    NodeType type = doc_.nodes[stack_.back().node].type;
    if (type == NodeType::Story || (also_section && type == NodeType::Section)) pop();
    else break;
  }
}

void Builder::close_heading() {
  // Whatever is still open inside the heading closes with it; the document itself is never popped.
  while (stack_.size() > 2 && stack_.back().node != heading_) pop();
  if (stack_.size() < 2 || stack_.back().node != heading_) return;
  std::uint32_t heading = pop();
  heading_ = 0;
  if (heading_marker_) {
    const DirectiveMarker* marker = heading_marker_;
    heading_marker_ = nullptr;
    // A marker heading is never attached: its node (the last one made) is taken back, so a directive
    // costs its own node and its content's, not two headings more.
    if (heading + 1 == doc_.nodes.size() && heading < max_nodes_) doc_.nodes.pop_back();
    if (marker->opens) open_directive(*marker);
    else close_directive(marker->directive, marker->line);
    return;
  }
  int level = doc_.nodes[heading].heading_level();
  if (!doc_.commonmark && at_top_level()) {
    if (level <= 2) close_structure(/*also_section=*/true);
    if (level == 3) close_structure(/*also_section=*/false);
    if (level == 2 || level == 3) {
      std::uint32_t container = open(level == 2 ? NodeType::Section : NodeType::Story);
      doc_.nodes[container].offset = doc_.nodes[heading].offset;
    }
  }
  attach(heading);
}

void Builder::open_directive(const DirectiveMarker& marker) {
  std::uint32_t directive = marker.directive;
  std::uint32_t node = open(NodeType::Directive);
  if (node == 0) return;  // too deep: its content joins the block around it, its `:::` closes nothing
  doc_.nodes[node].set_directive_index(directive);
  // Its position is the opening line (where the `:::` stood), not its first content.
  doc_.nodes[node].offset = doc_.source.to_original(parse_buffer_.data() + marker.text_offset - 2);
  if (opened_.size() <= directive) opened_.resize(directive + 1, 0);
  opened_[directive] = 1;
}

void Builder::close_directive(std::uint32_t directive, std::uint32_t line) {
  const Node& top = doc_.nodes[stack_.back().node];
  if (top.type == NodeType::Directive && top.directive_index() == directive) {
    pop();
    return;
  }
  // Its opening line was never seen as one (md4c took it into a raw HTML block): nothing to close.
  if (directive >= opened_.size() || !opened_[directive]) return;
  // The closing line sits at another depth than the opening one (e.g. inside a list item): the directive
  // ends with the block around it instead.
  doc_.warn_at_line(line, 1, "this `:::` is not at the same level as the `::: " + doc_.directives[directive].name +
                                        "` it should close; it was ignored");
}

void Builder::finish_paragraph(std::uint32_t paragraph) {
  if (doc_.commonmark || paragraph == 0) return;
  Node& p = doc_.nodes[paragraph];
  if (p.type != NodeType::Paragraph || p.first_child == 0) return;
  const Node& only = doc_.nodes[p.first_child];
  if (only.next != 0) return;
  bool image = only.type == NodeType::Image;
  bool linked_image = only.type == NodeType::Link && only.first_child &&
                      doc_.nodes[only.first_child].type == NodeType::Image && doc_.nodes[only.first_child].next == 0;
  if (image || linked_image) p.type = NodeType::Figure;
}

void Builder::finish_quote(std::uint32_t quote) {
  Node& q = doc_.nodes[quote];
  if (q.type != NodeType::BlockQuote || q.first_child == 0) return;
  Node& paragraph = doc_.nodes[q.first_child];
  if (paragraph.type != NodeType::Paragraph) return;
  // The first line of the first paragraph: text nodes up to a soft or hard break.
  std::string line;
  std::uint32_t child = paragraph.first_child;
  for (; child && doc_.nodes[child].type == NodeType::Text; child = doc_.nodes[child].next) line += doc_.nodes[child].literal();
  if (child && doc_.nodes[child].type != NodeType::SoftBreak && doc_.nodes[child].type != NodeType::LineBreak) return;
  std::string kind = alert_kind(line);
  if (kind.empty()) return;
  std::uint32_t rest = child ? doc_.nodes[child].next : 0;
  if (rest) {
    paragraph.first_child = rest;
    // The paragraph now starts on the line after the marker.
    if (doc_.nodes[rest].type == NodeType::Text) {
      std::uint32_t offset = doc_.source.to_original(doc_.nodes[rest].literal().data());
      if (offset != kNoOffset) paragraph.offset = offset;
    }
  } else q.first_child = paragraph.next;  // the paragraph held only the marker
  Directive alert;
  alert.name = kind;
  alert.kind = DirectiveKind::Callout;
  alert.callout = kind;
  alert.line = doc_.source.line(q.offset);
  q.type = NodeType::Directive;
  q.set_directive_index(static_cast<std::uint32_t>(doc_.directives.size()));
  doc_.directives.push_back(std::move(alert));
}

void Builder::finish() {
  while (stack_.size() > 1) {
    const Node& node = doc_.nodes[stack_.back().node];
    if (node.type == NodeType::Directive) {
      const Directive& d = doc_.directives[node.directive_index()];
      doc_.warn_at_line(d.line, 1, "`::: " + d.name + "` is not closed");
    }
    pop();
  }
  // A leading `# Title` stands for the title when the front matter gives none.
  std::uint32_t first = doc_.nodes[0].first_child;
  if (!doc_.commonmark && doc_.front.title.empty() && first && doc_.nodes[first].type == NodeType::Heading &&
      doc_.nodes[first].heading_level() == 1)
    doc_.title_heading = first;
}

}  // namespace broadsheet
