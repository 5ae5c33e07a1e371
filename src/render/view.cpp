#include "render/view.hpp"

#include "core/sanitize.hpp"
#include "render/issue_header.hpp"

namespace broadsheet {

DirectiveView directive_view(const Document& doc, std::uint32_t node) {
  const Directive& d = doc.directives[doc[node].directive_index()];
  const DirectiveKindInfo& kind = directive_kind_info(d.kind);
  std::string_view variant;
  std::string_view kind_title;
  if (d.kind == DirectiveKind::Callout) {
    variant = d.callout;
    const CalloutKind* callout = find_callout_kind(d.callout);
    std::size_t index = callout ? static_cast<std::size_t>(callout - kCalloutKinds) : 0;
    kind_title = doc.locale.label(static_cast<Label>(static_cast<std::size_t>(Label::Note) + index));
  } else if (d.kind == DirectiveKind::Recent) {  // a plain block (bs-block-recent) titled "Recent issues"
    variant = d.name;
    kind_title = doc.locale.label(Label::RecentIssues);
  } else if (d.kind == DirectiveKind::Unknown) {
    variant = d.name;
  }
  std::string_view label;
  if (kind.labelled) {
    label = doc.locale.label(Label::Sponsored);
    for (const auto& [key, value] : d.attributes)
      if (key == "label") {
        label = value;
        break;
      }
  }
  std::string_view title = d.title.empty() ? kind_title : std::string_view(d.title);
  return DirectiveView{d, kind, variant, kind_title, title, label};
}

FigureView figure_view(const Document& doc, std::uint32_t figure) {
  FigureView view;
  std::uint32_t only = doc[figure].first_child;
  bool linked = doc[only].type != NodeType::Image;
  view.image = linked ? doc[only].first_child : only;
  if (linked && is_linked(doc[only])) view.link = only;
  view.caption = doc[view.image].title();
  return view;
}

std::uint32_t lone_button(const Document& doc, std::uint32_t paragraph) {
  std::uint32_t only = doc[paragraph].first_child;
  bool button = only && doc[only].next == 0 && doc[only].type == NodeType::Link && doc[only].has(kButton) &&
                is_linked(doc[only]);
  return button ? only : 0;
}

std::string_view web_address(const FrontMatter& fm) {
  bool safe = !fm.canonical_url.empty() && is_safe_url(fm.canonical_url, UrlUse::Link);
  return safe ? std::string_view(fm.canonical_url) : std::string_view();
}

HeroView hero_view(const Hero& hero) {
  bool image = !hero.src.empty() && is_safe_url(hero.src, UrlUse::Image);
  bool credit = !hero.credit_url.empty() && is_safe_url(hero.credit_url, UrlUse::Link);
  return HeroView{hero, image ? std::string_view(hero.src) : std::string_view(),
                  credit ? std::string_view(hero.credit_url) : std::string_view()};
}

std::vector<BylinePart> byline_parts(const Document& doc) {
  const FrontMatter& fm = doc.front;
  const Locale& locale = doc.locale;
  std::vector<BylinePart> parts;
  if (!fm.issue.empty()) parts.push_back({BylinePart::Kind::Issue, locale.format(Label::IssueNumber, fm.issue), {}});
  if (!fm.date.empty()) parts.push_back({BylinePart::Kind::Date, readable_date(locale, fm.date), fm.date});
  else if (!fm.date_text.empty()) parts.push_back({BylinePart::Kind::Date, fm.date_text, {}});
  if (!fm.authors.empty())
    parts.push_back({BylinePart::Kind::Authors, locale.format(Label::Byline, author_list(locale, fm)), {}});
  return parts;
}

FooterView footer_view(const Document& doc) {
  const FrontMatter& fm = doc.front;
  FooterView view;
  view.from = fm.publication.empty() ? issue_title(doc) : fm.publication;
  if (!fm.issue.empty()) view.from += std::string(kBylineSeparator) + doc.locale.format(Label::IssueNumber, fm.issue);
  view.web_address = web_address(fm);
  return view;
}

std::string unsubscribe_href(std::string_view option_url) {
  if (option_url.empty()) return std::string(kUnsubscribePlaceholder);
  return is_safe_url(option_url, UrlUse::Link) ? std::string(option_url) : std::string();
}

}  // namespace broadsheet
