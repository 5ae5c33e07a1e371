// Broadsheet's public C++ API: one call turns a newsletter issue written in Markdown into an output format.
// The same core is compiled natively (CLI, tests, fuzzing, benchmarks) and to WebAssembly (src/bindings).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "broadsheet/types.hpp"

namespace broadsheet {

// Parses a format's name ("html", "json", "email", "text": the formats this build carries); nullopt for
// anything else.
std::optional<Format> parse_format(std::string_view name);

// The name of a format ("html", …); empty when this build leaves it out.
std::string_view format_name(Format format);

// The names of the formats this build renders, in a fixed order (the wasm binding numbers them by it).
std::vector<std::string_view> format_names();

// A format as a CLI describes it, from its row of the format table (src/render/formats.cpp).
struct FormatDescription {
  Format format;
  std::string_view name;
  std::string_view summary;  // one line: what the output is
  bool standalone;           // a whole page by default (Options::standalone), the body alone on request
};
// The formats this build renders, in the order of format_names().
std::vector<FormatDescription> format_descriptions();

inline constexpr std::size_t default_max_input_bytes = 32u * 1024u * 1024u;

// An issue that `::: recent` lists: what a publication knows of the issues before this one (its index).
// Views: the caller keeps the text alive while it renders.
struct RecentIssue {
  std::string_view url;     // the issue's page; linked only when it is a safe URL
  std::string_view title;
  std::string_view number;  // "17", or empty
  std::string_view date;    // YYYY-MM-DD, or empty
};

struct Options {
  Format format = Format::Html;
  bool commonmark = false;      // plain CommonMark 0.31.2 HTML: no front matter, sections or extensions; raw HTML kept
  bool standalone = false;      // wrap the HTML in a whole document with the default theme
  bool allow_html = false;      // pass raw HTML through an allowlist instead of showing it as text
  std::string id_prefix;        // prefix for every generated id
  std::size_t max_input_bytes = default_max_input_bytes;  // larger input is refused with an error
  // Output over this many bytes fails the render with an error (docs/limits.md); 0 = 16 × the input + 1 MiB.
  std::size_t max_output_bytes = 0;
  bool lint = true;             // add the newsletter lint warnings (src/core/lint.hpp) to the parse warnings
  bool summary_only = false;    // read the issue and fill Result::summary_json, but write no output (and no lint)
  std::string unsubscribe_url;  // email/text: the unsubscribe link; empty = the placeholder {{unsubscribe_url}}
  // Overrides of the words Broadsheet writes (key -> text, e.g. {"in_this_issue", "Inside"}); the keys are
  // docs/i18n.md's. An unknown key is a warning. The rest come from the table of the issue's `lang`.
  std::vector<std::pair<std::string, std::string>> labels;
  // Web HTML, CommonMark HTML and email: when set, the output is handed over in pieces of about 64 KB while
  // it is written, so a big document's output is never held whole; the output is then every piece, in
  // order, followed by Result::output. Each piece ends between two characters. JSON and text ignore it.
  std::function<void(std::string_view)> output_pieces;
  // The issues before this one, newest first: every `::: recent {count=N}` lists the first N of them
  // (as links, in the issue's language). Empty: the block shows only what the writer put in it.
  std::span<const RecentIssue> recent;
  // A publication's defaults for an issue whose front matter does not set them: its language and its
  // canonical URL (the page `broadsheet build` writes for it).
  // Views: the caller keeps them alive while it renders.
  std::string_view default_lang;
  std::string_view default_canonical_url;
  std::string_view default_slug;  // the folder of an issue without a `slug` (its file's name); checked like one
};

struct Result {
  std::string output;                   // the document in the asked format (empty on error)
  std::string meta_json;                // front matter, normalised, as a JSON object
  std::string outline_json;             // [{id, title, level, kind, line}]
  std::vector<Diagnostic> warnings;
  // The labels a page around the output shows (the widget's table of contents and error box), in the
  // issue's language: {"in_this_issue":…,"render_error":…}.
  std::string labels_json;
  std::optional<Diagnostic> error;      // set when the render was refused (front-matter error, input too large)
  // What a publication needs of the issue, decided once (newsletter mode; empty in CommonMark mode): the
  // title with its fallback, date, draft, number, words in its language, how many issues `::: recent`
  // lists, and the problems that keep it out of a publication. Shape: docs/publishing.md.
  std::string summary_json;

  bool ok() const { return !error.has_value(); }
};

Result render(std::string_view markdown, const Options& options = {});

// render() for a caller whose input buffer is scratch (the wasm binding): directive lines in `markdown`
// may be overwritten with the markers md4c parses, which saves a copy of the issue.
Result render_in_place(char* markdown, std::size_t size, const Options& options = {});

// The result's meta, outline, warnings and error as one JSON object: what the wasm binding hands to JS.
std::string sidecar_json(const Result& result);

}  // namespace broadsheet
