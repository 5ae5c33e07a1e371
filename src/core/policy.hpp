// The policy pass over a built document: URL checks (unsafe links and images are flagged and warned
// about, never rendered), ids for sections, stories and headings, and the outline.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// What the policy uses of the options.
struct PolicySettings {
  std::string_view id_prefix;   // prefix for every generated id
};

BROADSHEET_STAGE void apply_policy(Document& doc, const PolicySettings& settings);

// The plain text of a node's subtree (what a screen reader would read of a heading), piece by piece:
// `append(text)` for each text, " " for each line break; images and inline HTML say nothing. Stops when
// `append` returns false.
template <typename Append>
bool for_each_text_piece(const Document& doc, std::uint32_t node, Append&& append) {
  for (std::uint32_t child = doc[node].first_child; child != 0; child = doc[child].next) {
    const Node& n = doc[child];
    if (n.type == NodeType::Text) {
      if (!append(n.literal())) return false;
    } else if (n.type == NodeType::SoftBreak || n.type == NodeType::LineBreak) {
      if (!append(std::string_view(" "))) return false;
    } else if (n.type != NodeType::Image && n.type != NodeType::InlineHtml) {
      if (!for_each_text_piece(doc, child, append)) return false;
    }
  }
  return true;
}

// The same as one string.
std::string plain_text(const Document& doc, std::uint32_t node);

}  // namespace broadsheet
