#include "core/yaml_reader.hpp"

#include <charconv>

#include <yaml.h>

#include <memory>
#include <string>
#include <unordered_map>

#include "core/utf8.hpp"

namespace broadsheet {

namespace {

// ---- libyaml's events, and its errors in Broadsheet's words ----------------------------------------

// The parser over one block of YAML. Positions are the file's: 1-based line and column.
class YamlEvents {
 public:
  YamlEvents(std::string_view yaml, std::uint32_t first_line) : yaml_(yaml), first_line_(first_line) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  }
  ~YamlEvents() { yaml_parser_delete(&parser_); }
  YamlEvents(const YamlEvents&) = delete;
  YamlEvents& operator=(const YamlEvents&) = delete;

  // The next event, which the caller then owns; false when the YAML is invalid (error() says why).
  bool next(yaml_event_t& event) {
    if (yaml_parser_parse(&parser_, &event)) return true;
    std::string message = parser_.problem ? parser_.problem : "invalid YAML";
    yaml_mark_t where = parser_.problem_mark;
    if (parser_.context) {
      Diagnostic start = at(parser_.context_mark, "");
      message += std::string(" (") + parser_.context + " that starts at line " + std::to_string(start.line) +
                 ", column " + std::to_string(start.column) + ")";
      // Running into the end of the block (an unclosed bracket or quote) is reported where it opened.
      if (parser_.problem_mark.index >= yaml_.size()) where = parser_.context_mark;
    }
    error_ = at(where, "invalid front matter: " + message);
    return false;
  }
  // The next event inside a sequence or mapping; false at the `end` event that closes it (consumed) or
  // when the YAML is invalid (error() says why).
  bool next_before(yaml_event_type_t end, yaml_event_t& event) {
    if (!next(event)) return false;
    if (event.type != end) return true;
    yaml_event_delete(&event);
    return false;
  }
  const std::optional<Diagnostic>& error() const { return error_; }

  struct Position {
    std::uint32_t line = 0, column = 0;
  };
  Position position(const yaml_mark_t& mark) const {
    return {static_cast<std::uint32_t>(first_line_ + mark.line), static_cast<std::uint32_t>(mark.column + 1)};
  }
  Diagnostic at(const yaml_mark_t& mark, std::string message) const {
    Position where = position(mark);
    return {where.line, where.column, std::move(message)};
  }

 private:
  std::string_view yaml_;
  std::uint32_t first_line_;
  yaml_parser_t parser_;
  std::optional<Diagnostic> error_;
};

// ---- a scalar's value: YAML 1.2's core schema ---------------------------------------------------------

JsonValue scalar_value(const yaml_event_t& event) {
  std::string_view raw(reinterpret_cast<const char*>(event.data.scalar.value), event.data.scalar.length);
  std::string text(raw);
  // A quoted "\0" escape decodes to NUL: replaced like a NUL in the Markdown, so no output holds one.
  if (raw.find('\0') != std::string_view::npos) {
    text.clear();
    for (char c : raw) {
      if (c == '\0') text.append(utf8::kReplacement);
      else text.push_back(c);
    }
  }
  if (event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return JsonValue::string(std::move(text));
  // Plain scalars: null, booleans and integers are short.
  if (text.size() <= 5) {
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") return JsonValue();
    if (text == "true" || text == "True" || text == "TRUE" || text == "false" || text == "False" || text == "FALSE")
      return JsonValue::flag(text[0] == 't' || text[0] == 'T');
  }
  std::size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  bool digits = i < text.size() && text.size() - i <= 18;
  for (std::size_t k = i; k < text.size() && digits; ++k) digits = text[k] >= '0' && text[k] <= '9';
  if (!digits) return JsonValue::string(std::move(text));
  // from_chars, not stoll: at most 18 digits always fit, and stoll's throwing paths would link printf.
  long long number = 0;
  std::from_chars(text.data() + (text[0] == '+' ? 1 : 0), text.data() + text.size(), number);
  return JsonValue::number(number);
}

// ---- anchors, and the budget aliases spend ------------------------------------------------------------

// Alias bombs (`l1: &l1 [*l0,*l0,…]` ten times over) are stopped by counting every value an alias
// repeats, and the text it repeats, against these budgets: the tree, and the meta JSON written from it,
// stay within a small multiple of the YAML's own size.
constexpr std::size_t kMaxYamlNodes = 100000;
constexpr std::size_t kMaxExpandedBytes = 4u * 1024u * 1024u;  // on top of 4 × the YAML's size

class ExpansionBudget {
 public:
  struct Cost {
    std::size_t nodes = 0, bytes = 0;
  };
  struct Anchor {
    JsonValue value;
    Cost cost;  // the nodes and bytes of the value with every alias inside it expanded
  };

  explicit ExpansionBudget(std::size_t yaml_size) : max_bytes_(kMaxExpandedBytes + 4 * yaml_size) {}

  Cost used() const { return used_; }

  // Counts `nodes` values and `bytes` of text; the problem when that goes over a budget (`alias`: the
  // alias that repeated them).
  std::optional<std::string> spend(std::size_t nodes, std::size_t bytes, const char* alias = nullptr) {
    used_.nodes += nodes;
    used_.bytes += bytes;
    if (used_.nodes <= kMaxYamlNodes && used_.bytes <= max_bytes_) return std::nullopt;
    std::string what = used_.nodes > kMaxYamlNodes
                           ? "more than the limit of " + std::to_string(kMaxYamlNodes) + " values"
                           : "more than the limit of " + std::to_string(max_bytes_) + " bytes of values";
    if (alias)
      return "front matter is too large: the alias *" + std::string(alias) + " (" + std::to_string(nodes) +
             " values) makes it " + what + " (aliases count every value they repeat)";
    return "front matter is too large: it holds " + what;
  }

  // The anchor `name` holds `value`, which cost what was spent since `start`. An anchor defined again
  // replaces the first (YAML: an alias names the nearest anchor before it).
  void remember(const std::string& name, const JsonValue& value, const Cost& start) {
    Anchor anchor{value, {used_.nodes - start.nodes, used_.bytes - start.bytes}};
    auto [at, added] = anchor_index_.emplace(name, static_cast<std::uint32_t>(anchors_.size()));
    if (added) anchors_.push_back(std::move(anchor));
    else anchors_[at->second] = std::move(anchor);
  }
  const Anchor* anchor(const char* name) const {
    auto found = anchor_index_.find(name);
    return found == anchor_index_.end() ? nullptr : &anchors_[found->second];
  }

 private:
  std::size_t max_bytes_;
  Cost used_;
  // By name, an index into anchors_: the same std::unordered_map<std::string, std::uint32_t> as the id
  // registry's and the footnotes', so the module holds one instantiation of it.
  std::unordered_map<std::string, std::uint32_t> anchor_index_;
  std::vector<Anchor> anchors_;
};

// ---- the tree: events into values ---------------------------------------------------------------------

class TreeReader {
 public:
  TreeReader(std::string_view yaml, std::uint32_t first_line, std::vector<FrontMatterKey>& keys)
      : events_(yaml, first_line), budget_(yaml.size()), keys_(keys) {}

  // Reads the whole stream; the document's root value (null when empty) or an error.
  std::optional<Diagnostic> read(JsonValue& root) {
    root = JsonValue();
    for (;;) {
      yaml_event_t event;
      if (!events_.next(event)) return events_.error();
      yaml_event_type_t type = event.type;
      if (type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&event);
        return std::nullopt;
      }
      if (type == YAML_DOCUMENT_START_EVENT && documents_++ > 0) {
        yaml_event_delete(&event);
        return events_.at(event.start_mark, "front matter holds more than one YAML document");
      }
      bool is_value = type == YAML_SCALAR_EVENT || type == YAML_SEQUENCE_START_EVENT ||
                      type == YAML_MAPPING_START_EVENT || type == YAML_ALIAS_EVENT;
      if (is_value) {
        auto problem = value(event, root, /*depth=*/0);
        if (problem) return problem;
      } else {
        yaml_event_delete(&event);
      }
    }
  }

 private:
  using Problem = std::optional<Diagnostic>;

  Problem spend(const yaml_mark_t& mark, std::size_t nodes, std::size_t bytes, const char* alias = nullptr) {
    if (auto problem = budget_.spend(nodes, bytes, alias)) return events_.at(mark, std::move(*problem));
    return std::nullopt;
  }

  // Consumes the value that starts with `event` (and owns it).
  Problem value(yaml_event_t& event, JsonValue& out, int depth) {
    std::unique_ptr<yaml_event_t, void (*)(yaml_event_t*)> guard(&event, yaml_event_delete);
    if (depth > 64) return events_.at(event.start_mark, "front matter is nested more than 64 levels deep");
    const ExpansionBudget::Cost start = budget_.used();
    if (auto problem = spend(event.start_mark, 1, 16)) return problem;
    const char* anchor = nullptr;
    switch (event.type) {
      case YAML_ALIAS_EVENT: {
        const char* name = reinterpret_cast<const char*>(event.data.alias.anchor);
        const ExpansionBudget::Anchor* anchored = budget_.anchor(name);
        if (!anchored) return events_.at(event.start_mark, "unknown alias");
        // The alias stands for a copy of everything its anchor holds: it costs what the anchor cost.
        if (auto problem = spend(event.start_mark, anchored->cost.nodes, anchored->cost.bytes, name)) return problem;
        out = anchored->value;
        return std::nullopt;
      }
      case YAML_SCALAR_EVENT:
        if (auto problem = spend(event.start_mark, 0, event.data.scalar.length)) return problem;
        out = scalar_value(event);
        anchor = reinterpret_cast<const char*>(event.data.scalar.anchor);
        break;
      case YAML_SEQUENCE_START_EVENT:
        if (auto problem = sequence(out, depth)) return problem;
        anchor = reinterpret_cast<const char*>(event.data.sequence_start.anchor);
        break;
      case YAML_MAPPING_START_EVENT:
        if (auto problem = mapping(out, depth)) return problem;
        anchor = reinterpret_cast<const char*>(event.data.mapping_start.anchor);
        break;
      default:
        return std::nullopt;
    }
    // The anchor (libyaml never gives an empty one) now holds the whole value.
    if (anchor) budget_.remember(anchor, out, start);
    return std::nullopt;
  }

  // The items after a sequence's start event, up to its end event.
  Problem sequence(JsonValue& out, int depth) {
    out = JsonValue::array();
    yaml_event_t item;
    while (events_.next_before(YAML_SEQUENCE_END_EVENT, item)) {
      JsonValue element;
      if (auto problem = value(item, element, depth + 1)) return problem;
      out.items.push_back(std::move(element));
    }
    return events_.error();
  }

  // The keys and values after a mapping's start event, up to its end event; the top level's keys (depth
  // 0) with their positions.
  Problem mapping(JsonValue& out, int depth) {
    out = JsonValue::object();
    yaml_event_t key_event;
    while (events_.next_before(YAML_MAPPING_END_EVENT, key_event)) {
      yaml_mark_t key_mark = key_event.start_mark;
      JsonValue key;
      if (auto problem = value(key_event, key, depth + 1)) return problem;
      std::string name;
      if (key.kind == JsonValue::Kind::String) name = std::move(key.text);
      else append_json(name, key);  // a key that is not text is named by its JSON (`1`, `true`, `[a]`)
      yaml_event_t value_event;
      if (!events_.next(value_event)) return events_.error();
      JsonValue element;
      if (auto problem = value(value_event, element, depth + 1)) return problem;
      if (depth == 0) {
        YamlEvents::Position where = events_.position(key_mark);
        keys_.push_back({name, where.line, where.column});
      }
      // Appended in file order and sorted once at the end: inserting each key at its sorted place
      // is quadratic for keys written in reverse order.
      out.members.push_back({std::move(name), std::move(element)});
    }
    if (events_.error()) return events_.error();
    out.sort_members();
    return std::nullopt;
  }

  YamlEvents events_;
  ExpansionBudget budget_;
  std::vector<FrontMatterKey>& keys_;  // every top-level key (a vector: a map node per key cost ~100 bytes)
  int documents_ = 0;
};

}  // namespace

std::optional<Diagnostic> read_yaml(std::string_view yaml, std::uint32_t first_line, JsonValue& root,
                                    std::vector<FrontMatterKey>& keys) {
  return TreeReader(yaml, first_line, keys).read(root);
}

}  // namespace broadsheet
