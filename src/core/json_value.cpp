#include "core/json_value.hpp"

#include <algorithm>

#include "core/json_string.hpp"
#include "core/output_budget.hpp"
#include "core/sort.hpp"

namespace broadsheet {

namespace {

auto lower_bound(const std::vector<JsonMember>& members, std::string_view key) {
  return std::lower_bound(members.begin(), members.end(), key,
                          [](const JsonMember& m, std::string_view k) { return std::string_view(m.key) < k; });
}

}  // namespace

JsonValue JsonValue::object() {
  JsonValue value;
  value.kind = Kind::Object;
  return value;
}

JsonValue JsonValue::array() {
  JsonValue value;
  value.kind = Kind::Array;
  return value;
}

JsonValue JsonValue::number(long long number) {
  JsonValue value;
  value.kind = Kind::Integer;
  value.integer = number;
  return value;
}

JsonValue JsonValue::flag(bool flag) {
  JsonValue value;
  value.kind = Kind::Boolean;
  value.boolean = flag;
  return value;
}

JsonValue JsonValue::string(std::string text) {
  JsonValue value;
  value.kind = Kind::String;
  value.text = std::move(text);
  return value;
}

std::size_t JsonValue::size() const {
  switch (kind) {
    case Kind::Null: return 0;
    case Kind::Array: return items.size();
    case Kind::Object: return members.size();
    default: return 1;
  }
}

const JsonValue* JsonValue::find(std::string_view key) const {
  auto it = lower_bound(members, key);
  return it != members.end() && it->key == key ? &it->value : nullptr;
}

JsonValue& JsonValue::operator[](std::string_view key) {
  auto it = lower_bound(members, key);
  if (it != members.end() && it->key == key) return members[static_cast<std::size_t>(it - members.begin())].value;
  auto at = members.insert(members.begin() + (it - members.begin()), JsonMember{std::string(key), {}});
  return at->value;
}

void JsonValue::erase(std::string_view key) {
  auto it = lower_bound(members, key);
  if (it != members.end() && it->key == key) members.erase(members.begin() + (it - members.begin()));
}

void JsonValue::sort_members() {
  stable_sort_items(members, [](const JsonMember& a, const JsonMember& b) { return a.key < b.key; });
  // Of a run of equal keys, the last (the one written last) wins.
  std::size_t kept = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i + 1 < members.size() && members[i + 1].key == members[i].key) continue;
    if (kept != i) members[kept] = std::move(members[i]);
    ++kept;
  }
  members.resize(kept);
}

void append_json(std::string& out, const JsonValue& value) {
  if (output_budget().over(out.size())) return;  // the render fails; stop growing the output
  switch (value.kind) {
    case JsonValue::Kind::Null: out.append("null"); break;
    case JsonValue::Kind::Boolean: out.append(value.boolean ? "true" : "false"); break;
    case JsonValue::Kind::Integer: append_json_number(out, value.integer); break;
    case JsonValue::Kind::String: append_json_string(out, value.text); break;
    case JsonValue::Kind::Array: {
      out.push_back('[');
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i) out.push_back(',');
        append_json(out, value.items[i]);
      }
      out.push_back(']');
      break;
    }
    case JsonValue::Kind::Object: {
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
