// md4c hands link destinations, titles and code info strings over as MD_ATTRIBUTE: runs of plain text,
// entities and NULs. One decoding for both readers of md4c's callbacks (md4c_adapter for the model and
// render/commonmark for the streamed CommonMark HTML).
#pragma once

#include <md4c.h>

#include <string>

namespace broadsheet {

// Appends `attr`'s text with its entities resolved and NULs replaced by U+FFFD.
void append_attribute_text(std::string& out, const MD_ATTRIBUTE& attr);

}  // namespace broadsheet
