#include "core/line_scanner.hpp"

#include <cstring>

namespace broadsheet {

namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// How many of `c` `s` starts with.
std::size_t run_of(std::string_view s, char c) {
  std::size_t n = 0;
  while (n < s.size() && s[n] == c) ++n;
  return n;
}

}  // namespace

bool LineCursor::next(Line& line) {
  const auto size = static_cast<std::uint32_t>(text_.size());
  if (at_ >= size) return false;
  const void* found = std::memchr(text_.data() + at_, '\n', size - at_);
  std::uint32_t newline = found ? static_cast<std::uint32_t>(static_cast<const char*>(found) - text_.data()) : size;
  std::uint32_t end = newline > at_ && text_[newline - 1] == '\r' ? newline - 1 : newline;
  line = {at_, end, newline, newline < size ? newline + 1 : size};
  at_ = line.next;
  return true;
}

std::size_t leading_spaces(std::string_view s) { return run_of(s, ' '); }

Indent indent_of(std::string_view s) {
  Indent indent;
  for (char c : s) {
    if (c == ' ') indent.columns += 1;
    else if (c == '\t') indent.columns += 4 - indent.columns % 4;
    else break;
    ++indent.bytes;
  }
  return indent;
}

bool is_blank(std::string_view s) {
  for (char c : s)
    if (!is_blank_char(c)) return false;
  return true;
}

Fence fence_opener(std::string_view rest) {
  if (rest.empty() || (rest[0] != '`' && rest[0] != '~')) return {};
  std::size_t n = run_of(rest, rest[0]);
  if (n < 3) return {};
  if (rest[0] == '`' && rest.find('`', n) != std::string_view::npos) return {};
  return {rest[0], n};
}

bool closes_fence(std::string_view rest, const Fence& fence) {
  std::size_t n = run_of(rest, fence.mark);
  return n >= fence.length && is_blank(rest.substr(n));
}

std::size_t list_marker_length(std::string_view rest) {
  if (rest.empty()) return 0;
  if (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') return 1;
  std::size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits == 0 || digits >= rest.size() || (rest[digits] != '.' && rest[digits] != ')')) return 0;
  return digits + 1;
}

std::size_t directive_colons(std::string_view rest) {
  std::size_t n = run_of(rest, ':');
  return n >= 3 ? n : 0;
}

std::size_t atx_heading_level(std::string_view rest) {
  std::size_t n = run_of(rest, '#');
  if (n < 1 || n > 6) return 0;
  return n == rest.size() || is_blank_char(rest[n]) ? n : 0;
}

}  // namespace broadsheet
