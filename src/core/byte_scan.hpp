// Scans for a few byte values, 16 bytes at a time where the target has vector compares (SIMD128 in the
// wasm, SSE2 natively). The wasm libc's memchr reads 4 bytes at a time and is called once per hit; these
// serve the scans over a whole issue (NUL, `:::`, line starts) and HTML escaping's search for & < > ".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace broadsheet::byte_scan {

// The offset of the first `c` in `s` at or after `from`; std::string_view::npos if there is none.
std::size_t find(std::string_view s, char c, std::size_t from = 0);

// The offset of the first byte of `s` that is `a`, `b`, `c` or `d`; std::string_view::npos if none is.
std::size_t find_first_of(std::string_view s, char a, char b, char c, char d);

// Appends `offset + bias` for the offset of every `c` in `s`, in order.
void append_offsets(std::string_view s, char c, std::uint32_t bias, std::vector<std::uint32_t>& out);

}  // namespace broadsheet::byte_scan
