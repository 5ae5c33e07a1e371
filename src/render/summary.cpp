#include "render/summary.hpp"

#include "core/json_value.hpp"
#include "render/issue_header.hpp"
#include "render/view.hpp"

namespace broadsheet {

namespace {

JsonValue strings(const std::vector<std::string>& items) {
  JsonValue list = JsonValue::array();
  for (const std::string& item : items) list.items.push_back(JsonValue::string(item));
  return list;
}

JsonValue diagnostics(const std::vector<Diagnostic>& all) {
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
  out["draft"] = JsonValue::flag(fm.draft);
  out["slug"] = JsonValue::string(fm.slug);
  out["tags"] = strings(fm.tags);
  out["authors"] = strings(fm.authors);
  out["hero"] = hero(fm);
  out["canonical_url"] = JsonValue::string(std::string(web_address(fm)));
  out["lang"] = JsonValue::string(fm.lang);
  out["dir"] = JsonValue::string(fm.dir.empty() ? std::string(direction_name(locale.direction())) : fm.dir);
  out["recent_count"] = JsonValue::number(doc.recent_count);
  out["errors"] = diagnostics(fm.publication_errors);
  std::string json;
  append_json(json, out);
  return json;
}

}  // namespace broadsheet
