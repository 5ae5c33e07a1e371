// UTF-8 helpers: validation with repair (invalid bytes become U+FFFD so every output is valid UTF-8),
// encoding and decoding of code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace broadsheet::utf8 {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// True if `text` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool is_valid(std::string_view text);
// A copy of `text` with each invalid sequence replaced by U+FFFD.
std::string repaired(std::string_view text);

void append(std::string& out, char32_t code_point);   // U+FFFD for invalid code points
// Decodes the code point at text[i] (valid UTF-8 assumed) and advances i past it.
char32_t next(std::string_view text, std::size_t& i);
std::size_t count_code_points(std::string_view text);

}  // namespace broadsheet::utf8
