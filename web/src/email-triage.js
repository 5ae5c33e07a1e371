// What a mail client may drop of Broadsheet's email without harm, each with its reason: the email is
// built so that these are enhancements on top of an inline, table-based light layout. `feature` is
// caniemail's title; `clients`, if given, the client ids (or id prefixes) the entry covers. Anything a
// client drops that is not here fails tests/browser/email-matrix.test.js and is reported as "breaks" by
// `broadsheet check`, until the email is fixed or an entry is added here with its reason.
export const TRIAGE = [
  // The head's <style>: only the narrow-screen tightening and the dark palettes.
  { feature: '<style> element', reason: 'every style the layout needs is inline; the <style> block only tightens padding on phones and holds the dark palettes' },
  { feature: 'Class selector', reason: 'class selectors are used only in the <style> block (narrow-screen and dark rules); the inline styles carry the design' },
  { feature: '@media', reason: 'the column is fluid without media queries (width:100%, max-width 600 px); the narrow-screen query only tightens padding and the title size' },
  { feature: '@media (prefers-color-scheme)', reason: 'the dark palette is an enhancement: without it the reader gets the light palette as designed, or the client\'s own dark mode' },
  { feature: 'Attribute selector', reason: 'used only for Outlook.com\'s dark-mode hooks ([data-ogsc]/[data-ogsb]); other clients never set those attributes' },
  { feature: 'height property', reason: 'only the narrow-screen rule\'s height:auto on images, which their inline style already sets' },
  // Dark-mode hints.
  { feature: 'color-scheme meta tag', reason: 'a hint that the email has its own dark palette; without it the client keeps its default (the light palette, or its own inversion)' },
  { feature: 'color-scheme CSS property', reason: 'the same hint as the color-scheme meta tag, for clients that read CSS' },
  // Long words: three properties for one job, so a client that drops some still breaks long words. Word
  // (Outlook on Windows, Windows Mail) drops all three and table-layout: an overlong word there is a known
  // risk Chromium cannot check (docs/email-clients.md).
  { feature: 'overflow-wrap', reason: 'word-wrap:break-word and word-break:break-word do the same job where overflow-wrap is dropped; the matrix checks no view scrolls sideways' },
  { feature: 'word-wrap', reason: 'overflow-wrap and word-break do the same job; the matrix checks no view scrolls sideways' },
  { feature: 'word-break', reason: 'overflow-wrap and word-wrap do the same job; the matrix checks no view scrolls sideways' },
  { feature: 'overflow', reason: 'caniemail matches "overflow" inside "overflow-wrap"; the only overflow:hidden is the hidden preheader\'s, which also has display:none and a zero size' },
  { feature: 'table-layout', reason: 'the fixed layout only guards the column against a long word; the break properties and fluid images do that too, and the matrix checks it' },
  { feature: 'Descendant combinator', reason: 'used only by Outlook.com\'s dark-mode hooks ([data-ogsc] .bs-…); a client without them shows the light palette' },
  // The preheader: hidden five ways (display:none, max-height:0, overflow:hidden, 1-px text in the
  // background's colour, opacity:0, and mso-hide:all for Outlook on Windows), so losing one or two keeps it hidden.
  { feature: 'display:none', reason: 'the preheader stays hidden by max-height:0, overflow:hidden and 1-px text in the background\'s colour; the matrix checks it takes no room' },
  { feature: 'opacity', reason: 'one of the preheader\'s five ways of hiding (display:none, max-height:0, overflow:hidden, 1-px text, mso-hide:all)' },
  { feature: 'max-height property', reason: 'one of the preheader\'s five ways of hiding (display:none, overflow:hidden, opacity, 1-px text, mso-hide:all)' },
  // Links inside the email.
  { feature: 'Local anchors', reason: 'the table of contents and footnote links do not jump in these clients; their words stay, and sections and notes follow in order' },
  { feature: 'aria-label attribute', reason: 'the spoken name of a footnote reference ("Footnote 1"); its number stays visible and linked' },
  // Decoration and hints.
  { feature: 'border-radius', reason: 'rounded corners only: boxes and buttons keep their colour (bgcolor) and shape as rectangles' },
  { feature: '<body> element', reason: 'clients replace <body> with their own wrapper; its background is repeated on the outer table (bgcolor) (caniemail also matches "body" inside "tbody")' },
  { feature: 'role attribute', reason: 'role="presentation" tells screen readers the layout tables are not data; without it they are read as tables, and every word stays' },
  { feature: 'height attribute', reason: 'an image\'s height attribute only reserves its room before it loads; width:100% and height:auto keep its proportions' },
  { feature: 'width attribute', reason: 'each width attribute is repeated in the inline style (width:100% or a max-width) for clients that read CSS' },
  { feature: 'lang attribute', reason: 'the language hint for screen readers and hyphenation; the text and its direction (dir) stay' },
];
