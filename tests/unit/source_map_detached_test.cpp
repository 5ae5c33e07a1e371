// core/source_map: texts parsed apart from the parse buffer (footnote bodies) map back through their lines.
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

TEST_CASE("a detached text's pointers map to where its lines were written", "[source_map]") {
  // After 4 bytes of front matter stand-in, the parse buffer holds a definition over two lines; its body
  // was copied out without the `[^n]: ` and the continuation's indentation.
  std::string original = "xxx\nText.\n\n[^n]: First line\n    second *line*\n";
  std::string buffer = original.substr(4);
  std::string body = "First line\nsecond *line*\n";
  std::string other = "elsewhere\n";
  SourceMap map;
  map.set_original(original);
  map.set_parse_buffer(buffer, 4);
  auto first = static_cast<std::uint32_t>(buffer.find("First"));
  auto second = static_cast<std::uint32_t>(buffer.find("second"));
  map.add_detached(body, {{0, first}, {11, second}});
  map.add_detached(other, {{0, 0}});

  CHECK(map.position(map.to_original(body.data())) == Pos{4, 7});
  CHECK(map.position(map.to_original(body.data() + 6)) == Pos{4, 13});        // "line"
  CHECK(map.position(map.to_original(body.data() + 18)) == Pos{5, 12});       // "*line*" on the second line
  CHECK(map.to_original(other.data() + 3) == 7u);                              // its own lines, its own map
  CHECK(map.to_original(buffer.data() + 1) == 5u);                             // the parse buffer as before
  std::string unknown = "not registered";
  CHECK(map.to_original(unknown.data()) == kNone);
}
