#include "core/word_count.hpp"

#include "core/display_width.hpp"
#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// Spaces, punctuation and symbols: what separates words.
bool is_separator(char32_t cp) {
  if (cp < 0x80)
    return !((cp >= U'0' && cp <= U'9') || (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || cp == U'\'');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return true;               // Latin-1 punctuation and symbols
  if (cp >= 0x2000 && cp <= 0x2BFF) return cp != 0x2019;                // punctuation, arrows, symbols (’ joins)
  if (cp >= 0x3000 && cp <= 0x303F) return true;                        // CJK punctuation
  if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
      (cp >= 0xFF5B && cp <= 0xFF65))
    return true;                                                         // fullwidth punctuation
  return false;
}

}  // namespace

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = utf8::next(text, i);
    if (is_separator(cp)) {
      in_word = false;
    } else if (code_point_width(cp) == 2) {  // one word per character in scripts without spaces
      ++words;
      in_word = false;
    } else if (!in_word) {
      ++words;
      in_word = true;
    }
  }
  return words;
}

std::size_t reading_minutes(std::size_t words) { return (words + kWordsPerMinute - 1) / kWordsPerMinute; }

}  // namespace broadsheet
