// The output formats: one table (formats.cpp) names each format and the renderer that writes it. Every
// renderer has the same shape: the finished model, the render settings, and the output to append to.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/lint.hpp"
#include "core/model.hpp"

namespace broadsheet {

// What a renderer may use of the caller's options (never the whole public Options).
struct RenderSettings {
  bool standalone = false;             // web HTML: a whole page with the theme
  bool allow_html = false;             // raw HTML through the allowlist, else shown as text
  std::string_view unsubscribe_href;   // email and text: the checked unsubscribe URL or the placeholder
  // Web HTML and email: hand the output over in pieces while it is written (Options::output_pieces); may be null.
  const std::function<void(std::string_view)>* output_pieces = nullptr;
};

using Renderer = void (*)(const Document& doc, const RenderSettings& settings, std::string& out);
// The newsletter lint on the finished model (core/lint.hpp), and a check on the finished output (the email
// size). Either may be null: a lean build (BROADSHEET_WEB_ONLY=1) carries no lint at all.
using Linter = void (*)(Document& doc, const LintSettings& settings);
using OutputCheck = void (*)(std::size_t output_bytes, std::vector<Diagnostic>& warnings);

// Every fact about a format, in its row: nothing else in the core or the CLI asks which format it is.
struct OutputFormat {
  Format format;
  std::string_view name;     // what the CLI, the JS layer and the types call it
  std::string_view summary;  // what the native CLI's usage says it is
  Renderer render;
  bool standalone = false;   // has a whole-page form: the CLI's default (its --fragment asks for the body)
  bool streams = false;      // hands its output over in pieces while writing (Options::output_pieces)
  bool commonmark_direct = false;  // in CommonMark mode, written from the parser's callbacks with no model
                                   // (render/commonmark.cpp) instead of by `render`
  Linter lint = nullptr;
  LintSettings lint_settings = {};  // what lint checks for it: an inbox's preview, a mail client's URLs
  OutputCheck check_output = nullptr;
};

// What a publication asks of the core besides a format: the summary (render/summary.hpp), and the
// defaults it gives an issue and their check (Options::default_lang…, core/front_matter.hpp). Null in a
// lean build, whose users (the element, `broadsheet/web`) publish nothing: there those options do nothing.
struct PublicationSupport {
  std::string (*summarize)(const Document& doc);
  void (*apply_defaults)(FrontMatter& fm, const PublicationDefaults& defaults);
  std::optional<std::string> (*defaults_problem)(std::string_view lang, std::string_view canonical_url);
};
const PublicationSupport* publication_support();

// The formats this build carries, in a fixed order (the wasm binding numbers them by it). A lean build
// (BROADSHEET_WEB_ONLY=1) carries only the web HTML.
std::span<const OutputFormat> output_formats();

// The entry for `format`; nullptr when this build leaves it out.
const OutputFormat* find_output_format(Format format);

}  // namespace broadsheet
