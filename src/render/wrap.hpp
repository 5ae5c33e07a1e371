// Word wrapping for the plain-text format: fills lines up to a width in display columns (East Asian
// wide characters count two), breaking at spaces and between wide characters (never before closing
// or after opening CJK punctuation). A word wider than the line is kept whole on a line of its own, so
// a long URL is never broken.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace broadsheet {

inline constexpr std::size_t kTextWidth = 78;

// Appends `text` (one paragraph: spaces and tabs are break opportunities, '\n' a forced line break)
// wrapped to `width` columns. The first line starts with `first_prefix`, the others with `prefix`;
// every line ends with '\n'. Nothing is appended for blank text.
void wrap_text(std::string_view text, std::size_t width, std::string_view first_prefix, std::string_view prefix,
               std::string& out);

}  // namespace broadsheet
