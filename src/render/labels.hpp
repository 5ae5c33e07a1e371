// Words every format shows for a directive: a callout's default title, a sponsor block's label.
#pragma once

#include <string_view>

#include "core/model.hpp"

namespace broadsheet {

// "Note", "Tip", "Important", "Warning" or "Caution" for a callout kind.
inline std::string_view callout_title(std::string_view kind) {
  if (kind == "tip") return "Tip";
  if (kind == "important") return "Important";
  if (kind == "warning") return "Warning";
  if (kind == "caution") return "Caution";
  return "Note";
}

// The sponsor block's label: its `label` attribute, or "Sponsored".
inline std::string_view sponsor_label(const Directive& directive) {
  for (const auto& [key, value] : directive.attributes)
    if (key == "label") return value;
  return "Sponsored";
}

}  // namespace broadsheet
