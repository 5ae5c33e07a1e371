#include "render/writer.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace broadsheet {

namespace {

constexpr std::uint8_t kHtml = 1, kUrl = 2;

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> table{};
  for (unsigned c : {'&', '<', '>', '"'}) table[c] |= kHtml;
  constexpr std::string_view url_safe = "~-_.+!*(),%#@?=;:/,+$";
  for (unsigned c = 0; c < 256; ++c) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum && url_safe.find(static_cast<char>(c)) == std::string_view::npos) table[c] |= kUrl;
  }
  return table;
}

constexpr auto kTable = make_table();

// The index of the first & < > " in `s` (or its size), sixteen bytes at a time where the target has
// vector compares (SSE2 natively, simd128 in wasm), else eight at a time with the "has a zero byte" test.
// Text is mostly long runs with none of them.
std::size_t html_safe_prefix(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::size_t i = 0;
#if defined(__SSE2__) || defined(__wasm_simd128__)
  // Bit k set when p[at + k] is one of & < > ".
  auto hits16 = [p](std::size_t at) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')), _mm_cmpeq_epi8(v, _mm_set1_epi8('<'))),
                               _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
#else
    v128_t v = wasm_v128_load(p + at);
    v128_t hit = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('&')), wasm_i8x16_eq(v, wasm_i8x16_splat('<'))),
                              wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('>')), wasm_i8x16_eq(v, wasm_i8x16_splat('"'))));
    return static_cast<unsigned>(wasm_i8x16_bitmask(hit));
#endif
  };
  for (; i + 16 <= n; i += 16)
    if (unsigned mask = hits16(i)) return i + static_cast<std::size_t>(__builtin_ctz(mask));
  if (i < n && n >= 16) {
    // The tail: one more 16-byte load ending at the last byte, minus the bytes already checked.
    unsigned mask = hits16(n - 16) >> (i - (n - 16));
    return mask ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
#else
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (has_zero(w ^ (ones * '&')) | has_zero(w ^ (ones * '<')) | has_zero(w ^ (ones * '>')) | has_zero(w ^ (ones * '"')))
      break;
  }
#endif
  while (i < n && !(kTable[static_cast<unsigned char>(p[i])] & kHtml)) ++i;
  return i;
}

// The length of the leading run of `s` with no byte of class `Flag`.
template <std::uint8_t Flag>
std::size_t safe_prefix(std::string_view s) {
  if constexpr (Flag == kHtml) return html_safe_prefix(s);
  std::size_t i = 0;
  while (i < s.size() && !(kTable[static_cast<unsigned char>(s[i])] & Flag)) ++i;
  return i;
}

// Appends `s`, whole safe runs at once, calling `replace` for each byte of class `Flag`.
template <std::uint8_t Flag, typename Escape>
void escape(std::string& out, std::string_view s, Escape&& replace) {
  for (;;) {
    std::size_t run = safe_prefix<Flag>(s);
    out.append(s.data(), run);
    if (run == s.size()) return;
    replace(out, s[run]);
    s.remove_prefix(run + 1);
  }
}

}  // namespace

void Writer::text(std::string_view s) {
  escape<kHtml>(out_, s, [](std::string& out, char c) {
    switch (c) {
      case '&': out.append("&amp;"); break;
      case '<': out.append("&lt;"); break;
      case '>': out.append("&gt;"); break;
      default: out.append("&quot;"); break;
    }
  });
}

void Writer::url(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  escape<kUrl>(out_, s, [](std::string& out, char c) {
    if (c == '&') {
      out.append("&amp;");
      return;
    }
    auto byte = static_cast<unsigned char>(c);
    char encoded[3] = {'%', hex[byte >> 4], hex[byte & 0xF]};
    out.append(encoded, 3);
  });
}

}  // namespace broadsheet
