// Blocks and inlines of the model as HTML for the web renderer: sections, directives, figures, safe URLs,
// raw HTML only through the allowlist. (CommonMark mode streams its HTML without the model: commonmark.cpp.)
#pragma once

#include <cstdint>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

// Renders the children of `parent`, skipping `skip` (the title heading, shown in the header instead).
// `allow_html`: raw HTML through the allowlist, else shown as text.
void render_html_children(const Document& doc, std::uint32_t parent, Writer& out, bool allow_html,
                          std::uint32_t skip = 0);
// Renders one node and its subtree.
// The siblings from `first` up to `stop` (the intro), skipping `skip`, in one raw-HTML scope.
void render_html_siblings(const Document& doc, std::uint32_t first, std::uint32_t stop, Writer& out, bool allow_html,
                          std::uint32_t skip);
void render_html_node(const Document& doc, std::uint32_t node, Writer& out, bool allow_html);

}  // namespace broadsheet
