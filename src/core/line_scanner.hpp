// The line and fence scanner the two line pre-passes share (core/directives.cpp, core/footnotes.cpp):
// lines, indentation, blank lines, and the block starts they both must see as md4c will (code fences,
// list markers, ATX headings, `:::` lines). Each takes a line's text after its indentation ("rest").
// md4c ends a line at "\n", "\r\n" or a lone "\r": a "\r" counts as a space wherever a rule ends a line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace broadsheet {

struct Line {
  std::uint32_t begin;    // first byte
  std::uint32_t end;      // end of the content: before "\r\n" or "\n"
  std::uint32_t newline;  // where the "\n" is (the text's size for a last line without one)
  std::uint32_t next;     // first byte of the next line
};

// The lines of a text, one at a time (no list of them is made).
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  bool next(Line& line);

 private:
  std::string_view text_;
  std::uint32_t at_ = 0;
};

// Leading spaces (not tabs) of `s`: the indentation the directive pass counts.
std::size_t leading_spaces(std::string_view s);

// Leading spaces and tabs: their width in columns (a tab to the next multiple of 4) and their bytes.
struct Indent {
  std::uint32_t columns = 0;
  std::uint32_t bytes = 0;
};
Indent indent_of(std::string_view s);

// Only spaces, tabs and "\r".
bool is_blank(std::string_view s);

// A fenced code block's opening fence: ``` or ~~~ (3 or more; a backtick fence's info string holds no
// backtick). `mark` is 0 when `rest` opens none.
struct Fence {
  char mark = 0;
  std::size_t length = 0;
};
Fence fence_opener(std::string_view rest);
// Whether `rest` closes `fence`: at least as many of its marks, then only blanks.
bool closes_fence(std::string_view rest, const Fence& fence);

// The bytes of a list marker at the start of `rest` (`-`, `*`, `+`, or 1–9 digits and `.` or `)`),
// without what follows it; 0 when there is none.
std::size_t list_marker_length(std::string_view rest);

// The colons a directive line starts with (3 or more), or 0.
std::size_t directive_colons(std::string_view rest);

// The level of an ATX heading line (1–6 `#` and then a blank or the end), or 0.
std::size_t atx_heading_level(std::string_view rest);

}  // namespace broadsheet
