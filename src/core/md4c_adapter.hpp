// The only bridge to md4c: runs md_parse over the parse buffer and turns its callbacks into Builder calls.
#pragma once

#include <string_view>

#include "core/builder.hpp"
#include "core/stage.hpp"

namespace broadsheet {

struct ParseSettings {
  bool commonmark = false;   // CommonMark only: no GFM extensions
  bool allow_html = false;   // newsletter mode: raw HTML recognised only when it will be (sanitised and) kept
};

// Parses `buffer` into `builder`'s document. Returns false if md4c failed (out of memory).
BROADSHEET_STAGE bool parse_markdown(std::string_view buffer, Builder& builder, const ParseSettings& settings);

}  // namespace broadsheet
