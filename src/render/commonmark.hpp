// The conformance mode's HTML: CommonMark 0.31.2 exactly, raw HTML kept, streamed from the parser.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// Appends the HTML of `markdown` (valid UTF-8, no NUL) to `out`; false if the parser ran out of memory.
// The nesting warning, if any, is added to `warnings`.
// `pieces`, if set, takes the output in pieces as it is written (Options::output_pieces).
BROADSHEET_STAGE bool render_commonmark_html(std::string_view markdown, std::string& out, std::vector<Diagnostic>& warnings,
                            const std::function<void(std::string_view)>& pieces);

}  // namespace broadsheet
