// Attribute values both HTML renderers (web and email) write from the model the same way.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

// An image's alt text: the plain, escaped text of its description, so no markup can reach the attribute.
void write_alt_text(Writer& w, const Document& doc, std::uint32_t image);

// ` title="…"`, or nothing for an empty title. A title that could end a raw-text element is left out
// (escaped it is harmless, but sanitizers downstream would strip it).
void write_title_attribute(Writer& w, std::string_view title);

}  // namespace broadsheet
