// The email HTML of an issue: a whole document for the text/html part of a newsletter. A centred
// 600-px column of role="presentation" tables with every style inline (the head's <style> holds only
// the narrow-screen and dark-mode rules), a hidden preheader, a header from the front matter, the hero,
// a table of contents, the intro and the sections, and a footer with the unsubscribe link.
#pragma once

#include <string>
#include <string_view>

#include "broadsheet/broadsheet.hpp"
#include "core/model.hpp"
#include "core/stage.hpp"

namespace broadsheet {

// What the sender replaces with the recipient's unsubscribe URL when no unsubscribe_url option is given.
inline constexpr std::string_view kUnsubscribePlaceholder = "{{unsubscribe_url}}";

// The unsubscribe URL an option asks for, or the placeholder; nullopt-like empty result when the
// option's URL is unsafe (the caller reports it).
std::string unsubscribe_href(const Options& options);

BROADSHEET_STAGE void render_email(const Document& doc, const Options& options, std::string& out);

}  // namespace broadsheet
