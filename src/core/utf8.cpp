#include "core/utf8.hpp"

#include <cstring>

namespace broadsheet::utf8 {

namespace {

// Length of the valid sequence starting at text[i], or 0 if it is invalid.
std::size_t valid_sequence_length(const unsigned char* s, std::size_t left) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (left >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && s[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && s[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

// Length of the maximal subpart of an ill-formed sequence at s[0] (Unicode 3.9, as TextDecoder does): the
// lead byte plus the continuation bytes that could still have completed it. Never 0.
std::size_t maximal_subpart_length(const unsigned char* s, std::size_t left) {
  unsigned char c = s[0];
  std::size_t needed = (c >= 0xC2 && c < 0xE0) ? 2 : (c >= 0xE0 && c < 0xF0) ? 3 : (c >= 0xF0 && c < 0xF5) ? 4 : 1;
  std::size_t length = 1;
  while (length < needed && length < left) {
    unsigned char low = 0x80, high = 0xBF, next = s[length];
    if (length == 1) {
      if (c == 0xE0) low = 0xA0;
      else if (c == 0xED) high = 0x9F;
      else if (c == 0xF0) low = 0x90;
      else if (c == 0xF4) high = 0x8F;
    }
    if (next < low || next > high) break;
    ++length;
  }
  return length;
}

// Skips ASCII eight bytes at a time: most input is ASCII.
std::size_t skip_ascii(const unsigned char* s, std::size_t i, std::size_t size) {
  while (i + 8 <= size) {
    std::uint64_t word;
    std::memcpy(&word, s + i, 8);
    if (word & 0x8080808080808080ull) break;
    i += 8;
  }
  while (i < size && s[i] < 0x80) ++i;
  return i;
}

}  // namespace

bool is_valid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0, size = text.size();
  while ((i = skip_ascii(s, i, size)) < size) {
    std::size_t length = valid_sequence_length(s + i, size - i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0, size = text.size();
  while (i < size) {
    std::size_t ascii_end = skip_ascii(s, i, size);
    out.append(text.data() + i, ascii_end - i);
    i = ascii_end;
    if (i >= size) break;
    std::size_t length = valid_sequence_length(s + i, size - i);
    if (length == 0) {
      out.append(kReplacement);
      i += maximal_subpart_length(s + i, size - i);
    } else {
      out.append(text.data() + i, length);
      i += length;
    }
  }
  return out;
}

void append(std::string& out, char32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out.append(kReplacement);
  } else if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t next(std::string_view text, std::size_t& i) {
  auto c = static_cast<unsigned char>(text[i]);
  std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + length > text.size()) {  // truncated: treat the byte alone
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  i += length;
  return cp;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

}  // namespace broadsheet::utf8
