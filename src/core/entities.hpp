// HTML character references (&amp; &#123; &#x1F600; &copy; …) decoded to UTF-8, with md4c's table of names
// (repacked at build time by cmake/entity_table.cmake).
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

// Appends the UTF-8 for one reference such as "&copy;" (as md4c reports them); unknown names verbatim.
void append_entity(std::string& out, std::string_view reference);
// Decodes every reference found in `text` (for raw HTML attribute values).
std::string decode_entities(std::string_view text);

}  // namespace broadsheet
