// Positions: maps pointers into the buffer md4c parses back to offsets in the original input, and
// offsets to 1-based line and column (code points). The parse buffer can differ from the input (front
// matter cut off, directive lines replaced by markers), so the map is a list of segments.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace broadsheet {

class SourceMap {
 public:
  void set_original(std::string_view original) { original_ = original; }
  std::string_view original() const { return original_; }

  // The buffer md4c will parse. Its byte i maps to original offset `base + i` until segments say otherwise.
  void set_parse_buffer(std::string_view buffer, std::uint32_t base);
  // From parse offset `parse_offset` on, bytes map to original offsets starting at `original_offset`.
  void add_segment(std::uint32_t parse_offset, std::uint32_t original_offset);

  // Original offset of a pointer into the parse buffer; kNoOffset (0xFFFFFFFF) if it points elsewhere.
  std::uint32_t to_original(const char* pointer) const;

  // 1-based line and column (in code points) of an original offset; {0, 0} for kNoOffset.
  std::pair<std::uint32_t, std::uint32_t> position(std::uint32_t offset) const;
  std::uint32_t line(std::uint32_t offset) const;  // position(offset).first without counting the column

 private:
  struct Segment {
    std::uint32_t parse_offset;
    std::uint32_t original_offset;
  };
  std::string_view original_;
  std::string_view parse_;
  std::vector<Segment> segments_;
  const std::vector<std::uint32_t>& line_starts() const;
  std::uint32_t code_points_before(std::uint32_t offset) const;
  mutable std::vector<std::uint32_t> line_starts_;  // built on first use: most renders never ask
  // Code points before each kBlock-byte block of the original, built on first use: a column is then a
  // difference of two counts of at most kBlock bytes each, not a count from the line's start (which
  // made a warning per link on one long line quadratic).
  static constexpr std::uint32_t kBlock = 256;
  mutable std::vector<std::uint32_t> code_points_at_block_;
};

}  // namespace broadsheet
