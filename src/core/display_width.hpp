// Display width of text in a monospaced terminal or plain-text mail reader: East Asian Wide and
// Fullwidth characters (Unicode UAX #11, W and F) take two columns, combining marks and zero-width
// characters none, everything else one. Used to wrap and align the plain-text format.
#pragma once

#include <cstddef>
#include <string_view>

namespace broadsheet {

// 0, 1 or 2 columns for one code point.
int code_point_width(char32_t code_point);

// Columns taken by valid UTF-8 `text`.
std::size_t display_width(std::string_view text);

}  // namespace broadsheet
