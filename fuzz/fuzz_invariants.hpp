// Checks shared by the fuzz targets: a broken invariant aborts, so libFuzzer saves the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"

namespace fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (!condition) fail(what);
}

inline bool contains_ci(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(haystack[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

// Output of the safe modes: never a script-capable element, whatever the input.
inline void require_no_dangerous_elements(std::string_view html) {
  for (std::string_view tag : {"<script", "<iframe", "<object", "<embed", "<form", "<base", "<svg", "<math"})
    if (contains_ci(html, tag)) fail("a dangerous element reached the output");
}

inline void require_valid_utf8(std::string_view text, const char* what) {
  require(broadsheet::utf8::is_valid(text), what);
}

}  // namespace fuzz
