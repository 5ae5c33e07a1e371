#include "render/wrap.hpp"

#include <vector>

#include "core/display_width.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// Kinsoku: CJK punctuation that may not start a line, and brackets that may not end one.
bool no_line_start(char32_t cp) {
  switch (cp) {
    case U'、': case U'。': case U'，': case U'．': case U'」': case U'』': case U'）': case U'】':
    case U'！': case U'？': case U'：': case U'；': case U'ー': case U'…': case U'〉': case U'》':
      return true;
    default:
      return false;
  }
}

bool no_line_end(char32_t cp) {
  switch (cp) {
    case U'「': case U'『': case U'（': case U'【': case U'〈': case U'《':
      return true;
    default:
      return false;
  }
}

// A piece of text that is never broken (a view into the paragraph), and whether a space separated it
// from the previous one.
struct Unit {
  std::string_view text;
  std::size_t width = 0;
  bool space_before = false;
};

std::vector<Unit> units_of(std::string_view text) {
  std::vector<Unit> units;
  Unit current;
  std::size_t unit_start = 0;
  bool pending_space = false;
  char32_t last = 0;
  auto finish = [&] {
    if (!current.text.empty()) units.push_back(current);
    current = Unit{};
  };
  for (std::size_t i = 0; i < text.size();) {
    std::size_t start = i;
    char32_t cp = utf8::next(text, i);
    if (cp == U' ' || cp == U'\t') {
      finish();
      pending_space = true;
      last = 0;
      continue;
    }
    int width = code_point_width(cp);
    bool breaks_here = width == 2 && last != 0 && code_point_width(last) == 2 && !no_line_start(cp) && !no_line_end(last);
    if (breaks_here) finish();
    if (current.text.empty()) {
      current.space_before = pending_space;
      pending_space = false;
      unit_start = start;
    }
    current.text = text.substr(unit_start, i - unit_start);
    current.width += static_cast<std::size_t>(width);
    last = cp;
  }
  finish();
  return units;
}

void wrap_line(std::string_view text, std::size_t width, std::string_view first_prefix, std::string_view prefix,
               bool first, std::string& out) {
  std::string_view lead = first ? first_prefix : prefix;
  std::size_t column = display_width(lead);
  out.append(lead);
  bool empty = true;
  for (const Unit& unit : units_of(text)) {
    std::size_t gap = (unit.space_before && !empty) ? 1 : 0;
    if (!empty && column + gap + unit.width > width) {
      out.push_back('\n');
      out.append(prefix);
      column = display_width(prefix);
      gap = 0;
    }
    if (gap) out.push_back(' ');
    out.append(unit.text);
    column += gap + unit.width;
    empty = false;
  }
  // A prefix that ends in spaces leaves trailing spaces on a line with no text after it.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out.push_back('\n');
}

}  // namespace

void wrap_text(std::string_view text, std::size_t width, std::string_view first_prefix, std::string_view prefix,
               std::string& out) {
  if (text.find_first_not_of(" \t\n") == std::string_view::npos) return;
  bool first = true;
  while (true) {
    std::size_t newline = text.find('\n');
    wrap_line(text.substr(0, newline), width, first_prefix, prefix, first, out);
    first = false;
    if (newline == std::string_view::npos) break;
    text.remove_prefix(newline + 1);
  }
}

}  // namespace broadsheet
