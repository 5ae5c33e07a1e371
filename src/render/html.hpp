// The web HTML of an issue: <article> with its header (front matter), intro and sections; optionally a
// whole standalone page with the default theme.
#pragma once

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

BROADSHEET_STAGE void render_web_html(const Document& doc, const Options& options, std::string& out);

}  // namespace broadsheet
