#include "core/yaml_value.hpp"

#include <algorithm>

#include "core/json_string.hpp"

namespace broadsheet {

namespace {

auto lower_bound(const std::vector<YamlMember>& members, std::string_view key) {
  return std::lower_bound(members.begin(), members.end(), key,
                          [](const YamlMember& m, std::string_view k) { return std::string_view(m.key) < k; });
}

}  // namespace

YamlValue YamlValue::mapping() {
  YamlValue value;
  value.kind = Kind::Mapping;
  return value;
}

YamlValue YamlValue::string(std::string text) {
  YamlValue value;
  value.kind = Kind::String;
  value.text = std::move(text);
  return value;
}

std::size_t YamlValue::size() const {
  switch (kind) {
    case Kind::Null: return 0;
    case Kind::Sequence: return items.size();
    case Kind::Mapping: return members.size();
    default: return 1;
  }
}

const YamlValue* YamlValue::find(std::string_view key) const {
  auto it = lower_bound(members, key);
  return it != members.end() && it->key == key ? &it->value : nullptr;
}

YamlValue& YamlValue::operator[](std::string_view key) {
  auto it = lower_bound(members, key);
  if (it != members.end() && it->key == key) return members[static_cast<std::size_t>(it - members.begin())].value;
  auto at = members.insert(members.begin() + (it - members.begin()), YamlMember{std::string(key), {}});
  return at->value;
}

void YamlValue::erase(std::string_view key) {
  auto it = lower_bound(members, key);
  if (it != members.end() && it->key == key) members.erase(members.begin() + (it - members.begin()));
}

void append_json(std::string& out, const YamlValue& value) {
  switch (value.kind) {
    case YamlValue::Kind::Null: out.append("null"); break;
    case YamlValue::Kind::Boolean: out.append(value.boolean ? "true" : "false"); break;
    case YamlValue::Kind::Integer: append_json_number(out, value.integer); break;
    case YamlValue::Kind::String: append_json_string(out, value.text); break;
    case YamlValue::Kind::Sequence: {
      out.push_back('[');
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i) out.push_back(',');
        append_json(out, value.items[i]);
      }
      out.push_back(']');
      break;
    }
    case YamlValue::Kind::Mapping: {
      out.push_back('{');
      for (std::size_t i = 0; i < value.members.size(); ++i) {
        if (i) out.push_back(',');
        append_json_string(out, value.members[i].key);
        out.push_back(':');
        append_json(out, value.members[i].value);
      }
      out.push_back('}');
      break;
    }
  }
}

}  // namespace broadsheet
