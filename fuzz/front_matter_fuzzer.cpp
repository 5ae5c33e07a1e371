// The YAML front matter: the input is wrapped in `---` fences so every run reaches libyaml and the
// typed-field conversion (dates, hero, authors, tags, URLs), then the header renderer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "broadsheet/broadsheet.hpp"
#include "fuzz_invariants.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string issue = "---\n";
  issue.append(reinterpret_cast<const char*>(data), size);
  issue += "\n---\n# Heading\n\nBody.\n";
  for (broadsheet::Format format : {broadsheet::Format::Html, broadsheet::Format::Json}) {
    broadsheet::Options options;
    options.format = format;
    options.standalone = true;
    broadsheet::Result result = broadsheet::render(issue, options);
    fuzz::require_valid_utf8(result.output, "output is not valid UTF-8");
    fuzz::require_valid_utf8(broadsheet::sidecar_json(result), "sidecar is not valid UTF-8");
    if (result.ok() && format == broadsheet::Format::Html) {
      std::string_view body = result.output;
      body = body.substr(body.find("<body>"));
      fuzz::require_no_dangerous_elements(body);
      fuzz::require(!fuzz::contains_ci(body, "<style") && !fuzz::contains_ci(body, "<meta"),
                    "a style or meta element reached the body");
    }
  }
  return 0;
}
