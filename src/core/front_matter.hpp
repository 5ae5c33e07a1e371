// Front matter: the optional YAML block at the very start of an issue, parsed with libyaml into typed
// fields for the renderers and a normalised JSON object (`meta`) for callers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/broadsheet.hpp"

namespace broadsheet {

struct Hero {
  std::string src, alt, caption, credit, credit_url;
};

struct FrontMatter {
  bool present = false;
  std::uint32_t body_offset = 0;   // where the Markdown body starts in the input
  std::string title, subtitle, publication, date, preheader, canonical_url, lang, dir;
  std::string issue;               // the issue number as text ("42"), empty if absent
  std::string date_text;           // a `date` not written YYYY-MM-DD, shown as written (with a warning)
  std::vector<std::string> authors, tags;
  std::optional<Hero> hero;
  std::string meta_json = "{}";    // every key, known ones normalised, unknown ones passed through
};

// Splits and parses the front matter of `input`. On a YAML error returns the error, positioned in the
// file (1-based line and column). Type problems in known keys become warnings, never errors.
std::optional<Diagnostic> parse_front_matter(std::string_view input, FrontMatter& out,
                                             std::vector<Diagnostic>& warnings);

}  // namespace broadsheet
