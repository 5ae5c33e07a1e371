// Every word Broadsheet writes itself ("Sponsored", "In this issue", "Issue 17", the date...) in the issue's
// language: one table keyed by BCP 47 `lang`, with fallback (pt-BR -> pt -> English), the writing direction,
// and the writer's own overrides (key -> string pairs, checked against the known keys).
//
// Pure functions over constant tables: no I/O, no global state. A renderer asks one question per label:
//   const Locale locale = Locale::resolve(doc.front.lang, options.labels, &problems);
//   out += locale.label(Label::InThisIssue);
//   out += locale.format(Label::IssueNumber, fm.issue);        // "Issue 17", "第17期"
//   out += locale.date(2021, 3, 4);                            // "4 March 2021", "2021年3月4日"
//   out += locale.join(fm.authors);                            // "A, B and C", "A、B和C"
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

// The labels. Templates carry one placeholder in braces: {n} (a number), {authors}, {credit}.
enum class Label : std::uint8_t {
  Sponsored,         // "Sponsored": a sponsor block without its own `label`
  InThisIssue,       // "In this issue": the table of contents
  ViewInBrowser,     // "View this issue in your browser": top of an email
  ReadOnWeb,         // "Read it on the web": foot of an email / text
  Unsubscribe,       // "Unsubscribe"
  IssueNumber,       // "Issue {n}"
  Byline,            // "By {authors}"
  And,               // " and ": before the last of several authors
  ListSeparator,     // ", ": between the other authors, between tags
  Colon,             // ": " after a label in text ("Tags: ..."); French writes " : ", Chinese "："
  PhotoCredit,       // "Photo: {credit}"
  Tags,              // "Tags"
  Task,              // "Task": a task list checkbox's accessible name
  Links,             // "Links": the plain-text link list
  Note,              // callout / alert titles
  Tip,
  Important,
  Warning,
  Caution,
  Notes,             // "Notes": the footnotes section
  FootnoteRef,       // "Footnote {n}": accessible name of a footnote reference
  FootnoteBack,      // "Back to reference {n}": accessible name of a note's back-link
  RecentIssues,      // "Recent issues"
  NewsletterIssue,   // "Newsletter issue": the title when nothing else names the issue
  RenderError,       // "This issue could not be shown": the widget's error box
  PreviousIssue,     // "Previous issue": the pager `broadsheet build` puts under each issue
  NextIssue,         // "Next issue"
  AllIssues,         // "All issues": the pager's link to the archive
  RssFeed,           // "RSS feed"
  MoreIssues,        // "More issues": the pager's accessible name
  // The publication's own pages (`broadsheet build`'s archive, <broadsheet-archive>, its search box).
  IssueCountOne,     // "{n} issue": the archive's count of one issue
  IssueCount,        // "{n} issues": the archive's count
  MatchingIssues,    // "{n} matching": how many issues a filter keeps
  FilterIssues,      // "Filter issues": the archive's filter box
  ShowMore,          // "Show more": the archive's next page
  SearchIssues,      // "Search issues": the archive's full-text search box
  SearchResults,     // "{n} results"
  SearchNoResults,   // "No results"
  Image,             // "Image: {alt}": an image in plain text
  NoDescription,     // "no description": an image without alt text, in plain text
  ArchiveDescription,  // "Every issue of {title}.": an archive page's default description
  Count
};

inline constexpr std::size_t kLabelCount = static_cast<std::size_t>(Label::Count);
// The labels from IssueCountOne on are the publication's (not in a lean build: see locale.cpp).
inline constexpr std::size_t kFirstPublicationLabel = static_cast<std::size_t>(Label::IssueCountOne);
inline constexpr std::size_t kPublicationLabelCount = kLabelCount - kFirstPublicationLabel;

// The key of a label in overrides and in JSON ("in_this_issue"), and back.
std::string_view label_key(Label label);
std::optional<Label> label_from_key(std::string_view key);
// The placeholder a template label needs ("{n}"), or empty for plain labels.
std::string_view label_placeholder(Label label);

enum class TextDirection : std::uint8_t { Ltr, Rtl };

// The writing direction of a BCP 47 tag: rtl for Arabic, Hebrew, Persian, Urdu and the other languages
// written right to left, or for an explicit rtl script subtag (ks-Arab); ltr otherwise (incl. empty).
TextDirection text_direction(std::string_view lang);
std::string_view direction_name(TextDirection direction);  // "ltr" / "rtl"

// The direction of the first strong character of UTF-8 text (Unicode bidi P2, simplified to scripts:
// Hebrew, Arabic, Syriac, Thaana, NKo... are rtl; other letters, CJK included, ltr; digits, punctuation,
// symbols, emoji and marks are neutral), or nothing when the text has none. A paragraph whose first
// strong direction is not the issue's gets dir="auto".
std::optional<TextDirection> first_strong_direction(std::string_view text);

// One override of a label, as the writer gives it (`labels` option, `--labels FILE.json`).
struct LabelOverride {
  std::string key;
  std::string value;
};

// A problem with an override: an unknown key (with the nearest known key, if one is close), or a template
// that lost its placeholder. The override is still applied when only the placeholder is missing.
struct LabelProblem {
  std::string key;
  std::string message;
};

class Locale {
 public:
  // The table for `lang` (case-insensitive, '_' accepted for '-'), falling back subtag by subtag and then
  // to English; Chinese picks Simplified or Traditional from script or region (zh-TW, zh-HK, zh-MO:
  // Traditional). Overrides replace labels; unknown keys are reported to `problems` (when given).
  static Locale resolve(std::string_view lang, std::span<const LabelOverride> overrides = {},
                        std::vector<LabelProblem>* problems = nullptr);

  // The table that answered ("en", "zh-Hans", "pt"...).
  std::string_view table() const { return table_; }
  // Whether the `labels` option replaced any of the table's labels.
  bool has_overrides() const { return overridden_ != 0; }
  TextDirection direction() const { return direction_; }

  std::string_view label(Label label) const;
  // A template label with its placeholder replaced by `value` ("Issue {n}" + "17" -> "Issue 17").
  std::string format(Label label, std::string_view value) const;
  // A calendar date as the language writes it; an invalid date gives the ISO form back.
  std::string date(int year, int month, int day) const;
  // The same for "YYYY-MM-DD"; anything else is returned unchanged.
  std::string date(std::string_view iso) const;
  // How a list of issues names one: "Issue 17: Title" ("Numéro 17 : Title", "第17期：Title"); the title
  // alone for an issue without a number.
  std::string issue_link(std::string_view number, std::string_view title) const;
  // "A", "A and B", "A, B and C" with the language's separator and conjunction.
  std::string join(std::span<const std::string> items) const;

 private:
  std::string_view table_;
  TextDirection direction_ = TextDirection::Ltr;
  const void* data_ = nullptr;  // the language's table (see locale.cpp)
  std::string overrides_[kLabelCount];
  std::uint64_t overridden_ = 0;  // bit per label
};

// The languages with their own table, in the order of locale.cpp.
std::vector<std::string_view> locale_tables();

}  // namespace broadsheet
