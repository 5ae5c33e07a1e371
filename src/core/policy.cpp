#include "core/policy.hpp"

#include "core/sanitize.hpp"
#include "core/slug.hpp"

namespace broadsheet {

namespace {

void collect_text(const Document& doc, std::uint32_t node, std::string& out) {
  doc.for_each_child(node, [&](std::uint32_t child) {
    const Node& n = doc[child];
    if (n.type == NodeType::Text) out += n.text;
    else if (n.type == NodeType::SoftBreak || n.type == NodeType::LineBreak) out += ' ';
    else if (n.type != NodeType::Image && n.type != NodeType::InlineHtml) collect_text(doc, child, out);
  });
}

class Policy {
 public:
  Policy(Document& doc, const Options& options) : doc_(doc), ids_(options.id_prefix) {}

  void run() {
    if (doc_.title_heading) {
      std::string title = plain_text(doc_, doc_.title_heading);
      doc_.outline.push_back({"", title, 1, "title", doc_.source.line(doc_[doc_.title_heading].offset)});
    }
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
        case NodeType::Link:
          check_url(node, UrlUse::Link, "link");
          visit(child, false);
          break;
        case NodeType::Image:
          check_url(node, UrlUse::Image, "image");
          visit(child, false);
          break;
        default:
          visit(child, false);
      }
    }
  }

  bool opens_container(std::uint32_t parent, std::uint32_t heading) const {
    NodeType type = doc_[parent].type;
    return (type == NodeType::Section || type == NodeType::Story) && doc_[parent].first_child == heading;
  }

  // A section or story takes its id from its heading (its first child).
  void name_container(std::uint32_t container) {
    Node& node = doc_.nodes[container];
    std::uint32_t heading = node.first_child;
    std::string title = plain_text(doc_, heading);
    bool section = node.type == NodeType::Section;
    std::string id = ids_.unique(title, section ? "section" : "story");
    node.text = doc_.arena.store(id);
    doc_.nodes[heading].text2 = doc_.arena.store(title);
    doc_.outline.push_back({id, title, section ? 2 : 3, section ? "section" : "story", doc_.source.line(node.offset)});
  }

  // Other top-level headings (#, ####…) get an id of their own.
  void name_heading(std::uint32_t heading) {
    Node& node = doc_.nodes[heading];
    std::string title = plain_text(doc_, heading);
    std::string id = ids_.unique(title, "heading");
    node.text = doc_.arena.store(id);
    node.text2 = doc_.arena.store(title);
    doc_.outline.push_back({id, title, node.level, "heading", doc_.source.line(node.offset)});
  }

  void check_url(Node& node, UrlUse use, const char* what) {
    if (is_safe_url(node.text, use)) return;
    node.flags |= kUnsafeUrl;
    std::string shown(node.text.substr(0, 40));
    doc_.warn(node.offset, std::string("unsafe ") + what + " URL removed: " + shown);
  }

  Document& doc_;
  IdRegistry ids_;
};

}  // namespace

std::string plain_text(const Document& doc, std::uint32_t node) {
  std::string out;
  collect_text(doc, node, out);
  return out;
}

void apply_policy(Document& doc, const Options& options) {
  if (doc.commonmark) return;  // the conformance mode renders exactly what CommonMark says
  Policy(doc, options).run();
}

}  // namespace broadsheet
