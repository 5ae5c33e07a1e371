// A table in the plain-text format: aligned columns under a dashed rule when it fits the width,
// otherwise one "Header: value" line per cell, row by row (so nothing is cut or wrapped mid-cell).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct TextTable {
  std::vector<std::string> header;             // may be empty
  std::vector<int> align;                      // per column: 0 none, 1 left, 2 center, 3 right
  std::vector<std::vector<std::string>> rows;  // cell texts, one line each
};

// Appends the table's lines, each starting with `prefix`, fitting `width` columns when it can.
void render_text_table(const TextTable& table, std::string_view prefix, std::size_t width, std::string& out);

}  // namespace broadsheet
