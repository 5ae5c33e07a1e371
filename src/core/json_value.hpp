// A small JSON value tree and its compact writer: the one JSON vocabulary of the core. The front matter's
// YAML is read into it (then written as `meta`) and the JSON renderer builds its document with it.
// Objects keep their keys sorted and unique (the last one wins), as nlohmann::json did before it, so
// the bytes of every JSON output stay the same.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

struct JsonMember;

struct JsonValue {
  enum class Kind : unsigned char { Null, Boolean, Integer, String, Array, Object };

  Kind kind = Kind::Null;
  bool boolean = false;
  long long integer = 0;
  std::string text;
  std::vector<JsonValue> items;      // an array's elements
  std::vector<JsonMember> members;   // an object's entries, sorted by key

  static JsonValue object();
  static JsonValue array();
  static JsonValue string(std::string text);
  static JsonValue number(long long value);
  static JsonValue flag(bool value);

  bool is_null() const { return kind == Kind::Null; }
  bool is_object() const { return kind == Kind::Object; }
  bool is_array() const { return kind == Kind::Array; }
  // Null 0, a scalar 1, a container its element count: the weight an alias adds to the node budget.
  std::size_t size() const;
  const JsonValue* find(std::string_view key) const;
  JsonValue& operator[](std::string_view key);   // inserts null when missing
  void erase(std::string_view key);
  // Sorts members appended in any order by key, keeping the last of equal keys (as operator[] would):
  // n log n where n inserts at their sorted place would be quadratic.
  void sort_members();
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Compact JSON (no spaces), strings escaped by append_json_string.
void append_json(std::string& out, const JsonValue& value);

}  // namespace broadsheet
