// The document as JSON for tools: {version, meta, outline, document, warnings} (render_json, listed in
// formats.cpp). Also the outline and warnings serialisers the result and the wasm binding use.
#pragma once

#include <string>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/model.hpp"

namespace broadsheet {

inline constexpr int kJsonSchemaVersion = 1;

std::string outline_json(const std::vector<OutlineEntry>& outline);
std::string diagnostics_json(const std::vector<Diagnostic>& diagnostics);
std::string diagnostic_json(const Diagnostic& diagnostic);

}  // namespace broadsheet
