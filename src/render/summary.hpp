// The summary: what a publication (`broadsheet build`, the archive, `::: recent`, the widget's
// index) needs to know of an issue, decided by the core once and read by JavaScript from the sidecar,
// never by parsing the Markdown again. Its keys are documented in docs/publishing.md.
#pragma once

#include <string>

#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// The summary as a JSON object (keys sorted, like every JSON the core writes).
BROADSHEET_STAGE std::string summary_json(const Document& doc);

}  // namespace broadsheet
