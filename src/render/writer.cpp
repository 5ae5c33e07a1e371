#include "render/writer.hpp"

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

template <std::uint8_t Flag, typename Escape>
void escape(std::string& out, std::string_view s, Escape&& replace) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !(kTable[static_cast<unsigned char>(*p)] & Flag)) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p < end) replace(out, *p++);
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
