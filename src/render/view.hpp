// The view of the model every renderer shares: what a directive, a link, a figure, the byline, the
// footer and the unsubscribe link *are*, decided once. Renderers (web and email HTML, text, JSON) turn
// these facts into their own markup and decide nothing about meaning; the way cmark's html.c and
// latex.c share one iterator and one escaping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/directives.hpp"
#include "core/model.hpp"

namespace broadsheet {

// ---- directives

struct DirectiveView {
  const Directive& directive;
  const DirectiveKindInfo& kind;
  std::string_view variant;      // the callout kind, or an unknown block's name: bs-callout-note, bs-block-poll
  std::string_view kind_title;   // a callout kind's title ("Tip"); empty for other kinds
  std::string_view title;        // the title as written, else the kind's title
  std::string_view label;        // a labelled block's label: its `label` attribute or "Sponsored"; else empty
  // The attributes to write on the block's element (id, lang, dir, data-*; `label` is not one of them).
  template <typename Visit>
  void for_each_attribute(Visit&& visit) const {
    for (const auto& [key, value] : directive.attributes)
      if (key != "label") visit(std::string_view(key), std::string_view(value));
  }
};

DirectiveView directive_view(const Document& doc, std::uint32_t node);

// ---- links, images and figures

// A link inside a labelled block (a sponsor's) is a paid one.
inline constexpr std::string_view kSponsoredRel = "sponsored noopener";

// An unsafe link (flagged by the policy) keeps its text and loses its link.
inline bool is_linked(const Node& link) { return !link.has(kUnsafeUrl); }

// A figure: its image, the link around the image (0 when it has none, or when the link is unsafe and so
// shown as its text), and the caption (the image's title).
struct FigureView {
  std::uint32_t image = 0;
  std::uint32_t link = 0;
  std::string_view caption;
};
FigureView figure_view(const Document& doc, std::uint32_t figure);

// The button a paragraph is when it holds only a safe {.button} link: that link, else 0.
std::uint32_t lone_button(const Document& doc, std::uint32_t paragraph);

// ---- header and footer

// The hero image: what of it may be shown. Both URLs are empty when missing or unsafe.
struct HeroView {
  const Hero& hero;
  std::string_view image_src;     // the image, when it is safe to load
  std::string_view credit_href;   // the credit's link, when it is safe
  bool has_caption() const { return !hero.caption.empty() || !hero.credit.empty(); }
};
HeroView hero_view(const Hero& hero);

// canonical_url when it is safe to link to, else empty: "View in browser", "Read it on the web", <link>.
std::string_view web_address(const FrontMatter& fm);

// The byline's parts in order ("Issue 12", the date, "By A and B"), each with what it is.
struct BylinePart {
  enum class Kind { Issue, Date, Authors } kind;
  std::string text;            // as shown: "Issue 12", "28 November 2026", "By A and B"
  std::string_view datetime;   // a date written YYYY-MM-DD, for <time datetime>; else empty
};
std::vector<BylinePart> byline_parts(const Document& doc);
inline constexpr std::string_view kBylineSeparator = " \xC2\xB7 ";

// The footer's facts: who sends it ("Publication · Issue 12"), where it is on the web (may be empty).
struct FooterView {
  std::string from;
  std::string_view web_address;
};
FooterView footer_view(const Document& doc);

// What the sender replaces with the recipient's unsubscribe URL when no unsubscribe URL is given.
inline constexpr std::string_view kUnsubscribePlaceholder = "{{unsubscribe_url}}";

// The unsubscribe link for an option's URL: the placeholder when none is given, the URL when it is safe,
// empty when it is not (the caller refuses the render).
std::string unsubscribe_href(std::string_view option_url);

}  // namespace broadsheet
