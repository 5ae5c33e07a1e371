#include "core/entities.hpp"

#include <broadsheet_entities.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// The table (cmake/entity_table.cmake) holds the names sorted bytewise, in blocks of entity_block. Each entry
// is one byte, the length of the prefix the name shares with the one before it (0 for a block's first name),
// then the rest of the name, which ends where the next entry's length byte begins: lengths are below '0',
// names are letters and digits. The string's own closing NUL ends the last name.
std::string_view rest_at(const char* rest) {
  const char* end = rest;
  while (static_cast<unsigned char>(*end) >= '0') ++end;
  return {rest, static_cast<std::size_t>(end - rest)};
}

// Binary search over the blocks' first names picks the block; a walk through it finds the name without
// rebuilding any (below). Returns the name's position in the table, or entity_count when it is not there.
std::size_t find_named(std::string_view name) {
  using namespace generated;
  constexpr std::size_t blocks = (entity_count + entity_block - 1) / entity_block;
  static const auto block_starts = [] {  // where each block begins in entity_names
    static_assert(sizeof(entity_names) <= 65536, "block offsets are 16-bit");
    std::array<std::uint16_t, blocks> at{};
    for (std::size_t offset = 0, i = 0; i < entity_count; ++offset) {
      if (static_cast<unsigned char>(entity_names[offset]) >= '0') continue;  // inside a name
      if (i % entity_block == 0) at[i / entity_block] = static_cast<std::uint16_t>(offset);
      ++i;
    }
    return at;
  }();
  // The last block whose first name is <= name.
  std::size_t low = 0, high = blocks;
  while (low < high) {
    std::size_t middle = (low + high) / 2;
    if (rest_at(entity_names + block_starts[middle] + 1) <= name) low = middle + 1; else high = middle;
  }
  if (low == 0) return entity_count;  // before the first name
  const std::size_t first = (low - 1) * entity_block, end = std::min(first + entity_block, entity_count);
  const char* at = entity_names + block_starts[low - 1];
  // Every name walked past sorts before `name`; `matched` is how many leading characters the last one shares
  // with it. A name sharing `shared` characters with its predecessor (and then a greater character) is past
  // `name` if shared < matched, still before it if shared > matched, and otherwise compared from there on.
  std::size_t matched = 0;
  for (std::size_t i = first; i < end; ++i) {
    std::size_t shared = static_cast<unsigned char>(*at++);
    std::string_view rest = rest_at(at);
    at += rest.size();
    if (shared < matched) break;
    if (shared > matched) continue;
    std::size_t k = 0;  // characters of `rest` that match `name` from `matched` on
    while (k < rest.size() && matched + k < name.size() && rest[k] == name[matched + k]) ++k;
    matched += k;
    if (k == rest.size()) {
      if (matched == name.size()) return i;
      continue;  // a prefix of `name`: before it
    }
    if (matched == name.size() || static_cast<unsigned char>(rest[k]) > static_cast<unsigned char>(name[matched]))
      break;  // `name` is a prefix of it, or sorts before it (bytewise, as string_view compares)
  }
  return entity_count;
}

// The code points of the table's entry `i` (the second one 0 when there is only one). The first is stored as
// three byte planes, low byte first, which gzip compresses better than whole numbers; the second, one of a
// handful (combining marks, a variation selector, "j" of "fj"), by its place in entity_second_codepoints.
std::array<std::uint32_t, 2> codepoints_at(std::size_t i) {
  using namespace generated;
  std::uint32_t first = entity_codepoint_planes[0][i] | entity_codepoint_planes[1][i] << 8 |
                        std::uint32_t{entity_codepoint_planes[2][i]} << 16;
  std::size_t second = entity_codepoint_planes[3][i];
  return {first, second ? entity_second_codepoints[second - 1] : 0};
}

// The code points of a named reference given without "&" and ";" (one or two; {0, 0} when unknown).
std::array<std::uint32_t, 2> find_codepoints(std::string_view name) {
  std::size_t i = find_named(name);
  return i < generated::entity_count ? codepoints_at(i) : std::array<std::uint32_t, 2>{};
}

// "&name;" as md4c reports a reference: the code points of its name.
std::array<std::uint32_t, 2> find_reference(std::string_view reference) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') return {0, 0};
  return find_codepoints(reference.substr(1, reference.size() - 2));
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
        valid = valid && find_named(body) < generated::entity_count;
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
