// Blocks and inlines of the model as email HTML: every style inline, boxes and buttons as
// role="presentation" tables, anchors as <a name> (no ids), images sized to the column, relative URLs
// made absolute against canonical_url. The same URL checks and escaping as the web HTML.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

struct EmailBodySettings {
  bool allow_html = false;
  std::string_view base_url;   // canonical_url, for relative links and images
};

// Renders the children of `parent`, skipping `skip` (the title heading, shown in the header).
void render_email_children(const Document& doc, std::uint32_t parent, Writer& out, const EmailBodySettings& settings,
                           std::uint32_t skip = 0);
// Renders one node and its subtree.
// The siblings from `first` up to `stop` (the intro), skipping `skip`, in one raw-HTML scope.
void render_email_siblings(const Document& doc, std::uint32_t first, std::uint32_t stop, Writer& out,
                           const EmailBodySettings& settings, std::uint32_t skip);
void render_email_node(const Document& doc, std::uint32_t node, Writer& out, const EmailBodySettings& settings);

}  // namespace broadsheet
