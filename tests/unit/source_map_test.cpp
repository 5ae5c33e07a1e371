// core/source_map: offsets to 1-based line/column (code points) and parse-buffer pointers to original offsets.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>

#include "core/source_map.hpp"

using broadsheet::SourceMap;

namespace {
constexpr std::uint32_t kNone = 0xFFFFFFFFu;
using Pos = std::pair<std::uint32_t, std::uint32_t>;
}  // namespace

TEST_CASE("position gives 1-based lines and columns", "[source_map]") {
  std::string text = "ab\ncd\n\nlast";
  SourceMap map;
  map.set_original(text);
  CHECK(map.position(0) == Pos{1, 1});
  CHECK(map.position(1) == Pos{1, 2});
  CHECK(map.position(2) == Pos{1, 3});  // the newline itself ends line 1
  CHECK(map.position(3) == Pos{2, 1});
  CHECK(map.position(6) == Pos{3, 1});  // an empty line
  CHECK(map.position(7) == Pos{4, 1});
  CHECK(map.position(static_cast<std::uint32_t>(text.size())) == Pos{4, 5});  // the end of the text
  CHECK(map.line(4) == 2u);
}

TEST_CASE("position counts columns in code points", "[source_map]") {
  std::string text = "x\n\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";  // line 2: é € 😀 z
  SourceMap map;
  map.set_original(text);
  auto z = static_cast<std::uint32_t>(text.find('z'));
  CHECK(map.position(z) == Pos{2, 4});
}

TEST_CASE("columns agree on short and very long lines, across multi-byte characters", "[source_map]") {
  // A column is counted from the line's start on lines up to 4 KiB and from a table of counts per
  // 256-byte block beyond: both must give the same column. "é" is 2 bytes, so blocks split characters.
  for (std::size_t prefix_chars : {10u, 300u, 2047u, 2048u, 2049u, 5000u, 40000u}) {
    std::string text = "first line\n";
    for (std::size_t i = 0; i < prefix_chars; ++i) text += (i % 3 == 0) ? "\xC3\xA9" : "a";
    auto at = static_cast<std::uint32_t>(text.size());
    text += "z tail";
    SourceMap map;
    map.set_original(text);
    CHECK(map.position(at) == Pos{2, static_cast<std::uint32_t>(prefix_chars + 1)});
    CHECK(map.position(at + 1) == Pos{2, static_cast<std::uint32_t>(prefix_chars + 2)});
  }
}

TEST_CASE("position has no answer for missing or out-of-range offsets", "[source_map]") {
  std::string text = "abc";
  SourceMap map;
  map.set_original(text);
  CHECK(map.position(kNone) == Pos{0, 0});
  CHECK(map.position(4) == Pos{0, 0});
  CHECK(map.line(kNone) == 0u);
}

TEST_CASE("to_original adds the base and follows segments", "[source_map]") {
  std::string original = "---\ntitle: x\n---\nbody text that is long enough";
  std::string buffer = "body text\ninserted\nthat is long";
  SourceMap map;
  map.set_original(original);
  map.set_parse_buffer(buffer, 17);  // the body starts at offset 17 of the original
  CHECK(map.to_original(buffer.data()) == 17u);
  CHECK(map.to_original(buffer.data() + 5) == 22u);
  // From parse offset 19 ("that is long") on, bytes map to original offset 27.
  map.add_segment(19, 27);
  CHECK(map.to_original(buffer.data() + 18) == 35u);  // still the first segment
  CHECK(map.to_original(buffer.data() + 19) == 27u);
  CHECK(map.to_original(buffer.data() + 24) == 32u);
  CHECK(original.substr(map.to_original(buffer.data() + 19), 4) == "that");
  CHECK(map.to_original(buffer.data() + buffer.size()) == 27u + (buffer.size() - 19));  // one past the end
}

TEST_CASE("to_original rejects pointers outside the parse buffer", "[source_map]") {
  std::string storage = "abc|xyz";
  std::string_view buffer = std::string_view(storage).substr(0, 3);
  SourceMap map;
  CHECK(map.to_original(storage.data()) == kNone);  // no buffer set yet
  map.set_parse_buffer(buffer, 0);
  CHECK(map.to_original(storage.data() + 1) == 1u);
  CHECK(map.to_original(storage.data() + 5) == kNone);  // "y": not part of the parse buffer
}
