// The conformance mode: the model rendered exactly as the CommonMark spec's HTML, raw HTML kept.
#include "render/html.hpp"
#include "render/html_body.hpp"

namespace broadsheet {

void render_commonmark_html(const Document& doc, std::string& out) {
  Writer writer(out);
  render_html_children(doc, 0, writer, HtmlFlavor{/*commonmark=*/true, /*allow_html=*/true});
}

}  // namespace broadsheet
