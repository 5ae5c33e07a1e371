#include "core/front_matter.hpp"

#include <algorithm>

#include "core/json_value.hpp"
#include "core/sanitize.hpp"
#include "core/sort.hpp"
#include "core/yaml_reader.hpp"

namespace broadsheet {

namespace {

struct Block {
  std::string_view yaml;      // the text between the fences
  std::uint32_t first_line;   // file line of the block's first YAML line
  std::uint32_t body_offset;  // where the body starts
};

bool is_fence_line(std::string_view line, std::string_view fence) {
  if (line.substr(0, fence.size()) != fence) return false;
  for (char c : line.substr(fence.size()))
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

// Finds `---` on the first line and the closing `---` or `...`; nullopt when there is no complete block
// (an unclosed block is body text).
std::optional<Block> find_block(std::string_view input) {
  std::size_t start = input.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::size_t eol = input.find('\n', start);
  if (eol == std::string_view::npos || !is_fence_line(input.substr(start, eol - start), "---")) return std::nullopt;
  std::size_t yaml_begin = eol + 1, line_begin = yaml_begin;
  while (line_begin < input.size()) {
    std::size_t line_end = input.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = input.size();
    std::string_view line = input.substr(line_begin, line_end - line_begin);
    if (is_fence_line(line, "---") || is_fence_line(line, "...")) {
      auto body = static_cast<std::uint32_t>(std::min(line_end + 1, input.size()));
      return Block{input.substr(yaml_begin, line_begin - yaml_begin), 2, body};
    }
    line_begin = line_end + 1;
  }
  return std::nullopt;
}

std::optional<std::string> as_text(const JsonValue& value) {
  switch (value.kind) {
    case JsonValue::Kind::String: return value.text;
    case JsonValue::Kind::Integer: return std::to_string(value.integer);
    case JsonValue::Kind::Boolean: return std::string(value.boolean ? "true" : "false");
    default: return std::nullopt;
  }
}

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool is_language_tag(std::string_view s) {
  // BCP 47 shape: letters, then subtags of 1-8 letters/digits separated by '-'.
  if (s.empty() || s.size() > 35) return false;
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c == '-') {
      if (run == 0) return false;
      run = 0;
    } else if (!alnum || ++run > 8) {
      return false;
    }
  }
  return run > 0 && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'));
}

// Turns the parsed root mapping into typed fields and the normalised meta object: one line per known key.
class Normaliser {
 public:
  Normaliser(FrontMatter& out, std::vector<Diagnostic>& warnings) : out_(out), warnings_(warnings) {}

  // Takes the top-level keys, in file order, and the root's values (moved into meta, not copied: 45,000
  // keys made three copies of everything).
  void run(std::vector<FrontMatterKey>& keys, JsonValue& root) {
    out_.keys = std::move(keys);
    out_.index_keys();
    JsonValue meta = JsonValue::object();
    meta.members.reserve(root.members.size());
    for (auto& [key, value] : root.members) {
      if (value.is_null()) continue;
      if (key == "title") text_field(key, value, out_.title, meta);
      else if (key == "subtitle") text_field(key, value, out_.subtitle, meta);
      else if (key == "publication") text_field(key, value, out_.publication, meta);
      else if (key == "preheader" || key == "description") preheader(key, value, meta);
      else if (key == "canonical_url") canonical_url(value, meta);
      else if (key == "issue") issue(value, meta);
      else if (key == "date") date(value, meta);
      else if (key == "authors" || key == "author") list_field(key, value, out_.authors, meta, "authors");
      else if (key == "tags") list_field(key, value, out_.tags, meta, "tags");
      else if (key == "hero") hero(value, meta);
      else if (key == "lang") lang(value, meta);
      else if (key == "dir") dir(value, meta);
      else if (key == "draft") draft(value, meta);
      else if (key == "slug") text_field(key, value, out_.slug, meta);
      else {
        out_.unknown_keys.push_back(key);
        meta[key] = std::move(value);  // unknown keys pass through untouched
      }
    }
    out_.meta_json.clear();
    append_json(out_.meta_json, meta);
  }

 private:
  void warn(const std::string& key, std::string message) {
    auto [line, column] = out_.position_of(key);
    warnings_.push_back({line, column, std::move(message)});
  }

  bool text_field(const std::string& key, const JsonValue& value, std::string& field, JsonValue& meta,
                  const char* meta_key = nullptr) {
    auto text = as_text(value);
    if (!text) {
      warn(key, "front matter `" + key + "` should be text; it was ignored");
      return false;
    }
    meta[meta_key ? meta_key : key] = JsonValue::string(*text);
    field = std::move(*text);
    return true;
  }

  void preheader(const std::string& key, const JsonValue& value, JsonValue& meta) {
    if (key == "description" && !out_.preheader.empty()) return;  // `preheader` wins over its alias
    text_field(key, value, out_.preheader, meta, "preheader");
  }

  void issue(const JsonValue& value, JsonValue& meta) {
    if (value.kind == JsonValue::Kind::Integer) {
      out_.issue = std::to_string(value.integer);
      meta["issue"] = value;
      return;
    }
    auto text = as_text(value);
    if (!text || text->empty()) return warn("issue", "front matter `issue` should be a number; it was ignored");
    out_.issue = *text;
    meta["issue"] = JsonValue::string(*text);
    warn("issue", "front matter `issue` should be a number (got \"" + *text + "\")");
  }

  // One rule for what a date is, for every layer: a real calendar day written YYYY-MM-DD (a publication
  // leaves out an issue with any other `date`: render/summary.cpp).
  void date(const JsonValue& value, JsonValue& meta) {
    auto text = as_text(value);
    if (!text) return warn("date", "front matter `date` should be a date written YYYY-MM-DD; it was ignored");
    if (!is_date(*text)) {
      out_.date_text = *text;  // shown as written: the writer's text is never dropped
      meta["date"] = JsonValue::string(*text);
      return warn("date", "front matter `date` should be a date written YYYY-MM-DD; it is shown as written");
    }
    out_.date = *text;
    meta["date"] = JsonValue::string(*text);
  }

  void list_field(const std::string& key, const JsonValue& value, std::vector<std::string>& field, JsonValue& meta,
                  const char* meta_key) {
    if (auto text = as_text(value)) {
      // A single string; tags may also be written "a, b, c".
      std::string_view rest = *text;
      if (std::string_view(meta_key) == "tags") {
        while (!rest.empty()) {
          std::size_t comma = rest.find(',');
          std::string_view item = rest.substr(0, comma);
          while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
          while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
          if (!item.empty()) field.emplace_back(item);
          rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
      } else {
        field.push_back(*text);
      }
    } else if (value.is_array()) {
      for (const auto& item : value.items) {
        const JsonValue* name = item.is_object() ? item.find("name") : nullptr;
        if (auto item_text = as_text(item)) field.push_back(*item_text);
        else if (name && as_text(*name)) field.push_back(*as_text(*name));
        else warn(key, "front matter `" + key + "` should be a list of names; an item was ignored");
      }
    } else {
      return warn(key, "front matter `" + key + "` should be a list or text; it was ignored");
    }
    JsonValue& list = meta[meta_key] = JsonValue::array();
    for (const auto& item : field) list.items.push_back(JsonValue::string(item));
  }

  void canonical_url(const JsonValue& value, JsonValue& meta) {
    std::string url;
    if (!text_field("canonical_url", value, url, meta)) return;
    if (is_safe_url(url, UrlUse::Link)) {
      out_.canonical_url = std::move(url);
    } else {
      warn("canonical_url", "unsafe canonical_url removed: " + url_for_message(url));
      meta.erase("canonical_url");
    }
  }

  // hero.width / hero.height: a whole number of pixels, 1 to 10000.
  void take_size(const JsonValue& hero, const char* name, int& field) {
    const JsonValue* value = hero.find(name);
    if (!value) return;
    if (value->kind == JsonValue::Kind::Integer && value->integer > 0 && value->integer <= 10000)
      field = static_cast<int>(value->integer);
    else
      warn("hero", std::string("front matter `hero.") + name + "` should be a whole number of pixels; it was ignored");
  }

  void hero(const JsonValue& value, JsonValue& meta) {
    Hero hero;
    if (auto text = as_text(value)) {
      hero.src = *text;
    } else if (value.is_object()) {
      auto take = [&](const char* name, std::string& field) {
        const JsonValue* member = value.find(name);
        if (!member) return;
        if (auto field_text = as_text(*member)) field = *field_text;
        else warn("hero", std::string("front matter `hero.") + name + "` should be text; it was ignored");
      };
      take("src", hero.src);
      take("alt", hero.alt);
      take("caption", hero.caption);
      take("credit", hero.credit);
      take("credit_url", hero.credit_url);
      take_size(value, "width", hero.width);
      take_size(value, "height", hero.height);
    } else {
      return warn("hero", "front matter `hero` should be an image URL or a mapping with src and alt; it was ignored");
    }
    if (hero.src.empty()) return warn("hero", "front matter `hero` has no `src`; it was ignored");
    // Checked here, where the key's line is known, so no renderer or meta consumer ever sees a bad URL.
    if (!is_safe_url(hero.src, UrlUse::Image)) {
      warn("hero", "unsafe hero image URL removed: " + url_for_message(hero.src));
      if (hero.caption.empty() && hero.credit.empty()) return;
      hero.src.clear();
    }
    if (!hero.credit_url.empty() && !is_safe_url(hero.credit_url, UrlUse::Link)) {
      warn("hero", "unsafe hero credit_url removed: " + url_for_message(hero.credit_url));
      hero.credit_url.clear();
    }
    if (!value.is_object() || !value.find("alt")) warn("hero", "the hero image has no `alt` text");
    JsonValue object = JsonValue::object();
    if (!hero.src.empty()) object["src"] = JsonValue::string(hero.src);
    if (!hero.alt.empty()) object["alt"] = JsonValue::string(hero.alt);
    if (!hero.caption.empty()) object["caption"] = JsonValue::string(hero.caption);
    if (!hero.credit.empty()) object["credit"] = JsonValue::string(hero.credit);
    if (!hero.credit_url.empty()) object["credit_url"] = JsonValue::string(hero.credit_url);
    if (hero.width > 0) object["width"] = JsonValue::number(hero.width);
    if (hero.height > 0) object["height"] = JsonValue::number(hero.height);
    meta["hero"] = std::move(object);
    out_.hero = std::move(hero);
  }

  // Only a YAML boolean says what `draft` means; anything else (yes, on, 1, "true") is reported by lint
  // and keeps the issue out of a publication (render/summary.cpp).
  void draft(JsonValue& value, JsonValue& meta) {
    bool boolean = value.kind == JsonValue::Kind::Boolean;
    using Draft = FrontMatter::Draft;
    out_.draft = !boolean ? Draft::Unreadable : value.boolean ? Draft::Yes : Draft::No;
    meta["draft"] = std::move(value);
  }

  void lang(const JsonValue& value, JsonValue& meta) {
    auto text = as_text(value);
    if (!text || !is_language_tag(*text))
      return warn("lang", "front matter `lang` should be a language tag such as en or pt-BR; it was ignored");
    out_.lang = *text;
    meta["lang"] = JsonValue::string(*text);
  }

  void dir(const JsonValue& value, JsonValue& meta) {
    auto text = as_text(value);
    if (!text || (*text != "ltr" && *text != "rtl" && *text != "auto"))
      return warn("dir", "front matter `dir` should be ltr, rtl or auto; it was ignored");
    out_.dir = *text;
    meta["dir"] = JsonValue::string(*text);
  }

  FrontMatter& out_;
  std::vector<Diagnostic>& warnings_;
};

}  // namespace

std::pair<std::uint32_t, std::uint32_t> FrontMatter::position_of(std::string_view key) const {
  // A key written twice: the last one (the one whose value counts).
  auto after = std::upper_bound(keys_by_name.begin(), keys_by_name.end(), key,
                                [this](std::string_view k, std::uint32_t i) { return k < std::string_view(keys[i].key); });
  if (after != keys_by_name.begin() && keys[*(after - 1)].key == key) return {keys[*(after - 1)].line, keys[*(after - 1)].column};
  return {1, 1};
}

void FrontMatter::index_keys() {
  keys_by_name.resize(keys.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) keys_by_name[i] = i;
  stable_sort_indices(
      keys_by_name,
      [](const void* self, std::uint32_t a, std::uint32_t b) {
        const auto& all = static_cast<const FrontMatter*>(self)->keys;
        return all[a].key < all[b].key;
      },
      this);
}

void apply_front_matter_defaults(FrontMatter& fm, const PublicationDefaults& defaults) {
  if (fm.lang.empty() && is_language_tag(defaults.lang)) fm.lang = defaults.lang;
  if (fm.canonical_url.empty() && is_safe_url(defaults.canonical_url, UrlUse::Link)) fm.canonical_url = defaults.canonical_url;
  if (fm.slug.empty()) fm.slug = defaults.slug;
}

std::optional<std::string> front_matter_defaults_problem(std::string_view lang, std::string_view canonical_url) {
  if (!lang.empty() && !is_language_tag(lang))
    return "the default language is not a language tag such as en or pt-BR (option defaultLang)";
  if (!canonical_url.empty() && !is_safe_url(canonical_url, UrlUse::Link))
    return std::string("the default canonical URL is not a safe URL (option defaultCanonicalUrl)");
  return std::nullopt;
}

bool may_have_front_matter(std::string_view input) {
  if (input.substr(0, 3) == "\xEF\xBB\xBF") input.remove_prefix(3);
  return input.substr(0, 3) == "---";
}

std::optional<Diagnostic> parse_front_matter(std::string_view input, FrontMatter& out,
                                             std::vector<Diagnostic>& warnings) {
  auto block = find_block(input);
  if (!block) return std::nullopt;
  JsonValue root;
  std::vector<FrontMatterKey> keys;
  if (auto error = read_yaml(block->yaml, block->first_line, root, keys)) return error;
  if (!root.is_null() && !root.is_object()) {
    // A `---` thematic break followed by text and another `---` is Markdown, not front matter.
    warnings.push_back({1, 1, "the block between the opening `---` lines is not YAML keys and values; "
                              "it was rendered as Markdown"});
    return std::nullopt;
  }
  out.present = true;
  out.body_offset = block->body_offset;
  if (root.is_null()) root = JsonValue::object();
  Normaliser(out, warnings).run(keys, root);
  return std::nullopt;
}

}  // namespace broadsheet
