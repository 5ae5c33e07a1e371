// Blocks and inlines of the model as HTML for the web renderer: sections, directives, figures, safe URLs,
// raw HTML only through the allowlist. (CommonMark mode streams its HTML without the model: commonmark.cpp.)
#pragma once

#include <cstdint>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

struct HtmlFlavor {
  bool allow_html = false;  // raw HTML through the allowlist, else shown as text
};

// Renders the children of `parent`, skipping `skip` (the title heading, shown in the header instead).
void render_html_children(const Document& doc, std::uint32_t parent, Writer& out, HtmlFlavor flavor,
                          std::uint32_t skip = 0);
// Renders one node and its subtree.
void render_html_node(const Document& doc, std::uint32_t node, Writer& out, HtmlFlavor flavor);

}  // namespace broadsheet
