// The front matter's parsed YAML as a small tree of our own (libyaml events are read into it), with the
// JSON semantics `meta` needs: mappings keep their keys sorted and unique (the last one wins), as JSON
// objects did when nlohmann::json held them, so `meta` bytes are unchanged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct YamlMember;

struct YamlValue {
  enum class Kind : unsigned char { Null, Boolean, Integer, String, Sequence, Mapping };

  Kind kind = Kind::Null;
  bool boolean = false;
  long long integer = 0;
  std::string text;
  std::vector<YamlValue> items;      // a sequence's elements
  std::vector<YamlMember> members;   // a mapping's entries, sorted by key

  static YamlValue mapping();
  static YamlValue string(std::string text);

  bool is_null() const { return kind == Kind::Null; }
  bool is_mapping() const { return kind == Kind::Mapping; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  // Null 0, a scalar 1, a container its element count: the weight an alias adds to the node budget.
  std::size_t size() const;
  const YamlValue* find(std::string_view key) const;
  YamlValue& operator[](std::string_view key);   // inserts null when missing
  void erase(std::string_view key);
};

struct YamlMember {
  std::string key;
  YamlValue value;
};

// Compact JSON (no spaces), strings escaped by append_json_string.
void append_json(std::string& out, const YamlValue& value);

}  // namespace broadsheet
