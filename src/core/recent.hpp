// `::: recent`: the issues before this one, written by the core as a list of links at the top of the
// block, in the issue's language ("Issue 17: Title", "第17期：Title"). The caller (`broadsheet build`,
// the widget's `index` attribute) only says which issues came before, newest first (Options::recent).
#pragma once

#include <span>

#include "broadsheet/broadsheet.hpp"
#include "core/model.hpp"

namespace broadsheet {

inline constexpr int kDefaultRecentCount = 3;  // both are in count_of's warning, as text
inline constexpr int kMaxRecentCount = 50;
// Links the core writes for all `::: recent` blocks of one issue together: a thousand blocks of fifty
// must not make fifty thousand list items out of a few kilobytes.
inline constexpr std::size_t kMaxRecentLinks = 500;

// Reads each `::: recent` block's `{count=N}` (a whole number 1-50; anything else is a warning at its
// line and the default 3), lists the first N of `issues` at the top of each block (before the writer's
// own text), and returns the largest N asked for (0 without a block): how many issues a caller must pass.
// Runs before the policy, so the links' URLs are checked like every other link.
int fill_recent(Document& doc, std::span<const RecentIssue> issues);

}  // namespace broadsheet
