#include "render/issue_header.hpp"

#include "core/policy.hpp"

namespace broadsheet {

std::string readable_date(const Locale& locale, const std::string& iso) { return locale.date(iso); }

std::string author_list(const Locale& locale, const FrontMatter& fm) { return locale.join(fm.authors); }

std::string issue_title(const Document& doc) {
  if (!doc.front.title.empty()) return doc.front.title;
  if (doc.title_heading) return plain_text(doc, doc.title_heading);
  return doc.front.publication.empty() ? std::string(doc.locale.label(Label::NewsletterIssue)) : doc.front.publication;
}

}  // namespace broadsheet
