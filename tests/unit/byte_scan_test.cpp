// byte_scan: the vector loop and the byte-by-byte tail must find the same bytes as a plain loop, at every
// length and alignment around the 16-byte blocks.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/byte_scan.hpp"

using broadsheet::byte_scan::append_offsets;
using broadsheet::byte_scan::find;
using broadsheet::byte_scan::find_first_of;

TEST_CASE("find and append_offsets agree with a plain scan", "[byte_scan]") {
  for (std::size_t size = 0; size <= 70; ++size)
    for (std::size_t step = 1; step <= 17; step += 4) {
      std::string s(size, 'a');
      for (std::size_t i = step - 1; i < size; i += step) s[i] = '\n';
      std::vector<std::uint32_t> expected, got;
      for (std::size_t i = 0; i < size; ++i)
        if (s[i] == '\n') expected.push_back(static_cast<std::uint32_t>(i + 7));
      append_offsets(s, '\n', 7, got);
      CHECK(got == expected);
      for (std::size_t from = 0; from <= size; ++from) {
        std::size_t plain = s.find('\n', from);
        CHECK(find(s, '\n', from) == plain);
      }
    }
}

TEST_CASE("find sees NUL and high bytes", "[byte_scan]") {
  std::string s = std::string(40, 'x') + '\0' + "\xff";
  CHECK(find(s, '\0') == 40);
  CHECK(find(s, '\xff') == 41);
  CHECK(find(s, 'y') == std::string::npos);
}

TEST_CASE("find_first_of agrees with std::string_view::find_first_of", "[byte_scan]") {
  for (std::size_t size = 0; size <= 70; ++size)
    for (std::size_t at = 0; at <= size; ++at)
      for (char special : {'&', '<', '>', '"'}) {
        std::string s(size, 'x');
        if (at < size) s[at] = special;
        if (at + 20 < size) s[at + 20] = '<';
        CHECK(find_first_of(s, '&', '<', '>', '"') == std::string_view(s).find_first_of("&<>\""));
      }
}
