// YAML into a JsonValue tree: the one place Broadsheet reads YAML (libyaml's events), for the front
// matter (core/front_matter.cpp decides what the keys mean).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "broadsheet/types.hpp"
#include "core/front_matter.hpp"
#include "core/json_value.hpp"

namespace broadsheet {

// Reads `yaml`, whose first line is the file's line `first_line`, into `root` (null when it is empty), and
// every top-level key with its position into `keys`, in file order. Plain scalars are typed by YAML 1.2's
// core schema. A YAML error, a second document, nesting past 64 levels or a tree past the size budgets
// (an alias counts every value it repeats) is returned as an error at its line and column in the file.
std::optional<Diagnostic> read_yaml(std::string_view yaml, std::uint32_t first_line, JsonValue& root,
                                    std::vector<FrontMatterKey>& keys);

}  // namespace broadsheet
