// The classes of the core's web HTML that <broadsheet-issue> exposes as CSS parts, so a page can style an
// issue from outside the shadow root (`broadsheet-issue::part(title)` is the element of class bs-title).
// The one table of them: tests/js/part-names.test.js renders through the core and fails when a class here
// is one the core no longer writes, or when the core writes a class that is neither here nor listed there
// as not a part.
const NAMES = ['issue', 'header', 'publication', 'title', 'subtitle', 'byline', 'tags', 'hero', 'intro', 'section',
  'section-title', 'story', 'story-title', 'sponsor', 'callout', 'cta', 'button', 'figure', 'table'];

/** Class → part name. */
export const PARTS = Object.fromEntries(NAMES.map((part) => [`bs-${part}`, part]));
