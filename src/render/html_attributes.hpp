// What both HTML renderers (web and email) write from the model the same way: attribute values, links.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/model.hpp"
#include "render/writer.hpp"

namespace broadsheet {

// An image's alt text: the plain, escaped text of its description, so no markup can reach the attribute.
void write_alt_text(Writer& w, const Document& doc, std::uint32_t image);

// ` title="…"`, or nothing for an empty title. With `drop_breakout_prone`, a title that could end a
// raw-text element is left out (escaped it is harmless, but sanitizers downstream would strip it);
// CommonMark mode keeps every title, as the spec's examples expect.
void write_title_attribute(Writer& w, std::string_view title, bool drop_breakout_prone = true);

// ` name="value"` (the value escaped).
void write_attribute(Writer& w, std::string_view name, std::string_view value);

// ` width="W" height="H"` for an image whose size is known (each written when above 0), so the page
// keeps its box while the image loads.
void write_image_size(Writer& w, int width, int height);

// The issue's ` lang="…" dir="…"`: front matter first; dir="rtl" for an rtl language without `dir`;
// a whole page (standalone, email) always says its language ("en" when the front matter does not).
void write_lang_dir(Writer& w, const Document& doc, bool whole_page);

// The issue's direction: the front matter's `dir` (rtl or ltr), else its language's (`auto` too: the
// language's direction then decides which side an email's quote bar and list indent sit on).
TextDirection issue_direction(const Document& doc);

// Whether a block's first strong character runs against the issue's direction (Arabic in an English
// issue, English in an Arabic one): such a block gets dir="auto" so the browser lays it out by its text.
bool needs_auto_dir(const Document& doc, std::uint32_t node);

// `text`, escaped, inside `<a href="HREF"ATTRIBUTES>` … `</a>` when `href` is not empty.
void write_optional_link(Writer& w, std::string_view text, std::string_view href, std::string_view attributes = {});

}  // namespace broadsheet
