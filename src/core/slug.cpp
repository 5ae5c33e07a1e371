#include "core/slug.hpp"

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// Punctuation and symbols outside ASCII that GitHub's slugger drops (its rule keeps letters, marks,
// numbers and connector punctuation). Ranges cover the blocks writers actually use.
bool is_dropped_symbol(char32_t c) {
  if (c >= 0xA1 && c <= 0xBF) return c != 0xAA && c != 0xB2 && c != 0xB3 && c != 0xB5 && c != 0xB9 &&
                                     c != 0xBA && c != 0xBC && c != 0xBD && c != 0xBE;
  if (c == 0xD7 || c == 0xF7) return true;
  if (c >= 0x2000 && c <= 0x206F) return c != 0x203F && c != 0x2040 && c != 0x2054;  // general punctuation
  if (c >= 0x20A0 && c <= 0x20CF) return true;   // currency
  if (c >= 0x2100 && c <= 0x214F) return false;  // letterlike symbols: mixed, keep
  if (c >= 0x2190 && c <= 0x2BFF) return true;   // arrows, maths, technical, boxes, shapes, dingbats
  if (c >= 0x3000 && c <= 0x303F) return c != 0x3005 && c != 0x3006 && c != 0x3007;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return true;   // CJK compatibility forms
  if (c >= 0xFF01 && c <= 0xFF0F) return true;   // fullwidth punctuation
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return c != 0xFF3F;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  if (c >= 0x1F000 && c <= 0x1FAFF) return true; // emoji and pictographs
  if (c == 0xFE0F || c == 0x200D) return true;   // emoji presentation selector, zero-width joiner
  return false;
}

// Lower-casing for the scripts with simple case offsets; others are left as they are.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
    bool even_upper = (c <= 0x137) || (c >= 0x14A && c <= 0x177);
    if (even_upper ? (c % 2 == 0) : (c % 2 == 1 && c != 0x178)) return c + 1;
    return c;
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;   // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                 // Cyrillic
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') out.push_back(static_cast<char>(c));
      else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c + 32));
      else if (c == ' ') out.push_back('-');
      continue;  // other ASCII punctuation and controls are dropped
    }
    if (is_dropped_symbol(c)) continue;
    utf8::append(out, to_lower(c));
  }
  return out;
}

std::string IdRegistry::unique(std::string_view text, std::string_view fallback) {
  std::string base = prefix_ + slugify(text);
  if (base.size() == prefix_.size()) base += fallback;
  std::string id = base;
  if (used_.count(id)) {
    int& n = next_suffix_[base];
    do id = base + "-" + std::to_string(++n);
    while (used_.count(id));
  }
  used_.insert(id);
  return id;
}

}  // namespace broadsheet
