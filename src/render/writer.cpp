#include "render/writer.hpp"

#include <algorithm>

#include "core/byte_scan.hpp"
#include "core/output_budget.hpp"

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

// The length of the leading run of `s` with no byte of class `Flag`, a byte at a time.
template <std::uint8_t Flag>
std::size_t table_safe_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && !(kTable[static_cast<unsigned char>(s[i])] & Flag)) ++i;
  return i;
}

// The index of the first & < > " in `s` (or its size). Text is mostly runs with none of them; most runs
// are short (the text between two inline marks), and under 16 bytes the table beats the vector scan.
std::size_t html_safe_prefix(std::string_view s) {
  if (s.size() < 16) return table_safe_prefix<kHtml>(s);
  return std::min(byte_scan::find_first_of(s, '&', '<', '>', '"'), s.size());
}

// The length of the leading run of `s` with no byte of class `Flag`.
template <std::uint8_t Flag>
std::size_t safe_prefix(std::string_view s) {
  if constexpr (Flag == kHtml) return html_safe_prefix(s);
  return table_safe_prefix<Flag>(s);
}

// Writes `s`, whole safe runs at once, calling `replace` for each byte of class `Flag`.
template <std::uint8_t Flag, typename Escape>
void escape(Writer& w, std::string_view s, Escape&& replace) {
  for (;;) {
    std::size_t run = safe_prefix<Flag>(s);
    w.raw(s.substr(0, run));
    if (run == s.size()) return;
    replace(w, s[run]);
    s.remove_prefix(run + 1);
  }
}

}  // namespace

void Writer::make_room(std::size_t bytes) {
  std::size_t used = length();
  close();
  OutputBudget& budget = output_budget();
  if (budget.over(handed_ + used + bytes)) {
    // Over budget the render fails: what follows is written over the start again, so the string stops
    // growing (at most the budget and one write), and the time stays that of the rendering itself.
    used = 0;
  }
  // Grows as std::string would (doubling, but not past the budget), then opens the whole capacity.
  if (out_.capacity() - used < bytes)
    out_.reserve(std::max(used + bytes, std::min(2 * out_.capacity(), budget.limit)));
  out_.resize(out_.capacity());
  cur_ = out_.data() + used;
  end_ = out_.data() + out_.size();
}

void Writer::text(std::string_view s) {
  escape<kHtml>(*this, s, [](Writer& w, char c) {
    switch (c) {
      case '&': w.raw("&amp;"); break;
      case '<': w.raw("&lt;"); break;
      case '>': w.raw("&gt;"); break;
      default: w.raw("&quot;"); break;
    }
  });
}

void Writer::url(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  escape<kUrl>(*this, s, [](Writer& w, char c) {
    if (c == '&') {
      w.raw("&amp;");
      return;
    }
    auto byte = static_cast<unsigned char>(c);
    char encoded[3] = {'%', hex[byte >> 4], hex[byte & 0xF]};
    w.raw(std::string_view(encoded, 3));
  });
}

}  // namespace broadsheet
