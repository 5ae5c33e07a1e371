// The one list of output formats. Adding a format: a value in Format (broadsheet/types.hpp), its renderer
// in a file of its own under src/render/, one declaration and one row here, and its name in the
// TypeScript Format type (web/src/index.d.ts). The CLIs, the JS layer and the wasm binding read this list.
#include "render/formats.hpp"

#include <iterator>

// The one compile-time switch of a lean build: web HTML only, and no lint (the sources of the other
// renderers and of lint are left out of that build by CMakeLists.txt).
#ifndef BROADSHEET_WEB_ONLY
#define BROADSHEET_WEB_ONLY 0
#endif

#if !BROADSHEET_WEB_ONLY
#include "render/summary.hpp"
#endif

namespace broadsheet {

// The renderers (each a pipeline stage of its own: see core/stage.hpp), one signature.
void render_web_html(const Document& doc, const RenderSettings& settings, std::string& out);
void render_json(const Document& doc, const RenderSettings& settings, std::string& out);
void render_email(const Document& doc, const RenderSettings& settings, std::string& out);
void render_text(const Document& doc, const RenderSettings& settings, std::string& out);

namespace {

#if BROADSHEET_WEB_ONLY
constexpr Linter kLint = nullptr;
#else
constexpr Linter kLint = lint_document;
#endif

#if !BROADSHEET_WEB_ONLY
// Lint for a format read in an inbox (its preview), and for one opened by a mail client (its URLs too).
constexpr LintSettings kInbox{true, false};
constexpr LintSettings kMailClient{true, true};
#endif

// One row per format: format, name, summary, renderer, standalone, streams, CommonMark from the parser,
// lint, lint settings, output check.
constexpr OutputFormat kFormats[] = {
    {Format::Html, "html", "web HTML: a whole page with the theme",
     render_web_html, true, true, true, kLint, {}, nullptr},
#if !BROADSHEET_WEB_ONLY
    {Format::Json, "json", "the document, outline, stats and warnings as JSON",
     render_json, false, false, false, kLint, {}, nullptr},
    {Format::Email, "email", "email HTML: tables and inline styles for mail clients",
     render_email, false, true, false, kLint, kMailClient, lint_email_size},
    {Format::Text, "text", "plain text: the email's alternative part",
     render_text, false, false, false, kLint, kInbox, nullptr},
#endif
};

}  // namespace

std::span<const OutputFormat> output_formats() { return kFormats; }

#if BROADSHEET_WEB_ONLY
const PublicationSupport* publication_support() { return nullptr; }
#else
const PublicationSupport* publication_support() {
  static constexpr PublicationSupport kPublication{summary_json, apply_front_matter_defaults, front_matter_defaults_problem};
  return &kPublication;
}
#endif

const OutputFormat* find_output_format(Format format) {
  for (const OutputFormat& entry : kFormats)
    if (entry.format == format) return &entry;
  return nullptr;
}

}  // namespace broadsheet
