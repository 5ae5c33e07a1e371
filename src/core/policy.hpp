// The policy pass over a built document: URL checks (unsafe links and images are flagged and warned
// about, never rendered), ids for sections, stories and headings, and the outline.
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// What the policy uses of the options.
struct PolicySettings {
  std::string_view id_prefix;   // prefix for every generated id
};

BROADSHEET_STAGE void apply_policy(Document& doc, const PolicySettings& settings);

// The plain text of a node's subtree (what a screen reader would read of a heading).
std::string plain_text(const Document& doc, std::uint32_t node);

}  // namespace broadsheet
