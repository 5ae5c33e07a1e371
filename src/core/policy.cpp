#include "core/policy.hpp"

#include "core/sanitize.hpp"
#include "core/slug.hpp"

namespace broadsheet {

namespace {

// A heading that starts or ends with an image keeps the space beside it; titles and ids should not.
std::string trimmed(std::string text) {
  std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  std::size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

class Policy {
 public:
  Policy(Document& doc, const PolicySettings& settings) : doc_(doc), ids_(std::string(settings.id_prefix)) {}

  void run() {
    if (doc_.title_heading) {
      std::string title = plain_text(doc_, doc_.title_heading);
      doc_.outline.push_back({"", title, 1, "title", doc_.source.line(doc_[doc_.title_heading].offset)});
    }
    name_footnotes();
    visit(0, /*top_level=*/true);
  }

 private:
  void visit(std::uint32_t parent, bool top_level) {
    for (std::uint32_t child = doc_.nodes[parent].first_child; child; child = doc_.nodes[child].next) {
      Node& node = doc_.nodes[child];
      switch (node.type) {
        case NodeType::Section:
        case NodeType::Story:
          name_container(child);
          visit(child, true);
          break;
        case NodeType::Heading:
          if (top_level && child != doc_.title_heading && !opens_container(parent, child)) name_heading(child);
          visit(child, false);
          break;
        case NodeType::Directive:
          name_directive(node);
          visit(child, false);
          break;
        case NodeType::Figure:
          visit(child, false);
          if (figure_lost_its_image(child)) doc_.nodes[child].type = NodeType::Paragraph;
          break;
        case NodeType::Link:
          check_url(node, UrlUse::Link, "link");
          visit_inside_span(child);
          break;
        case NodeType::Image:
          check_url(node, UrlUse::Image, "image");
          visit_inside_span(child);
          break;
        case NodeType::FootnoteRef: name_footnote_ref(node); break;
        case NodeType::Footnote:
          name_footnote(node);
          visit(child, false);
          break;
        default:
          if (node.first_child) visit(child, false);  // leaves (text, breaks) have nothing to visit
      }
    }
  }

  // A link's text or an image's alt text: a footnote reference there cannot be a link (name_footnote_ref).
  void visit_inside_span(std::uint32_t span) {
    ++in_link_or_alt_;
    visit(span, false);
    --in_link_or_alt_;
  }

  bool opens_container(std::uint32_t parent, std::uint32_t heading) const {
    NodeType type = doc_[parent].type;
    return (type == NodeType::Section || type == NodeType::Story) && doc_[parent].first_child == heading;
  }

  // A section or story takes its id from its heading (its first child).
  void name_container(std::uint32_t container) {
    Node& node = doc_.nodes[container];
    std::uint32_t heading = node.first_child;
    std::string title = trimmed(plain_text(doc_, heading));
    bool section = node.type == NodeType::Section;
    std::string id = ids_.unique(title, section ? "section" : "story");
    node.set_id(doc_.arena.store(id));
    doc_.nodes[heading].set_plain_title(doc_.arena.store(title));
    doc_.outline.push_back({id, title, section ? 2 : 3, section ? "section" : "story", doc_.source.line(node.offset)});
  }

  // Other top-level headings (#, ####…) get an id of their own.
  void name_heading(std::uint32_t heading) {
    Node& node = doc_.nodes[heading];
    std::string title = trimmed(plain_text(doc_, heading));
    std::string id = ids_.unique(title, "heading");
    node.set_id(doc_.arena.store(id));
    node.set_plain_title(doc_.arena.store(title));
    doc_.outline.push_back({id, title, node.heading_level(), "heading", doc_.source.line(node.offset)});
  }

  // A figure whose image was removed is only its alt text: a paragraph again.
  bool figure_lost_its_image(std::uint32_t figure) const {
    std::uint32_t image = doc_[figure].first_child;
    if (image && doc_[image].type == NodeType::Link) image = doc_[image].first_child;
    return image && doc_[image].type == NodeType::Image && doc_[image].has(kUnsafeUrl);
  }

  // An id given to a directive (`{#subscribe}`) is a slug like the others: prefixed and unique.
  void name_directive(const Node& node) {
    auto& directive = doc_.directives[node.directive_index()];
    for (auto& [key, value] : directive.attributes)
      if (key == "id") value = ids_.unique(value, "block");
  }

  // Footnote ids go through the same registry (prefixed, never colliding with a heading's): fnref-1
  // (fnref-1-2 for the note's 2nd reference) and fn-1; a note's back-link goes to its first reference.
  // The notes are named first, so every reference knows where it points.
  void name_footnotes() {
    std::uint32_t last = 0;
    for (std::uint32_t child = doc_.nodes[0].first_child; child; child = doc_.nodes[child].next) last = child;
    if (!last || doc_.nodes[last].type != NodeType::Footnotes) return;
    for (std::uint32_t note = doc_.nodes[last].first_child; note; note = doc_.nodes[note].next) {
      Node& node = doc_.nodes[note];
      node.set_id(doc_.arena.store(ids_.unique("fn-" + std::to_string(node.note_number()), "fn")));
      note_ids_.push_back(node.id());
    }
  }

  // A reference inside a link's text or an image's alt text cannot be a link itself: it keeps its number,
  // gets no id, and the note links back to its first reference that can be reached (or to none).
  void name_footnote_ref(Node& node) {
    std::size_t number = node.note_number();
    std::uint32_t ordinal = node.reference_ordinal();
    if (number >= 1 && number <= note_ids_.size()) node.set_note_id(note_ids_[number - 1]);
    if (in_link_or_alt_ > 0) {
      doc_.warn(node.offset, "footnote reference " + std::to_string(number) +
                                 " inside a link or an alt text cannot link to its note: put it after them");
      return;
    }
    std::string n = std::to_string(number);
    std::string id = ids_.unique(ordinal > 1 ? "fnref-" + n + "-" + std::to_string(ordinal) : "fnref-" + n, "fnref");
    node.set_reference_id(doc_.arena.store(id));
    if (number < 1) return;
    if (first_refs_.size() < number) first_refs_.resize(number);
    if (first_refs_[number - 1].empty()) first_refs_[number - 1] = node.reference_id();
  }

  void name_footnote(Node& node) {
    std::size_t number = node.note_number();
    if (number <= first_refs_.size()) node.set_back_link(first_refs_[number - 1]);
  }

  void check_url(Node& node, UrlUse use, const char* what) {
    if (is_safe_url(node.url(), use)) return;
    node.flags |= kUnsafeUrl;
    doc_.warn(node.offset, std::string("unsafe ") + what + " URL removed: " + url_for_message(node.url()));
  }

  Document& doc_;
  IdRegistry ids_;
  std::vector<std::string_view> first_refs_;  // by note number - 1
  std::vector<std::string_view> note_ids_;    // by note number - 1
  int in_link_or_alt_ = 0;                    // links and images open around the node visited
};

}  // namespace

std::string plain_text(const Document& doc, std::uint32_t node) {
  std::string out;
  for_each_text_piece(doc, node, [&](std::string_view piece) {
    out += piece;
    return true;
  });
  return out;
}

void apply_policy(Document& doc, const PolicySettings& settings) {
  if (doc.commonmark) return;  // the conformance mode renders exactly what CommonMark says
  Policy(doc, settings).run();
}

}  // namespace broadsheet
