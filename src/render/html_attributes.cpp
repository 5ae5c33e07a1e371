#include "render/html_attributes.hpp"

#include "core/sanitize.hpp"

namespace broadsheet {

void write_alt_text(Writer& w, const Document& doc, std::uint32_t image) {
  for (std::uint32_t child = doc[image].first_child; child; child = doc[child].next) {
    const Node& n = doc[child];
    if (n.type == NodeType::Text || n.type == NodeType::InlineHtml) w.text(n.text);
    else if (n.type == NodeType::SoftBreak || n.type == NodeType::LineBreak) w.raw(' ');
    else write_alt_text(w, doc, child);
  }
}

void write_title_attribute(Writer& w, std::string_view title, bool drop_breakout_prone) {
  if (title.empty() || (drop_breakout_prone && is_breakout_prone_attribute(title))) return;
  w.raw(" title=\"");
  w.text(title);
  w.raw('"');
}

}  // namespace broadsheet
