// Blocks and inlines of the model as HTML: shared by the web renderer (sections, directives, figures,
// safe URLs, raw HTML only through the allowlist) and the CommonMark renderer (exactly what the spec
// expects, raw HTML kept).
#pragma once

#include <cstdint>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

struct HtmlFlavor {
  bool commonmark = false;
  bool allow_html = false;
};

// Renders the children of `parent`, skipping `skip` (the title heading, shown in the header instead).
void render_html_children(const Document& doc, std::uint32_t parent, Writer& out, HtmlFlavor flavor,
                          std::uint32_t skip = 0);
// Renders one node and its subtree.
void render_html_node(const Document& doc, std::uint32_t node, Writer& out, HtmlFlavor flavor);

}  // namespace broadsheet
