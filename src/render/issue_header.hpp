// The header facts every format shows the same way: the readable date, the byline's authors, the
// issue's title as plain text.
#pragma once

#include <string>

#include "core/model.hpp"

namespace broadsheet {

// "2026-11-28" (validated by the front matter) → "28 November 2026", "2026年11月28日" (the issue's language).
std::string readable_date(const Locale& locale, const std::string& iso);

// "Marta Quintero and Daniel Okafor", "A, B and C"; empty without authors.
std::string author_list(const Locale& locale, const FrontMatter& fm);

// The title as plain text: front matter, else the leading `#` heading, else the publication, else a default.
std::string issue_title(const Document& doc);

}  // namespace broadsheet
