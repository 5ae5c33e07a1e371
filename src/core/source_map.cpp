#include "core/source_map.hpp"

#include <algorithm>
#include <functional>

#include "core/byte_scan.hpp"
#include "core/sort.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

namespace {
constexpr std::uint32_t kNone = 0xFFFFFFFFu;
}

void SourceMap::set_parse_buffer(std::string_view buffer, std::uint32_t base) {
  parse_ = buffer;
  segments_.clear();
  segments_.push_back({0, base});
}

void SourceMap::add_segment(std::uint32_t parse_offset, std::uint32_t original_offset) {
  segments_.push_back({parse_offset, original_offset});
}

void SourceMap::add_detached(std::string_view text, std::vector<std::pair<std::uint32_t, std::uint32_t>> lines) {
  if (text.empty() || lines.empty()) return;
  detached_.push_back({text, std::move(lines)});
  detached_sorted_ = false;
}

std::uint32_t SourceMap::to_original(const char* pointer) const {
  if (parse_.empty()) return kNone;
  if (pointer < parse_.data() || pointer > parse_.data() + parse_.size()) return detached_to_original(pointer);
  return parse_to_original(static_cast<std::uint32_t>(pointer - parse_.data()));
}

std::uint32_t SourceMap::detached_to_original(const char* pointer) const {
  if (detached_.empty()) return kNone;
  auto before = [](const char* p, const char* q) { return std::less<const char*>()(p, q); };
  if (!detached_sorted_) {
    stable_sort_items(detached_, [&](const Detached& a, const Detached& b) { return before(a.text.data(), b.text.data()); });
    detached_sorted_ = true;
  }
  auto after = std::upper_bound(detached_.begin(), detached_.end(), pointer,
                                [&](const char* p, const Detached& d) { return before(p, d.text.data()); });
  if (after == detached_.begin()) return kNone;
  const Detached& text = *(after - 1);
  if (before(text.text.data() + text.text.size(), pointer)) return kNone;
  auto offset = static_cast<std::uint32_t>(pointer - text.text.data());
  auto line = std::upper_bound(text.lines.begin(), text.lines.end(), offset,
                               [](std::uint32_t value, const auto& entry) { return value < entry.first; });
  if (line == text.lines.begin()) return kNone;
  --line;
  std::uint32_t parse_offset = line->second + (offset - line->first);
  return parse_offset <= parse_.size() ? parse_to_original(parse_offset) : kNone;
}

std::uint32_t SourceMap::parse_to_original(std::uint32_t parse_offset) const {
  auto after = std::upper_bound(segments_.begin(), segments_.end(), parse_offset,
                                [](std::uint32_t value, const Segment& s) { return value < s.parse_offset; });
  const Segment& segment = *(after - 1);  // segments_[0] starts at 0, so there is always one
  return segment.original_offset + (parse_offset - segment.parse_offset);
}

const std::vector<std::uint32_t>& SourceMap::line_starts() const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    byte_scan::append_offsets(original_, '\n', 1, line_starts_);  // a line starts after each newline
  }
  return line_starts_;
}

std::uint32_t SourceMap::line(std::uint32_t offset) const {
  if (offset == kNone || offset > original_.size()) return 0;
  const auto& starts = line_starts();
  return static_cast<std::uint32_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
}

std::uint32_t SourceMap::code_points_before(std::uint32_t offset) const {
  if (code_points_at_block_.empty()) {
    code_points_at_block_.reserve(original_.size() / kBlock + 1);
    std::uint32_t count = 0;
    for (std::size_t block = 0; block < original_.size(); block += kBlock) {
      code_points_at_block_.push_back(count);
      count += static_cast<std::uint32_t>(utf8::count_code_points(original_.substr(block, kBlock)));
    }
    code_points_at_block_.push_back(count);
  }
  std::uint32_t block = offset / kBlock;
  // Blocks may split a code point: counting lead bytes (what count_code_points does) stays exact.
  return code_points_at_block_[block] +
         static_cast<std::uint32_t>(utf8::count_code_points(original_.substr(std::size_t{block} * kBlock, offset % kBlock)));
}

std::pair<std::uint32_t, std::uint32_t> SourceMap::position(std::uint32_t offset) const {
  std::uint32_t line_number = line(offset);
  if (line_number == 0) return {0, 0};
  std::uint32_t start = line_starts_[line_number - 1];
  std::uint32_t column = offset - start < kCountDirectly
                             ? static_cast<std::uint32_t>(utf8::count_code_points(original_.substr(start, offset - start)))
                             : code_points_before(offset) - code_points_before(start);
  return {line_number, column + 1};
}

}  // namespace broadsheet
