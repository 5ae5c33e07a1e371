#include "core/json_string.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

constexpr std::array<bool, 256> make_needs_escape() {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = table['\\'] = true;
  // `<` as \u003c: JSON output can then be inlined in a page's <script> (no `</script>` or `<!--` in it).
  table['<'] = true;
  return table;
}
constexpr auto kNeedsEscape = make_needs_escape();

void escape_into(std::string& out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !kNeedsEscape[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    auto c = static_cast<unsigned char>(*p++);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default: {
        char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(u, 6);
      }
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  // Text reaching here is valid UTF-8 (the input is repaired first); repair anyway rather than emit
  // invalid JSON.
  if (utf8::is_valid(text)) escape_into(out, text);
  else escape_into(out, utf8::repaired(text));
  out.push_back('"');
}

void append_json_number(std::string& out, long long value) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;  // 24 digits hold any long long
  out.append(digits, static_cast<std::size_t>(end - digits));
}

}  // namespace broadsheet
