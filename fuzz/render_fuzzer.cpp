// The whole pipeline: the first byte chooses the options, the rest is the issue (front matter and body).
// Invariants: no crash or sanitizer report, every output valid UTF-8, no dangerous element outside the
// trusted CommonMark mode, and an error only for the reasons the API documents.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t choice = data[0];
  std::string_view markdown(reinterpret_cast<const char*>(data + 1), size - 1);

  broadsheet::Options options;
  options.format = (choice & 1) ? broadsheet::Format::Json : broadsheet::Format::Html;
  options.commonmark = (choice & 0x0E) == 0x0E;  // one in eight: the conformance mode is not the focus
  if ((choice & 0x0E) == 0x06) options.format = broadsheet::Format::Text;   // one in eight each: the
  if ((choice & 0x0E) == 0x0A) options.format = broadsheet::Format::Email;  // formats with their own budgets
  options.standalone = choice & 0x10;
  options.allow_html = choice & 0x20;
  if (choice & 0x40) options.id_prefix = "p-";
  if (choice & 0x80) options.max_input_bytes = 64;  // the size cap, on small inputs

  broadsheet::Result result = broadsheet::render(markdown, options);
  fuzz::require_valid_utf8(result.output, "output is not valid UTF-8");
  std::string sidecar = broadsheet::sidecar_json(result);
  fuzz::require_valid_utf8(sidecar, "sidecar is not valid UTF-8");
  for (const auto& warning : result.warnings) fuzz::require_valid_utf8(warning.message, "warning not UTF-8");
  if (!result.ok()) {
    fuzz::require(result.output.empty(), "a failed render produced output");
    return 0;
  }
  fuzz::require(markdown.size() <= options.max_input_bytes, "input over the cap was accepted");
  // Issue 15: the output budget holds in every format, and JSON is safe to inline in a <script>.
  fuzz::require(result.output.size() <= 16 * markdown.size() + 1024 * 1024, "output over the budget");
  if (options.format == broadsheet::Format::Json)
    fuzz::require(result.output.find('<') == std::string::npos, "a < in JSON output");
  if (!options.commonmark && options.format == broadsheet::Format::Html) {
    std::string_view body = result.output;
    if (options.standalone) {  // the page's own head holds the theme <style>: check from <body> on
      std::size_t at = body.find("<body>");
      fuzz::require(at != std::string_view::npos, "standalone page without <body>");
      body = body.substr(at);
      fuzz::require(!fuzz::contains_ci(body, "<style"), "a style element reached the body");
    }
    fuzz::require_no_dangerous_elements(body);
    fuzz::require(!fuzz::contains_ci(body, "<meta"), "a meta element reached the body");
  }
  return 0;
}
