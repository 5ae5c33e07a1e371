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
// Bit k set when p[k] is one of `bytes`, for the 16 bytes at p.
template <typename... Bytes>
unsigned hits16(const char* p, Bytes... bytes) {
#if defined(__SSE2__)
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i hit = (_mm_cmpeq_epi8(v, _mm_set1_epi8(bytes)) | ...);
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
#else
  v128_t v = wasm_v128_load(p);
  v128_t hit = (wasm_i8x16_eq(v, wasm_i8x16_splat(bytes)) | ...);
  return static_cast<unsigned>(wasm_i8x16_bitmask(hit));
#endif
}
#else
constexpr bool kVectors = false;
template <typename... Bytes>
unsigned hits16(const char*, Bytes...) { return 0; }
#endif

// The first offset at or after `from` holding one of `bytes`, or npos.
template <typename... Bytes>
std::size_t first(std::string_view s, std::size_t from, Bytes... bytes) {
  const char* p = s.data();
  std::size_t n = s.size(), i = from;
  if constexpr (kVectors) {
    for (; i + 16 <= n; i += 16)
      if (unsigned mask = hits16(p + i, bytes...)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
    if (i < n && n >= 16) {
      // The tail: one more 16-byte load ending at the last byte, minus the bytes already checked.
      unsigned mask = hits16(p + n - 16, bytes...) >> (i - (n - 16));
      return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : std::string_view::npos;
    }
  }
  for (; i < n; ++i)
    if (((p[i] == bytes) || ...)) return i;
  return std::string_view::npos;
}

}  // namespace

std::size_t find(std::string_view s, char c, std::size_t from) { return first(s, from, c); }

std::size_t find_first_of(std::string_view s, char a, char b, char c, char d) { return first(s, 0, a, b, c, d); }

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
