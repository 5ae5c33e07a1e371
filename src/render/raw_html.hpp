// The one raw-HTML path of the HTML renderers (web and email): raw HTML under allowHtml goes through
// the allowlist sanitizer, balanced within the scope of the Markdown node that holds it, and into the
// output; without allowHtml it is shown as text. One instance per rendered subtree. A flow container an
// HTML block leaves open (`<details>`, `<div>`…) holds the Markdown blocks after it until its closing tag
// or the end of the enclosing section, story, directive, quote, list item or intro.
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
  Scope open_scope(HtmlContext context) { return sanitizer_.open_scope(context); }
  void close_scope(Scope scope, Writer& w) {
    sanitized_.clear();
    sanitizer_.close_scope(scope, sanitized_);
    if (!sanitized_.empty()) w.raw(sanitized_);
  }

  // The end of an HTML block: only flow containers (<details>, <div>…) stay open for the Markdown after it.
  void end_block(Writer& w) { flush(&HtmlSanitizer::end_block, w); }
  // Before a section or story: raw elements never enclose one.
  void close_open(Writer& w) { flush(&HtmlSanitizer::close_open, w); }
  // A Markdown link inside a raw <a> would nest links: it is written as text.
  bool anchor_open() const { return sanitizer_.anchor_open(); }

 private:
  void flush(void (HtmlSanitizer::*close)(std::string&), Writer& w) {
    if (!allowed_) return;
    sanitized_.clear();
    (sanitizer_.*close)(sanitized_);
    if (!sanitized_.empty()) w.raw(sanitized_);
  }

  bool allowed_;
  HtmlSanitizer sanitizer_;
  std::string sanitized_;  // the sanitizer's output for one call (it writes to a std::string)
};

}  // namespace broadsheet
