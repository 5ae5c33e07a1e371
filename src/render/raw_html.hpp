// The one raw-HTML path of the HTML renderers (web and email): raw HTML under allowHtml goes through
// the allowlist sanitizer, balanced within the scope of the Markdown node that holds it, and into the
// output; without allowHtml it is shown as text. One instance per rendered subtree.
#pragma once

#include <string>
#include <string_view>

#include "core/sanitize.hpp"
#include "render/writer.hpp"

namespace broadsheet {

class RawHtml {
 public:
  using Scope = HtmlSanitizer::Scope;

  explicit RawHtml(bool allowed) : allowed_(allowed) {}

  // Writes one piece of raw HTML (an inline tag, or a line of an HTML block).
  void write(std::string_view html, Writer& w) {
    if (!allowed_) {
      w.text(html);
      return;
    }
    sanitized_.clear();
    sanitizer_.feed(html, sanitized_);
    w.raw(sanitized_);
  }

  // Raw HTML opened inside a scope (a node's children) is closed before the node's own closing tag.
  Scope open_scope() { return sanitizer_.open_scope(); }
  void close_scope(Scope scope, Writer& w) {
    sanitized_.clear();
    sanitizer_.close_scope(scope, sanitized_);
    if (!sanitized_.empty()) w.raw(sanitized_);
  }

 private:
  bool allowed_;
  HtmlSanitizer sanitizer_;
  std::string sanitized_;  // the sanitizer's output for one call (it writes to a std::string)
};

}  // namespace broadsheet
