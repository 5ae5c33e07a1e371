#include "core/recent.hpp"

#include <algorithm>
#include <string>

namespace broadsheet {

namespace {

// `{count=N}` of one block: a whole number from 1 to kMaxRecentCount, written in plain digits.
int count_of(Document& doc, const Directive& directive) {
  for (const auto& [key, value] : directive.attributes) {
    if (key != "data-count") continue;
    int count = 0;
    bool digits = !value.empty() && value.size() <= 2;
    for (char c : value) {
      digits = digits && c >= '0' && c <= '9';
      count = count * 10 + (c - '0');
    }
    if (digits && count >= 1 && count <= kMaxRecentCount) return count;
    doc.warn_at_line(directive.line, 1, "`::: recent {count=N}` takes a whole number from 1 to 50; this one lists 3");
  }
  return kDefaultRecentCount;
}

// A node appended to the store (not yet linked), at `offset` in the source.
std::uint32_t add_node(Document& doc, NodeType type, std::uint32_t offset) {
  Node& node = doc.nodes.emplace_back();
  node.type = type;
  node.offset = offset;
  return doc.nodes.size() - 1;
}

// The tight bullet list of `issues`, made the first child of `block`.
void prepend_list(Document& doc, std::uint32_t block, std::span<const RecentIssue> issues) {
  std::uint32_t offset = doc.nodes[block].offset;
  std::uint32_t list = add_node(doc, NodeType::List, offset);
  doc.nodes[list].flags = kTight;
  doc.nodes[list].set_list_mark('-');  // the bullet, as md4c reports it
  std::uint32_t previous = 0;
  for (const RecentIssue& issue : issues) {
    std::uint32_t item = add_node(doc, NodeType::ListItem, offset);
    std::uint32_t link = add_node(doc, NodeType::Link, offset);
    std::uint32_t text = add_node(doc, NodeType::Text, offset);
    doc.nodes[link].set_url(doc.arena.store(issue.url));
    doc.nodes[text].set_literal(doc.arena.store(doc.locale.issue_link(issue.number, issue.title)));
    doc.nodes[link].first_child = text;
    doc.nodes[item].first_child = link;
    if (previous) doc.nodes[previous].next = item;
    else doc.nodes[list].first_child = item;
    previous = item;
  }
  doc.nodes[list].next = doc.nodes[block].first_child;
  doc.nodes[block].first_child = list;
}

}  // namespace

int fill_recent(Document& doc, std::span<const RecentIssue> issues) {
  bool any = false;
  for (std::size_t k = 0; k < doc.directives.size() && !any; ++k) any = doc.directives[k].kind == DirectiveKind::Recent;
  if (!any) return 0;
  int largest = 0;
  std::size_t links_left = kMaxRecentLinks;
  const std::uint32_t existing = doc.nodes.size();  // the nodes added here are never blocks to fill
  for (std::uint32_t index = 1; index < existing; ++index) {
    const Node& node = doc.nodes[index];
    if (node.type != NodeType::Directive) continue;
    const Directive& directive = doc.directives[node.directive_index()];
    if (directive.kind != DirectiveKind::Recent) continue;
    int count = count_of(doc, directive);
    if (count > largest) largest = count;
    std::size_t listed = std::min(std::min(static_cast<std::size_t>(count), issues.size()), links_left);
    if (listed == 0) continue;
    prepend_list(doc, index, issues.first(listed));
    links_left -= listed;
  }
  return largest;
}

}  // namespace broadsheet
