#include "render/issue_header.hpp"

#include "core/policy.hpp"

namespace broadsheet {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string readable_date(const std::string& iso) {
  int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  std::string day = iso.substr(iso[8] == '0' ? 9 : 8, iso[8] == '0' ? 1 : 2);
  return day + " " + kMonths[month - 1] + " " + iso.substr(0, 4);
}

std::string author_list(const FrontMatter& fm) {
  std::string out;
  for (std::size_t i = 0; i < fm.authors.size(); ++i) {
    if (i > 0) out += i + 1 == fm.authors.size() ? " and " : ", ";
    out += fm.authors[i];
  }
  return out;
}

std::string issue_title(const Document& doc) {
  if (!doc.front.title.empty()) return doc.front.title;
  if (doc.title_heading) return plain_text(doc, doc.title_heading);
  return doc.front.publication.empty() ? "Newsletter issue" : doc.front.publication;
}

}  // namespace broadsheet
