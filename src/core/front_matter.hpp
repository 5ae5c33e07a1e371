// Front matter: the optional YAML block at the very start of an issue, parsed with libyaml into typed
// fields for the renderers and a normalised JSON object (`meta`) for callers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/stage.hpp"

namespace broadsheet {

struct Hero {
  std::string src, alt, caption, credit, credit_url;
  int width = 0, height = 0;       // the image's size in pixels, when given (the email sizes it from them)
};

// Where a top-level key was written (1-based), for warnings that point at front matter.
struct FrontMatterKey {
  std::string key;
  std::uint32_t line = 0, column = 0;
};

struct FrontMatter {
  bool present = false;
  std::uint32_t body_offset = 0;   // where the Markdown body starts in the input
  std::string title, subtitle, publication, date, preheader, canonical_url, lang, dir;
  std::string issue;               // the issue number as text ("42"), empty if absent
  std::string date_text;           // a `date` not written YYYY-MM-DD, shown as written (with a warning)
  std::vector<std::string> authors, tags;
  // `slug`, else the publication's default: the folder it writes the issue to (checked by the summary).
  std::string slug;
  // `draft` as written. One that is not a YAML boolean (yes, on, 1, "true") keeps the issue out of a
  // publication, as a draft would: an issue is never published by mistake.
  enum class Draft : std::uint8_t { Absent, Yes, No, Unreadable };
  Draft draft = Draft::Absent;
  std::optional<Hero> hero;
  std::string meta_json = "{}";    // every key, known ones normalised, unknown ones passed through
  std::vector<FrontMatterKey> keys;   // every top-level key, in file order
  std::vector<std::string> unknown_keys;  // keys Broadsheet does not render (kept in meta)

  // The position of `key`, or line 1 column 1 when it is not in the file. A binary search in
  // keys_by_name (one hint per unknown key must not scan every key).
  std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view key) const;
  // Builds keys_by_name from keys (called once keys is complete).
  void index_keys();
  std::vector<std::uint32_t> keys_by_name;  // indexes into keys, sorted by key
};

// Whether `input` opens with `---` (after an optional BOM), the one way front matter can start. Cheap:
// callers test it before calling parse_front_matter, whose code (and libyaml's) an engine that compiles
// wasm lazily then never compiles for an issue without front matter.
bool may_have_front_matter(std::string_view input);

// A publication's defaults (Options::default_lang, default_canonical_url) for an issue whose front
// matter does not set them; and the problem with them, if any (checked before anything is rendered:
// a bad site-wide option refuses every render, never only some).
struct PublicationDefaults {
  std::string_view lang, canonical_url;
  std::string_view slug;  // the issue file's name without `.md`: an issue without a `slug` key takes it
};
void apply_front_matter_defaults(FrontMatter& fm, const PublicationDefaults& defaults);
std::optional<std::string> front_matter_defaults_problem(std::string_view lang, std::string_view canonical_url);

// Splits and parses the front matter of `input`. On a YAML error returns the error, positioned in the
// file (1-based line and column). Type problems in known keys become warnings, never errors.
BROADSHEET_STAGE std::optional<Diagnostic> parse_front_matter(std::string_view input, FrontMatter& out,
                                             std::vector<Diagnostic>& warnings);

}  // namespace broadsheet
