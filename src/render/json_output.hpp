// The document as JSON for tools: {version, meta, outline, document, warnings}. Also the outline and
// warnings serialisers the result and the wasm binding use.
#pragma once

#include <string>
#include <vector>

#include "broadsheet/broadsheet.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

inline constexpr int kJsonSchemaVersion = 1;

BROADSHEET_STAGE void render_json(const Document& doc, std::string& out);
std::string outline_json(const std::vector<OutlineEntry>& outline);
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);
std::string diagnostic_json(const Diagnostic& diagnostic);

}  // namespace broadsheet
