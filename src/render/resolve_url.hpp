// Relative URLs in an email or a text part have no page to be relative to: they are resolved against
// the canonical_url (its web address). Checked URLs only; the result is a URL string.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

// `url` made absolute against `base` (an absolute http(s) URL): "/a" → origin + "/a", "a" → the
// base's directory + "a", "?q" and "//host/a" likewise. Absolute URLs, "#fragments", an empty base or
// a base without an http(s) origin leave `url` unchanged.
std::string resolve_url(std::string_view url, std::string_view base);

}  // namespace broadsheet
