// The safety policy: which URLs may reach the page, and which raw HTML passes when it is allowed at all.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

enum class UrlUse { Link, Image };

// Checks an entity-decoded URL after stripping whitespace and control characters (as browsers do):
// http(s), mailto, tel, relative and #fragment URLs pass; images may also be data:image/png|gif|jpeg|webp.
bool is_safe_url(std::string_view url, UrlUse use);

// A URL as quoted in a warning: at most `max_code_points`, control characters shown as U+FFFD, so that a
// message is one line of valid UTF-8.
std::string url_for_message(std::string_view url, std::size_t max_code_points = 40);

// Raw HTML under the allowlist (allowHtml): allowed tags are rebuilt with allowed attributes only (URLs
// checked), comments dropped, anything else shown as text. Appends to `out`.
void sanitize_html(std::string_view raw, std::string& out);

}  // namespace broadsheet
