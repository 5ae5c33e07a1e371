#include "render/html_attributes.hpp"

#include <optional>
#include <string>

#include "core/sanitize.hpp"

namespace broadsheet {

void write_alt_text(Writer& w, const Document& doc, std::uint32_t image) {
  for (std::uint32_t child = doc[image].first_child; child; child = doc[child].next) {
    const Node& n = doc[child];
    if (n.type == NodeType::Text || n.type == NodeType::InlineHtml) w.text(n.literal());
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

void write_image_size(Writer& w, int width, int height) {
  if (width > 0) write_attribute(w, "width", std::to_string(width));
  if (height > 0) write_attribute(w, "height", std::to_string(height));
}

void write_attribute(Writer& w, std::string_view name, std::string_view value) {
  w.raw(" ");
  w.raw(name);
  w.raw("=\"");
  w.text(value);
  w.raw("\"");
}

void write_lang_dir(Writer& w, const Document& doc, bool whole_page) {
  const FrontMatter& fm = doc.front;
  if (!fm.lang.empty()) write_attribute(w, "lang", fm.lang);
  else if (whole_page) write_attribute(w, "lang", "en");
  if (!fm.dir.empty()) write_attribute(w, "dir", fm.dir);
  else if (doc.locale.direction() == TextDirection::Rtl) write_attribute(w, "dir", "rtl");
}

TextDirection issue_direction(const Document& doc) {
  const std::string& dir = doc.front.dir;
  if (dir == "rtl") return TextDirection::Rtl;
  if (dir == "ltr") return TextDirection::Ltr;
  return doc.locale.direction();
}

bool needs_auto_dir(const Document& doc, std::uint32_t node) {
  // The first strong character decides (Unicode bidi P2): walk the text in order and stop there.
  struct Walk {
    const Document& doc;
    std::optional<TextDirection> found;
    void visit(std::uint32_t index) {
      for (std::uint32_t child = doc[index].first_child; child && !found; child = doc[child].next) {
        const Node& n = doc[child];
        if (n.type == NodeType::Text || n.type == NodeType::CodeSpan) {
          if (n.type == NodeType::Text) found = first_strong_direction(n.literal());
          if (n.type == NodeType::CodeSpan) visit(child);
        } else if (n.type != NodeType::InlineHtml && n.type != NodeType::Image) {
          visit(child);
        }
      }
    }
  } walk{doc, std::nullopt};
  if (doc.front.dir == "auto") return false;  // the whole issue is already laid out by its text
  walk.visit(node);
  return walk.found && *walk.found != issue_direction(doc);
}

void write_optional_link(Writer& w, std::string_view text, std::string_view href, std::string_view attributes) {
  if (href.empty()) {
    w.text(text);
    return;
  }
  w.raw("<a href=\"");
  w.url(href);
  w.raw("\"");
  w.raw(attributes);
  w.raw(">");
  w.text(text);
  w.raw("</a>");
}

}  // namespace broadsheet
