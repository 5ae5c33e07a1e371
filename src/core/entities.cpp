#include "core/entities.hpp"

#include <broadsheet_entities.hpp>

#include <array>
#include <cctype>
#include <cstdint>

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// The code points of a named reference given without "&" and ";" (one or two; {0, 0} when unknown), by
// binary search over the generated table. The start of each name is found once, on first use.
std::array<std::uint32_t, 2> find_named(std::string_view name) {
  using namespace generated;
  static const auto starts = [] {
    static_assert(sizeof(entity_names) <= 65536, "name offsets are 16-bit");
    std::array<std::uint16_t, entity_count> at{};
    std::size_t offset = 0;
    for (std::size_t i = 0; i < entity_count; ++i) {
      at[i] = static_cast<std::uint16_t>(offset);
      while (entity_names[offset] != '\0') ++offset;
      ++offset;
    }
    return at;
  }();
  std::size_t low = 0, high = entity_count;
  while (low < high) {
    std::size_t middle = (low + high) / 2;
    int order = std::string_view(entity_names + starts[middle]).compare(name);
    if (order == 0) return {entity_codepoints[middle][0], entity_codepoints[middle][1]};
    if (order < 0) low = middle + 1; else high = middle;
  }
  return {0, 0};
}

// "&name;" as md4c reports a reference: the code points of its name.
std::array<std::uint32_t, 2> find_reference(std::string_view reference) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return {0, 0};
  return find_named(reference.substr(1, reference.size() - 2));
}

unsigned hex_value(char c) {
  if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
  return static_cast<unsigned>(c - 'A' + 10);
}
}  // namespace

void append_entity(std::string& out, std::string_view ref) {
  if (ref.size() > 3 && ref[1] == '#') {
    char32_t cp = 0;
    bool hex = ref[2] == 'x' || ref[2] == 'X';
    for (std::size_t i = hex ? 3 : 2; i + 1 < ref.size(); ++i) {
      cp = hex ? cp * 16 + hex_value(ref[i]) : cp * 10 + static_cast<char32_t>(ref[i] - '0');
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, no overflow
    }
    utf8::append(out, cp);
    return;
  }
  if (auto codepoints = find_reference(ref); codepoints[0] != 0) {
    utf8::append(out, codepoints[0]);
    if (codepoints[1]) utf8::append(out, codepoints[1]);
    return;
  }
  out.append(ref);
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(i, amp - i));
    std::size_t semi = text.find(';', amp);
    bool valid = semi != std::string_view::npos && semi - amp >= 2 && semi - amp <= 48;
    if (valid) {
      std::string_view body = text.substr(amp + 1, semi - amp - 1);
      if (body[0] == '#') {
        bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        std::size_t start = hex ? 2 : 1;
        valid = body.size() > start && body.size() - start <= (hex ? 6u : 7u);
        for (std::size_t k = start; k < body.size() && valid; ++k)
          valid = hex ? std::isxdigit(static_cast<unsigned char>(body[k])) != 0 : (body[k] >= '0' && body[k] <= '9');
      } else {
        for (char c : body) valid = valid && std::isalnum(static_cast<unsigned char>(c));
        valid = valid && find_named(body)[0] != 0;
      }
    }
    if (valid) {
      append_entity(out, text.substr(amp, semi - amp + 1));
      i = semi + 1;
    } else {
      out.push_back('&');
      i = amp + 1;
    }
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace broadsheet
