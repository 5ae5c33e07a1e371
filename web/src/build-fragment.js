// `broadsheet build`'s pre-rendered fragment of an issue (fragment-format.js), written beside its page by
// build-issue.js. <broadsheet-issue src="SLUG/"> shows it with no WebAssembly and no Markdown request
// (docs/widget.md). Rendered as the element's own render would be: web HTML, no lint (the web core has
// none; the page's render already reported the lint warnings), with the page's options, so `::: recent`
// and the canonical URL are the page's.
import { FRAGMENT_FILE, fragmentJson } from './fragment-format.js';

export { FRAGMENT_FILE };

/** The fragment's JSON for `markdown` rendered with the page's render `options`. */
export const fragmentOf = (renderer, markdown, options) => fragmentJson(renderer.render(markdown, { ...options, lint: false }));
