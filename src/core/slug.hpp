// Heading ids: GitHub's slug rules (lower-case, punctuation dropped, spaces to '-', letters of every script
// kept), made unique within a document (`-1`, `-2`, …) and prefixed.
#pragma once

#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>

namespace broadsheet {

std::string slugify(std::string_view text);

// Whether `name` (UTF-8) can name a publication's folder for an issue, the same on every file system and
// in a URL path: letters and digits of any script, '.', '_', '~' and '-', starting with a letter or digit;
// never '/', '\\', '..', spaces, controls, punctuation or symbols. At most 200 bytes.
bool is_folder_name(std::string_view name);

// True for names of `document` and form properties (`location`, `cookie`, `forms`, `onload`…): an element
// with such an id clobbers the property. See dom_property_names.cpp.
bool is_dom_property_name(std::string_view id);

class IdRegistry {
 public:
  explicit IdRegistry(std::string prefix) : prefix_(std::move(prefix)) {}
  // A unique id for `text`'s slug; `fallback` when the slug is empty. Names that would clobber a DOM
  // property count as taken: `location` becomes `location-1`.
  std::string unique(std::string_view text, std::string_view fallback);
  // True if `id` (with prefix) was handed out.
  bool contains(const std::string& id) const { return used_.count(id) != 0; }
  const std::string& prefix() const { return prefix_; }

 private:
  std::string prefix_;
  // Both maps are std::unordered_map<std::string, std::uint32_t>, as the footnotes' and the front matter's
  // are: one instantiation in the module.
  std::unordered_map<std::string, std::uint32_t> used_;         // the ids handed out (the value is unused)
  std::unordered_map<std::string, std::uint32_t> next_suffix_;  // per base: where to resume counting (keeps repeats linear)
};

}  // namespace broadsheet
