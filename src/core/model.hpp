// The document model: the one vocabulary between the parser (md4c_adapter, builder) and the renderers.
//
// A tree stored in one vector: nodes refer to their first child and next sibling by index (0 = none;
// node 0 is the document itself and never a child). Strings are views into the source or the arena.
// Renderers read this and the front matter, nothing else.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/arena.hpp"
#include "core/front_matter.hpp"
#include "core/locale.hpp"
#include "core/source_map.hpp"

namespace broadsheet {

enum class NodeType : std::uint8_t {
  Document,
  // Newsletter structure (not used in CommonMark mode).
  Section,        // a top-level `##` heading and what follows it; id()
  Story,          // a `###` heading inside a section (or the intro); id()
  Directive,      // `::: name` … `:::` or a GitHub alert; directive_index()
  Figure,         // a paragraph holding only an image
  // Blocks.
  Paragraph,
  Heading,        // heading_level(), id() (sections/stories carry theirs), plain_title()
  BlockQuote,
  List,           // flags: Ordered, Tight; list_start(), list_mark()
  ListItem,       // flags: Task, Checked
  CodeBlock,      // info_string(), language(), fence_char(); children: Text
  HtmlBlock,      // children: Text (raw HTML)
  ThematicBreak,
  Table,
  TableHead,
  TableBody,
  TableRow,
  TableCell,      // flags: HeaderCell; alignment()
  // Inlines.
  Text,           // literal()
  SoftBreak,
  LineBreak,
  CodeSpan,       // children: Text
  InlineHtml,     // literal() (raw HTML)
  Emphasis,
  Strong,
  Strikethrough,
  Link,           // url(), title(); flags: Autolink, Button
  Image,          // url(), title(), image_width(), image_height(); children: the alt text
  // Footnotes (newsletter mode; core/footnotes.hpp finds them).
  FootnoteRef,    // inline leaf: note_number(), reference_ordinal(), note_id(), reference_id()
  Footnotes,      // the notes: one block, the document's last child; children: Footnote
  Footnote,       // note_number(), id(), back_link()
};

enum NodeFlag : std::uint8_t {
  kTight = 1 << 0,
  kOrdered = 1 << 1,
  kTask = 1 << 2,
  kChecked = 1 << 3,
  kHeaderCell = 1 << 4,
  kAutolink = 1 << 5,
  kButton = 1 << 6,
  kUnsafeUrl = 1 << 7,     // set by the policy: the link/image URL failed the URL check
};

inline constexpr std::uint32_t kNoOffset = 0xFFFFFFFFu;

// A table cell's alignment, as md4c numbers it.
enum class CellAlignment : std::uint8_t { None, Left, Center, Right };

struct Node {
  // Structural fields, public: each means the same for every node (NodeFlag bits too, one fact per bit).
  NodeType type = NodeType::Document;
  std::uint8_t flags = 0;

 private:
  // The payload, private so only the accessors below, named for what each field is per type, read or
  // write it: four fields shared by the types so a node stays small (36 bytes in wasm). small_ sits here,
  // between the structural fields, to fill the two bytes after `flags`.
  std::uint16_t small_ = 0;

 public:
  std::uint32_t first_child = 0;
  std::uint32_t next = 0;
  std::uint32_t offset = kNoOffset;   // offset in the original input where this node's text starts

 private:
  std::int32_t number_ = 0;
  std::string_view text_;
  std::string_view second_text_;

 public:
  // Sets the defaults above and nothing more: with private fields `Node{}` is no longer an aggregate's
  // initialisation, and a defaulted constructor would have it zero the whole node first (a memset per node).
  Node() {}

  bool has(NodeFlag flag) const { return (flags & flag) != 0; }

  // Text, InlineHtml: the characters (a code block's and an HTML block's are in their Text children).
  std::string_view literal() const { return text_; }
  void set_literal(std::string_view characters) { text_ = characters; }
  // Section, Story, Heading, Footnote: the id the policy gave it (a heading's may be empty).
  std::string_view id() const { return text_; }
  void set_id(std::string_view id) { text_ = id; }

  // Heading: its level (1–6) and its title as plain text (the policy's, for the outline and lint).
  int heading_level() const { return small_; }
  void set_heading_level(int heading_level) { small_ = static_cast<std::uint16_t>(heading_level); }
  std::string_view plain_title() const { return second_text_; }
  void set_plain_title(std::string_view title) { second_text_ = title; }

  // List: an ordered list's first number, and the list's mark (`-`, `*`, `+`; `.` or `)` when ordered).
  std::int32_t list_start() const { return number_; }
  void set_list_start(std::int32_t start) { number_ = start; }
  char list_mark() const { return static_cast<char>(small_); }
  void set_list_mark(char mark) { small_ = static_cast<unsigned char>(mark); }

  // CodeBlock: the info string, its first word (the language), the fence character (0: indented).
  std::string_view info_string() const { return text_; }
  void set_info_string(std::string_view info) { text_ = info; }
  std::string_view language() const { return second_text_; }
  void set_language(std::string_view language) { second_text_ = language; }
  char fence_char() const { return static_cast<char>(number_); }
  void set_fence_char(char fence) { number_ = fence; }

  // TableCell.
  CellAlignment alignment() const { return static_cast<CellAlignment>(small_ & 3); }
  void set_alignment(CellAlignment alignment) { small_ = static_cast<std::uint16_t>(alignment); }

  // Link, Image: the URL (href or src, decoded, checked by the policy) and the title.
  std::string_view url() const { return text_; }
  void set_url(std::string_view url) { text_ = url; }
  std::string_view title() const { return second_text_; }
  void set_title(std::string_view title) { second_text_ = title; }
  // Image: its size in pixels from `{width=… height=…}` (0: not given).
  int image_width() const { return number_; }
  int image_height() const { return small_; }
  void set_image_size(int width, int height) {
    number_ = width;
    small_ = static_cast<std::uint16_t>(height);
  }

  // Directive: its index in Document::directives.
  std::uint32_t directive_index() const { return static_cast<std::uint32_t>(number_); }
  void set_directive_index(std::uint32_t index) { number_ = static_cast<std::int32_t>(index); }

  // FootnoteRef, Footnote: the note's number (1-based, in order of first reference).
  std::uint32_t note_number() const { return static_cast<std::uint32_t>(number_); }
  void set_note_number(std::uint32_t number) { number_ = static_cast<std::int32_t>(number); }
  // FootnoteRef: which reference to its note it is (2: the note's second), the note's id it links to (its
  // label until the policy names the note), and its own id (empty: it cannot be linked back to).
  std::uint32_t reference_ordinal() const { return small_; }
  void set_reference_ordinal(std::uint32_t ordinal) { small_ = static_cast<std::uint16_t>(ordinal); }
  std::string_view note_id() const { return text_; }
  void set_note_id(std::string_view id) { text_ = id; }
  std::string_view reference_id() const { return second_text_; }
  void set_reference_id(std::string_view id) { second_text_ = id; }
  // Footnote: the id of its first reference, where its back-link goes (empty: none).
  std::string_view back_link() const { return second_text_; }
  void set_back_link(std::string_view id) { second_text_ = id; }
};
// 20 bytes of scalars, padded to a view's alignment, and two views: the accessors add nothing.
static_assert(sizeof(Node) == (20 + alignof(std::string_view) - 1) / alignof(std::string_view) * alignof(std::string_view) +
                                  2 * sizeof(std::string_view),
              "a node keeps its size");

// The nodes, in chunks of a fixed size: growing never moves a node, and never holds an old and a new
// array at once (a vector's doubling made the peak up to 3× the nodes' own size). Indexes as a vector's.
// A chunk is raw storage and a node is constructed when it is added: constructing a whole chunk up front
// wrote 56 KiB per render, 6% of the time on a corpus of small files.
class NodeStore {
 public:
  static constexpr std::uint32_t kChunkBits = 10;
  static constexpr std::uint32_t kChunk = 1u << kChunkBits;
  static_assert(std::is_trivially_destructible_v<Node>, "nodes are never destroyed one by one");

  Node& operator[](std::uint32_t index) { return *slot(index); }
  const Node& operator[](std::uint32_t index) const { return *const_cast<NodeStore*>(this)->slot(index); }
  std::uint32_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  Node& back() { return (*this)[size_ - 1]; }
  Node& emplace_back() {
    if ((size_ & (kChunk - 1)) == 0 && (size_ >> kChunkBits) == chunks_.size())
      chunks_.emplace_back(new Slot[kChunk]);  // Slot is trivial: left uninitialized
    Slot& slot = chunks_[size_ >> kChunkBits][size_ & (kChunk - 1)];
    ++size_;
    return *::new (static_cast<void*>(slot.bytes)) Node{};
  }
  void pop_back() { --size_; }
  void clear() { size_ = 0; }
  // Bytes held (for the memory budget).
  std::size_t bytes() const { return chunks_.size() * kChunk * sizeof(Node); }

 private:
  struct Slot {
    alignas(Node) unsigned char bytes[sizeof(Node)];
  };
  Node* slot(std::uint32_t index) {
    return std::launder(reinterpret_cast<Node*>(chunks_[index >> kChunkBits][index & (kChunk - 1)].bytes));
  }
  std::vector<std::unique_ptr<Slot[]>> chunks_;
  std::uint32_t size_ = 0;
};

// A list that grows a chunk at a time, for the model's long lists of structs (the directives: one per
// `:::` block, tens of thousands in a pathological issue). Growing never copies what is there, and never
// holds an old and a new array at once (a vector's doubling did: up to 3× the list's own size).
template <typename T, std::uint32_t ChunkBits = 8>
class ChunkedList {
 public:
  static constexpr std::uint32_t kChunk = 1u << ChunkBits;

  T& operator[](std::size_t index) { return chunks_[index >> ChunkBits][index & (kChunk - 1)]; }
  const T& operator[](std::size_t index) const { return chunks_[index >> ChunkBits][index & (kChunk - 1)]; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  void push_back(T&& value) {
    if ((size_ >> ChunkBits) == chunks_.size()) chunks_.emplace_back(new T[kChunk]);
    (*this)[size_++] = std::move(value);
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

enum class DirectiveKind : std::uint8_t { Sponsor, Callout, Cta, Recent, Unknown };

struct Directive {
  std::string name;                  // lower-case name as written (`sponsor`, `note`, …)
  DirectiveKind kind = DirectiveKind::Unknown;
  std::string callout;               // for callouts: note, tip, important, warning, caution
  std::string title;                 // text after the name on the opening line
  std::string classes;               // `.class` names from the attribute block, space-separated
  std::vector<std::pair<std::string, std::string>> attributes;  // allowed key="value" pairs
  std::uint32_t line = 0;
};

struct OutlineEntry {
  std::string id;
  std::string title;
  int level = 0;
  std::string kind;    // "title", "section", "story" or "heading"
  std::uint32_t line = 0;
};

struct Document {
  NodeStore nodes;                   // nodes[0] is the document
  ChunkedList<Directive> directives;
  std::vector<OutlineEntry> outline;
  std::vector<Diagnostic> warnings;
  FrontMatter front;                 // parsed front matter (empty in CommonMark mode)
  Locale locale = Locale::resolve("");  // the words Broadsheet writes, in front.lang (with the labels option)
  std::uint32_t title_heading = 0;   // a leading `#` heading used as the title when front matter has none
  SourceMap source;
  std::string parse_buffer;          // owns the rewritten body when directives were found (text views point into it)
  Arena arena;
  std::vector<std::string_view> footnote_labels;  // by note number - 1, as the definitions write them
  bool commonmark = false;
  int recent_count = 0;              // the most issues a `::: recent` block lists (core/recent.hpp)

  const Node& operator[](std::uint32_t index) const { return nodes[index]; }

  template <typename Visit>
  void for_each_child(std::uint32_t parent, Visit&& visit) const {
    for (std::uint32_t child = nodes[parent].first_child; child != 0; child = nodes[child].next) visit(child);
  }

  // The intro is the top-level blocks before the first section, without a leading `# Title` that stands
  // for the title. Returns the first section (0 if there is none) and whether the intro holds anything.
  struct Intro {
    std::uint32_t first_section = 0;
    bool has_content = false;
  };
  Intro intro() const {
    Intro intro;
    for (std::uint32_t child = nodes[0].first_child; child; child = nodes[child].next) {
      if (nodes[child].type == NodeType::Section || nodes[child].type == NodeType::Footnotes) {
        intro.first_section = child;
        break;
      }
      if (child != title_heading) intro.has_content = true;
    }
    return intro;
  }

  // At most kMaxWarnings warnings from the policy and lint (then one saying the rest were left out): a
  // warning per image in 500 KB of `![](a)` held 85,000 messages, more memory than the document.
  static constexpr std::size_t kMaxWarnings = 1000;
  std::size_t warnings_added = 0;
  bool may_warn() {
    if (warnings_added < kMaxWarnings) return ++warnings_added, true;
    if (warnings_added++ == kMaxWarnings)
      warnings.push_back({0, 0, "more than " + std::to_string(kMaxWarnings) + " warnings; the rest are left out"});
    return false;
  }

  // A warning at a known line and column, within the same cap.
  void warn_at_line(std::uint32_t line, std::uint32_t column, std::string message) {
    if (may_warn()) warnings.push_back({line, column, std::move(message)});
  }

  void warn(std::uint32_t offset, std::string message) {
    if (!may_warn()) return;
    auto [line, column] = source.position(offset);
    warnings.push_back({line, column, std::move(message)});
  }
};

}  // namespace broadsheet
