// A JSON string writer for the hot small serialisers (outline, warnings): the same bytes nlohmann::json
// writes (`"` `\\` and control characters escaped, \u00XX in lower-case hex, UTF-8 kept as is) without
// building a json value per entry.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

void append_json_string(std::string& out, std::string_view text);
void append_json_number(std::string& out, long long value);

}  // namespace broadsheet
