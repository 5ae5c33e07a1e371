#include "core/slug.hpp"

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// Punctuation and symbols outside ASCII that GitHub's slugger drops (its rule keeps letters, marks,
// numbers and connector punctuation). Ranges cover the blocks writers actually use.
bool is_dropped_symbol(char32_t c) {
  if (c >= 0xA0 && c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;  // keeps ª µ º (letters)
  if (c == 0xD7 || c == 0xF7) return true;
  if (c >= 0x2000 && c <= 0x206F) return c != 0x203F && c != 0x2040 && c != 0x2054;  // general punctuation
  if (c >= 0x2070 && c <= 0x209F) return c != 0x2071 && c != 0x207F && !(c >= 0x2090 && c <= 0x209C);  // super/subscripts
  if (c >= 0x20A0 && c <= 0x20CF) return true;   // currency
  if (c >= 0x2150 && c <= 0x215F) return true;   // vulgar fractions
  if (c == 0x1680) return true;                  // ogham space mark (other spaces are in the ranges below)
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

// In blocks where capitals and small letters alternate, the capital is the even (or odd) code point.
char32_t lower_in_pairs(char32_t c, bool upper_is_even) {
  return (c % 2 == 0) == upper_is_even ? c + 1 : c;
}

// Lower-casing as String.prototype.toLowerCase does it for the cased scripts writers use: Latin, Greek,
// Cyrillic, Armenian and fullwidth Latin. Other code points are returned as they are.
char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;  // Ÿ
  if (c >= 0x100 && c <= 0x137) return lower_in_pairs(c, true);
  if (c >= 0x139 && c <= 0x148) return lower_in_pairs(c, false);
  if (c >= 0x14A && c <= 0x177) return lower_in_pairs(c, true);
  if (c >= 0x179 && c <= 0x17E) return lower_in_pairs(c, false);
  if (c >= 0x1CD && c <= 0x1DC) return lower_in_pairs(c, false);
  if ((c >= 0x1DE && c <= 0x1EF) || (c >= 0x1F8 && c <= 0x21F) || (c >= 0x222 && c <= 0x233) ||
      (c >= 0x246 && c <= 0x24F))
    return lower_in_pairs(c, true);
  if (c == 0x386) return 0x3AC;                                  // Greek with tonos
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;     // Greek
  if (c >= 0x3D8 && c <= 0x3EF) return lower_in_pairs(c, true);
  if (c >= 0x400 && c <= 0x40F) return c + 80;                   // Cyrillic
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F))
    return lower_in_pairs(c, true);
  if (c == 0x4C0) return 0x4CF;
  if (c >= 0x4C1 && c <= 0x4CE) return lower_in_pairs(c, false);
  if (c >= 0x531 && c <= 0x556) return c + 48;                   // Armenian
  if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) return lower_in_pairs(c, true);
  if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;                 // fullwidth Latin
  return c;
}

}  // namespace

namespace {

// Appends `text`'s slug to `out`.
void append_slug(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // ASCII, most headings: no decoding
      ++i;
      if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte == '_' || byte == '-') out.push_back(static_cast<char>(byte));
      else if (byte >= 'A' && byte <= 'Z') out.push_back(static_cast<char>(byte + 32));
      else if (byte == ' ') out.push_back('-');
      continue;  // other ASCII punctuation and controls are dropped
    }
    char32_t c = utf8::next(text, i);
    if (is_dropped_symbol(c)) continue;
    utf8::append(out, to_lower(c));
  }
}

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A letter, digit or mark of another script: not a control, space, format character, noncharacter,
// punctuation or symbol (the slugger's dropped set), nor ASCII.
bool is_other_script_letter(char32_t c) {
  if (c < 0xA0 || is_dropped_symbol(c)) return false;
  if (c == 0xFEFF || (c & 0xFFFE) == 0xFFFE || (c >= 0xFDD0 && c <= 0xFDEF)) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;  // private use
  return c != 0xFFFD;
}

}  // namespace

bool is_folder_name(std::string_view name) {
  if (name.empty() || name.size() > 200) return false;
  bool first = true;
  for (std::size_t at = 0; at < name.size();) {
    char32_t c = utf8::next(name, at);
    bool letter = is_ascii_alnum(c) || is_other_script_letter(c);
    if (!letter && (first || (c != '.' && c != '_' && c != '~' && c != '-'))) return false;
    first = false;
  }
  return true;
}

std::string slugify(std::string_view text) {
  std::string out;
  append_slug(out, text);
  return out;
}

std::string IdRegistry::unique(std::string_view text, std::string_view fallback) {
  std::string base = prefix_;
  append_slug(base, text);
  if (base.size() == prefix_.size()) base += fallback;
  // The common case: a new id that clobbers nothing, one hash and one insert.
  if (!is_dom_property_name(base) && used_.emplace(base, 0).second) return base;
  std::uint32_t& n = next_suffix_[base];
  std::string id;
  do id = base + "-" + std::to_string(++n);
  while (used_.count(id));
  used_.emplace(id, 0);
  return id;
}

}  // namespace broadsheet
