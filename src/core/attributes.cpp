#include "core/attributes.hpp"

namespace broadsheet {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }
bool is_key_char(char c) { return is_name_char(c) || c == ':' || c == '.'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

AttributeBlock read_attribute_block(std::string_view text) {
  AttributeBlock block;
  if (text.empty() || text[0] != '{') return block;
  std::size_t i = 1;
  auto run = [&](auto&& belongs) {  // the bytes from i that `belongs` accepts
    std::size_t start = i;
    while (i < text.size() && belongs(text[i])) ++i;
    return text.substr(start, i - start);
  };
  for (;;) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size()) return block;  // no closing brace
    char c = text[i];
    auto at = static_cast<std::uint32_t>(i);
    if (c == '}') {
      block.length = static_cast<std::uint32_t>(i + 1);
      return block;
    }
    if (c == '.' || c == '#') {
      ++i;
      std::string_view name = run(is_name_char);
      if (name.empty()) return block;
      block.attributes.push_back({c == '.' ? Attribute::Kind::Class : Attribute::Kind::Id, name, {}, at});
      continue;
    }
    if (!is_letter(c)) return block;
    std::string_view key = run(is_key_char);
    std::string_view value;
    if (i < text.size() && text[i] == '=') {
      ++i;
      if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
        std::size_t close = text.find(text[i], i + 1);
        if (close == std::string_view::npos) return block;
        value = text.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        value = run([](char v) { return !is_space(v) && v != '}'; });
      }
    }
    block.attributes.push_back({Attribute::Kind::Pair, key, value, at});
  }
}

std::string attribute_label(const Attribute& attribute) {
  std::string label;
  if (attribute.kind == Attribute::Kind::Class) label = '.';
  else if (attribute.kind == Attribute::Kind::Id) label = '#';
  return label.append(attribute.name);
}

std::string attribute_problem(std::string_view place, std::string_view label, std::string_view problem,
                              std::string_view consequence) {
  std::string out(place);
  out.append(" attribute `").append(label).append("` ").append(problem).append("; ").append(consequence);
  return out;
}

std::string malformed_block_problem(std::string_view block, std::string_view consequence) {
  std::string out = "the attribute block `";
  out.append(block).append("` could not be read (expected {.class #id key=\"value\"}); ").append(consequence);
  return out;
}

}  // namespace broadsheet
