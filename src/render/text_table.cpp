#include "render/text_table.hpp"

#include "core/output_budget.hpp"

#include <algorithm>

#include "core/display_width.hpp"
#include "render/wrap.hpp"

namespace broadsheet {

namespace {

constexpr std::size_t kGap = 2;  // spaces between columns

void pad(std::string& out, std::size_t n) { out.append(n, ' '); }

void aligned_cell(std::string& out, std::string_view text, std::size_t column_width, int align, bool last) {
  std::size_t w = display_width(text);
  std::size_t space = column_width > w ? column_width - w : 0;
  std::size_t before = align == 3 ? space : align == 2 ? space / 2 : 0;
  pad(out, before);
  out.append(text);
  if (!last) pad(out, space - before);
}

void trim_line_end(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out.push_back('\n');
}

}  // namespace

void render_text_table(const TextTable& table, std::string_view prefix, std::size_t width, std::string& out) {
  std::size_t columns = table.header.size();
  for (const auto& row : table.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  std::vector<std::size_t> widths(columns, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  };
  measure(table.header);
  for (const auto& row : table.rows) measure(row);
  std::size_t total = display_width(prefix) + (columns - 1) * kGap;
  for (std::size_t w : widths) total += w;
  auto cell_of = [](const std::vector<std::string>& row, std::size_t c) -> std::string_view {
    return c < row.size() ? std::string_view(row[c]) : std::string_view();
  };
  auto align_of = [&](std::size_t c) { return c < table.align.size() ? table.align[c] : 0; };

  if (total <= width) {
    auto line = [&](const std::vector<std::string>& row) {
      out.append(prefix);
      for (std::size_t c = 0; c < columns; ++c) {
        if (c > 0) pad(out, kGap);
        aligned_cell(out, cell_of(row, c), widths[c], align_of(c), c + 1 == columns);
      }
      trim_line_end(out);
    };
    if (!table.header.empty()) {
      line(table.header);
      out.append(prefix);
      for (std::size_t c = 0; c < columns; ++c) {
        if (c > 0) pad(out, kGap);
        out.append(widths[c], '-');
      }
      out.push_back('\n');
    }
    for (const auto& row : table.rows) {
      if (output_budget().over(out.size())) return;  // [output budget, issue 15] the render fails
      line(row);
    }
    return;
  }
  // Too wide: each row as a block of "Header: value" lines, rows separated by a blank line.
  std::string rest = std::string(prefix) + "  ";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (output_budget().over(out.size())) return;  // [output budget, issue 15] the render fails
    if (r > 0) trim_line_end(out.append(prefix));
    for (std::size_t c = 0; c < columns; ++c) {
      std::string_view name = cell_of(table.header, c);
      std::string text = name.empty() ? std::string(cell_of(table.rows[r], c))
                                      : std::string(name) + ": " + std::string(cell_of(table.rows[r], c));
      wrap_text(text, width, prefix, rest, out);
    }
  }
}

}  // namespace broadsheet
