// The plain text of an issue: the text/plain part of the same email. Title and preheader, the header
// facts, sections with underlined headings, bullets, the sponsor block labelled, callouts marked with
// "| ", tables as aligned columns; lines wrapped at 78 columns (East Asian wide characters count two).
// Links keep their text and get a number, "text [3]", and the numbered URLs are listed under "Links"
// at the end; a link whose text already is its URL stays as it is. No HTML.
#pragma once

#include <string>

#include "broadsheet/broadsheet.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

BROADSHEET_STAGE void render_text(const Document& doc, const Options& options, std::string& out);

}  // namespace broadsheet
