// The only bridge to md4c: runs md_parse over the parse buffer and turns its callbacks into Builder calls.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/builder.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// A footnote reference's token in the buffer being parsed (core/footnotes.hpp): md4c reports it as an
// entity at `at`, which becomes a FootnoteRef node.
struct FootnoteToken {
  const char* at;
  std::uint32_t number;
  std::uint32_t ordinal;
  std::string_view label;
};

struct ParseSettings {
  bool commonmark = false;   // CommonMark only: no GFM extensions
  bool allow_html = false;   // newsletter mode: raw HTML recognised only when it will be (sanitised and) kept
  std::span<const FootnoteToken> footnotes = {};  // sorted by address
};

// Parses `buffer` into `builder`'s document. Returns false if md4c failed: over one of its limits, or out
// of memory (parse_failure says which).
BROADSHEET_STAGE bool parse_markdown(std::string_view buffer, Builder& builder, const ParseSettings& settings);

// Why parse_markdown failed on `text` (the body or a note's), as the error to report: the paragraph over
// md4c's limit of inline marks (at its line), the document over its limit of blocks and lines, or memory
// (core/md4c_limits.cpp).
Diagnostic parse_failure(std::string_view text, const Document& doc);

}  // namespace broadsheet
