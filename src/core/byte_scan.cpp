#include "core/byte_scan.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace broadsheet::byte_scan {

namespace {

#if defined(__SSE2__) || defined(__wasm_simd128__)
constexpr bool kVectors = true;
// Bit k set when p[k] == c, for the 16 bytes at p.
unsigned hits16(const char* p, char c) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
#else
  return static_cast<unsigned>(wasm_i8x16_bitmask(wasm_i8x16_eq(wasm_v128_load(p), wasm_i8x16_splat(c))));
#endif
}
#else
constexpr bool kVectors = false;
unsigned hits16(const char*, char) { return 0; }
#endif

}  // namespace

std::size_t find(std::string_view s, char c, std::size_t from) {
  const char* p = s.data();
  std::size_t n = s.size(), i = from;
  if constexpr (kVectors) {
    for (; i + 16 <= n; i += 16)
      if (unsigned mask = hits16(p + i, c)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  for (; i < n; ++i)
    if (p[i] == c) return i;
  return std::string_view::npos;
}

void append_offsets(std::string_view s, char c, std::uint32_t bias, std::vector<std::uint32_t>& out) {
  const char* p = s.data();
  std::size_t n = s.size(), i = 0;
  if constexpr (kVectors) {
    for (; i + 16 <= n; i += 16)
      for (unsigned mask = hits16(p + i, c); mask; mask &= mask - 1)
        out.push_back(static_cast<std::uint32_t>(i + static_cast<std::size_t>(__builtin_ctz(mask))) + bias);
  }
  for (; i < n; ++i)
    if (p[i] == c) out.push_back(static_cast<std::uint32_t>(i) + bias);
}

}  // namespace broadsheet::byte_scan
