#include "render/resolve_url.hpp"

namespace broadsheet {

namespace {

bool has_scheme(std::string_view url) {
  std::size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string resolve_url(std::string_view url, std::string_view base) {
  if (url.empty() || url.front() == '#' || has_scheme(url) || base.empty()) return std::string(url);
  std::size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos || !has_scheme(base.substr(0, scheme_end + 1))) return std::string(url);
  std::size_t path_start = base.find_first_of("/?#", scheme_end + 3);
  std::string_view origin = base.substr(0, path_start);  // scheme://host[:port]
  if (url.rfind("//", 0) == 0) return std::string(base.substr(0, scheme_end + 1)) + std::string(url);
  if (url.front() == '/') return std::string(origin) + std::string(url);
  std::string_view path = path_start == std::string_view::npos ? std::string_view("/") : base.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  if (path.empty()) path = "/";
  if (url.front() == '?') return std::string(origin) + std::string(path) + std::string(url);
  std::string_view directory = path.substr(0, path.rfind('/') + 1);
  return std::string(origin) + std::string(directory) + std::string(url);
}

}  // namespace broadsheet
