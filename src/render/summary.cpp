#include "render/summary.hpp"

#include "core/json_value.hpp"
#include "core/slug.hpp"
#include "render/issue_header.hpp"
#include "render/view.hpp"

namespace broadsheet {

namespace {

JsonValue strings(const std::vector<std::string>& items) {
  JsonValue list = JsonValue::array();
  for (const std::string& item : items) list.items.push_back(JsonValue::string(item));
  return list;
}

bool has_key(const FrontMatter& fm, std::string_view name) {
  for (const FrontMatterKey& key : fm.keys)
    if (key.key == name) return true;
  return false;
}

// What keeps the issue out of a publication, at its key: a `draft` that is not true or false, a `date`
// that is not a day written YYYY-MM-DD, a slug that cannot name a folder (or the file's name, the default).
JsonValue problems(const FrontMatter& fm) {
  std::vector<Diagnostic> all;
  auto at_key = [&](const char* key, std::string message) {
    auto [line, column] = fm.position_of(key);
    all.push_back({line, column, std::move(message)});
  };
  if (fm.draft == FrontMatter::Draft::Unreadable)
    at_key("draft", "front matter `draft` should be true or false; the issue is treated as a draft");
  if (fm.date.empty() && has_key(fm, "date"))
    at_key("date", "front matter `date` should be a day written YYYY-MM-DD (got \"" + fm.date_text + "\")");
  if (!fm.slug.empty() && !is_folder_name(fm.slug)) {
    std::string problem = "\"" + fm.slug + "\" cannot name a folder: use letters, digits, '.', '_', '~' and '-'";
    if (has_key(fm, "slug")) at_key("slug", "front matter `slug` " + problem);
    else all.push_back({0, 0, "the file name " + problem});
  }
  JsonValue list = JsonValue::array();
  for (const Diagnostic& d : all) {
    JsonValue entry = JsonValue::object();
    entry["line"] = JsonValue::number(d.line);
    entry["column"] = JsonValue::number(d.column);
    entry["message"] = JsonValue::string(d.message);
    list.items.push_back(std::move(entry));
  }
  return list;
}

// The hero a page may show (its image only when the URL is safe): src, alt and the size when known.
JsonValue hero(const FrontMatter& fm) {
  if (!fm.hero) return JsonValue();
  HeroView view = hero_view(*fm.hero);
  if (view.image_src.empty()) return JsonValue();
  JsonValue out = JsonValue::object();
  out["src"] = JsonValue::string(std::string(view.image_src));
  if (!fm.hero->alt.empty()) out["alt"] = JsonValue::string(fm.hero->alt);
  if (fm.hero->width > 0 && fm.hero->height > 0) {
    out["width"] = JsonValue::number(fm.hero->width);
    out["height"] = JsonValue::number(fm.hero->height);
  }
  return out;
}

}  // namespace

BROADSHEET_STAGE std::string summary_json(const Document& doc) {
  const FrontMatter& fm = doc.front;
  const Locale& locale = doc.locale;
  const std::string title = issue_title(doc);  // as every format shows it: never empty
  JsonValue out = JsonValue::object();
  out["title"] = JsonValue::string(title);
  out["subtitle"] = JsonValue::string(fm.subtitle);
  out["publication"] = JsonValue::string(fm.publication);
  out["preheader"] = JsonValue::string(fm.preheader);
  out["number"] = JsonValue::string(fm.issue);
  out["label"] = JsonValue::string(locale.issue_link(fm.issue, title));  // as lists name it: "Issue 2: Title"
  out["number_label"] = JsonValue::string(fm.issue.empty() ? std::string() : locale.format(Label::IssueNumber, fm.issue));
  out["date"] = JsonValue::string(fm.date);  // a real day written YYYY-MM-DD, else empty
  out["date_label"] = JsonValue::string(fm.date.empty() ? std::string() : readable_date(locale, fm.date));
  out["draft"] = JsonValue::flag(fm.draft == FrontMatter::Draft::Yes || fm.draft == FrontMatter::Draft::Unreadable);
  out["slug"] = JsonValue::string(fm.slug);
  out["tags"] = strings(fm.tags);
  out["authors"] = strings(fm.authors);
  out["hero"] = hero(fm);
  out["canonical_url"] = JsonValue::string(std::string(web_address(fm)));
  out["lang"] = JsonValue::string(fm.lang);
  out["dir"] = JsonValue::string(fm.dir.empty() ? std::string(direction_name(locale.direction())) : fm.dir);
  out["recent_count"] = JsonValue::number(doc.recent_count);
  out["errors"] = problems(fm);
  std::string json;
  append_json(json, out);
  return json;
}

}  // namespace broadsheet
