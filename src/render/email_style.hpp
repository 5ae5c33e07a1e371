// The email's look: fonts, the light palette written inline on every element, and the <style> block
// that only holds what cannot be inline (the narrow-screen layout and the dark palette, both keyed on
// the bs-* classes the elements carry). Colours follow the web theme (web/src/theme.css).
#pragma once

#include <iterator>
#include <string_view>

namespace broadsheet::email_style {

inline constexpr int kWidth = 600;         // the container
inline constexpr int kPadding = 32;        // left and right padding of the content cells
inline constexpr int kColumn = kWidth - 2 * kPadding;  // 536: images are sized to this

#define BS_SANS "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
#define BS_SERIF "Georgia,'Times New Roman',Times,serif"
#define BS_MONO "Menlo,Consolas,'Courier New',monospace"

inline constexpr const char* kBg = "#f3f4f6";  // the page behind the card

// A content cell of the card: the body text's font and colours (inherited by paragraphs and lists).
// Text cells break long words, URLs and CJK runs anywhere rather than widen the card past a phone's screen
// (`anywhere` also lowers the cell's minimum width, which `break-word` alone does not; `word-break` is for
// clients without `overflow-wrap:anywhere`).
#define BS_BREAK "overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word;"
inline constexpr const char* kContentCell =
    "padding:0 32px;background-color:#ffffff;font-family:" BS_SERIF ";font-size:17px;line-height:1.6;color:#1c1e22;"
    BS_BREAK;
inline constexpr const char* kSmallCell =
    "padding:12px 32px;font-family:" BS_SANS ";font-size:12px;line-height:1.5;color:#5d6470;" BS_BREAK;

// Inline styles of the elements the body uses most (one string each, so the output stays small).
inline constexpr const char* kParagraph = "margin:0 0 16px;";
inline constexpr const char* kLinkStyle = "color:#0b57a4;text-decoration:underline;";
// Lists and quotes start on the side: the indent and the quote bar are on the right in an rtl issue
// (mail clients do not all support logical properties such as padding-inline-start).
inline constexpr const char* kList = "margin:0 0 16px;padding:0 0 0 24px;";
inline constexpr const char* kListRtl = "margin:0 0 16px;padding:0 24px 0 0;";
inline constexpr const char* kItem = "margin:0 0 8px;";
inline constexpr const char* kTaskItem = "margin:0 0 8px;list-style:none;";
inline constexpr const char* kQuote =
    "margin:0 0 16px;padding:0 0 0 16px;border-left:3px solid #d8dbe0;color:#5d6470;font-style:italic;";
inline constexpr const char* kQuoteRtl =
    "margin:0 0 16px;padding:0 16px 0 0;border-right:3px solid #d8dbe0;color:#5d6470;font-style:italic;";
// A code block is a <div> whose lines end in <br> and whose runs of spaces are non-breaking (email_body.cpp):
// it keeps its shape without white-space, which some clients drop (Samsung Email), and still wraps.
inline constexpr const char* kPre =
    "margin:0 0 16px;padding:12px 16px;background-color:#f3f4f6;border-radius:6px;font-family:" BS_MONO
    ";font-size:13px;line-height:1.5;" BS_BREAK "color:#1c1e22;";
inline constexpr const char* kCode =
    "font-family:" BS_MONO ";font-size:0.9em;background-color:#f3f4f6;padding:1px 4px;border-radius:3px;";
inline constexpr const char* kRule = "border:0;border-top:1px solid #d8dbe0;margin:24px 0;height:0;";
inline constexpr const char* kSectionTitle =
    "margin:0 0 16px;padding:12px 0 0;border-top:3px solid #1c1e22;font-family:" BS_SANS
    ";font-size:14px;line-height:1.3;font-weight:bold;letter-spacing:1px;text-transform:uppercase;color:#b0341a;";
inline constexpr const char* kStoryTitle =
    "margin:8px 0 12px;font-family:" BS_SANS ";font-size:22px;line-height:1.25;font-weight:bold;color:#1c1e22;";
inline constexpr const char* kHeading =
    "margin:24px 0 8px;font-family:" BS_SANS ";font-size:18px;line-height:1.3;font-weight:bold;color:#1c1e22;";
inline constexpr const char* kCaption =
    "margin:8px 0 16px;font-family:" BS_SANS ";font-size:13px;line-height:1.4;color:#5d6470;";
inline constexpr const char* kLabel =
    "margin:0 0 8px;font-family:" BS_SANS ";font-size:11px;line-height:1.3;font-weight:bold;letter-spacing:1px;"
    "text-transform:uppercase;";
inline constexpr const char* kBlockTitle =
    "margin:0 0 8px;font-family:" BS_SANS ";font-size:17px;line-height:1.3;font-weight:bold;";
inline constexpr const char* kDataTable =
    "width:100%;table-layout:fixed;border-collapse:collapse;margin:0 0 16px;font-family:" BS_SANS
    ";font-size:13px;line-height:1.4;";
inline constexpr const char* kCell = "padding:6px 8px;border-bottom:1px solid #d8dbe0;" BS_BREAK;
inline constexpr const char* kButtonCell = "border-radius:6px;background-color:#0b57a4;";
inline constexpr const char* kButtonLink =
    "display:inline-block;padding:12px 24px;font-family:" BS_SANS
    ";font-size:16px;line-height:1.2;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;"
    BS_BREAK;
// Images carry a font and colour for their alt text, which is what a reader sees while images are blocked,
// and a white plate: a transparent logo stays visible on a dark card (the dark palette, or a client that
// darkens the email on its own), and the alt text keeps its light-theme contrast there.
inline constexpr const char* kImage =
    "display:block;width:100%;max-width:536px;height:auto;border:0;background-color:#ffffff;font-family:" BS_SANS
    ";font-size:14px;line-height:1.4;color:#5d6470;";
inline constexpr const char* kHeroImage =
    "display:block;width:100%;max-width:600px;height:auto;border:0;background-color:#ffffff;font-family:" BS_SANS
    ";font-size:14px;line-height:1.4;color:#5d6470;";
inline constexpr const char* kInlineImage =
    "max-width:100%;height:auto;border:0;vertical-align:middle;background-color:#ffffff;color:#5d6470;";

// A directive's box: background, border and the label/title colour, light theme. Boxes are found by the
// directive kind's css stem and variant (core/directives.hpp); the last row is the default.
struct Box {
  std::string_view kind;      // DirectiveKindInfo::css
  std::string_view variant;   // a callout kind; empty: any
  const char* css_class;      // also the dark-mode hook
  const char* background;
  const char* border;
  const char* title;
};

inline constexpr Box kBoxes[] = {
    {"sponsor", "", "bs-sponsor", "#fbf5e6", "#e6cf91", "#7d5700"},
    {"cta", "", "bs-surface", "#f3f4f6", "#d8dbe0", "#1c1e22"},
    {"callout", "note", "bs-callout-note", "#e7eef6", "#0b57a4", "#0b57a4"},
    {"callout", "tip", "bs-callout-tip", "#e8f0eb", "#1a6b35", "#1a6b35"},
    {"callout", "important", "bs-callout-important", "#f0ecf6", "#6b3fa8", "#6b3fa8"},
    {"callout", "warning", "bs-callout-warning", "#f3eee6", "#835400", "#835400"},
    {"callout", "caution", "bs-callout-caution", "#f7e9e8", "#b02a1e", "#b02a1e"},
    {"block", "", "bs-surface", "#f3f4f6", "#d8dbe0", "#1c1e22"},
};

// The box of a directive kind (and variant): the exact row, else the kind's first row, else the default.
inline const Box& box_for(std::string_view kind, std::string_view variant) {
  const Box* first_of_kind = nullptr;
  for (const Box& box : kBoxes) {
    if (box.kind != kind) continue;
    if (box.variant.empty() || box.variant == variant) return box;
    if (!first_of_kind) first_of_kind = &box;
  }
  return first_of_kind ? *first_of_kind : kBoxes[std::size(kBoxes) - 1];
}

// The head's <style>: narrow screens (one fluid column, smaller padding) and the dark palette. Clients
// that drop <style> (some webmail) still get the inline light layout, which is the design itself.
// Read by Outlook on Windows only (inside <!--[if mso]>): it ignores padding on links, so the button's
// cell carries it (mso-padding-alt) and the link none; and it shows display:none text unless mso-hide.
inline constexpr const char* kOutlookStyle =
    ".bs-button{mso-padding-alt:12px 24px;}.bs-button-link{mso-padding-alt:0;}.bs-preheader{mso-hide:all;}";

// The dark palette, written once for two hooks: `prefers-color-scheme` (Apple Mail, the Outlook apps,
// Samsung…) and Outlook.com's dark mode, which marks what it recolours with data-ogsb (backgrounds) and
// data-ogsc (text and borders) instead of matching the media query. P is the selector's prefix (so no
// selector lists: a prefix would reach only their first selector).
#define BS_DARK_BACKGROUNDS(P) \
    P ".bs-bg{background-color:#0d0f12!important;}\n" \
    P ".bs-card{background-color:#15171b!important;}\n" \
    P ".bs-surface{background-color:#1f2228!important;}\n" \
    P ".bs-sponsor{background-color:#272112!important;}\n" \
    P ".bs-callout-note{background-color:#1a2433!important;}\n" \
    P ".bs-callout-tip{background-color:#182a20!important;}\n" \
    P ".bs-callout-important{background-color:#251d33!important;}\n" \
    P ".bs-callout-warning{background-color:#2b2414!important;}\n" \
    P ".bs-callout-caution{background-color:#2f1b19!important;}\n" \
    P ".bs-button{background-color:#82b8ff!important;}\n"
#define BS_DARK_COLOURS(P) \
    P ".bs-card{color:#e7e9ec!important;}\n" \
    P ".bs-fg{color:#e7e9ec!important;}\n" \
    P ".bs-surface{color:#e7e9ec!important;border-color:#353a42!important;}\n" \
    P ".bs-muted{color:#a3aab5!important;}\n" \
    P ".bs-accent{color:#ff8f6b!important;border-color:#e7e9ec!important;}\n" \
    P ".bs-link{color:#82b8ff!important;}\n" \
    P ".bs-border{border-color:#353a42!important;}\n" \
    P ".bs-sponsor{border-color:#5c4a1f!important;}\n" \
    P ".bs-sponsor-label{color:#e8c36a!important;}\n" \
    P ".bs-callout-note{border-color:#82b8ff!important;}\n" \
    P ".bs-callout-tip{border-color:#74d195!important;}\n" \
    P ".bs-callout-important{border-color:#c6a5f7!important;}\n" \
    P ".bs-callout-warning{border-color:#f0c05a!important;}\n" \
    P ".bs-callout-caution{border-color:#ff8f84!important;}\n" \
    P ".bs-box-title{color:inherit!important;}\n" \
    P ".bs-button-link{color:#0d0f12!important;}\n"

inline constexpr const char* kHeadStyle =
    ":root{color-scheme:light dark;}\n"
    "@media only screen and (max-width:620px){\n"
    ".bs-container{width:100%!important;max-width:100%!important;}\n"
    ".bs-pad{padding-left:16px!important;padding-right:16px!important;}\n"
    ".bs-fluid{width:100%!important;height:auto!important;}\n"
    ".bs-title{font-size:26px!important;}\n"
    "}\n"
    "@media (prefers-color-scheme:dark){\n" BS_DARK_BACKGROUNDS("") BS_DARK_COLOURS("") "}\n"
    BS_DARK_BACKGROUNDS("[data-ogsb] ") BS_DARK_COLOURS("[data-ogsc] ");

#undef BS_SANS
#undef BS_SERIF
#undef BS_MONO
#undef BS_BREAK
#undef BS_DARK_BACKGROUNDS
#undef BS_DARK_COLOURS

}  // namespace broadsheet::email_style
