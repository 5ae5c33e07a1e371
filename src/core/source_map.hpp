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

  // A text parsed apart from the parse buffer (a footnote's body, core/footnotes.hpp), by its lines: for
  // each, where it starts in `text` and the parse-buffer offset it came from. Pointers into it map back
  // through the parse buffer, so what is inside a note has the line and column where it was written.
  void add_detached(std::string_view text, std::vector<std::pair<std::uint32_t, std::uint32_t>> lines);

  // Original offset of a pointer into the parse buffer or a detached text; kNoOffset (0xFFFFFFFF) if it
  // points elsewhere.
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
  struct Detached {
    std::string_view text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;  // (offset in text, parse-buffer offset)
  };
  mutable std::vector<Detached> detached_;  // sorted by address on first use after an addition
  mutable bool detached_sorted_ = true;
  std::uint32_t parse_to_original(std::uint32_t parse_offset) const;
  std::uint32_t detached_to_original(const char* pointer) const;
  const std::vector<std::uint32_t>& line_starts() const;
  std::uint32_t code_points_before(std::uint32_t offset) const;
  mutable std::vector<std::uint32_t> line_starts_;  // built on first use: most renders never ask
  // Code points before each kBlock-byte block of the original, built on first use: a column is then a
  // difference of two counts of at most kBlock bytes each, not a count from the line's start (which
  // made a warning per link on one long line quadratic). Lines shorter than kCountDirectly are counted
  // from their start: the table costs a count of the whole input, a tenth of a short README's render.
  static constexpr std::uint32_t kBlock = 256;
  static constexpr std::uint32_t kCountDirectly = 4096;
  mutable std::vector<std::uint32_t> code_points_at_block_;
};

}  // namespace broadsheet
