// `broadsheet build`'s pre-rendered fragment of an issue (fragment-format.js), written beside its page by
// one call in build-issue.js's renderIssue. <broadsheet-issue src="SLUG/"> shows it with no WebAssembly and
// no Markdown request (docs/widget.md). Rendered as the element's own render would be: web HTML, no lint
// (the web core has none; the page's render already reported the lint warnings), from the same prepared
// Markdown as the page, so `::: recent` and canonical_url are filled in.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRAGMENT_FILE, fragmentJson } from './fragment-format.js';

export { FRAGMENT_FILE }; // for build-issue.js's list of an issue's files (a gone issue's are removed)

/** Renders `markdown` as the element would and writes DIR/fragment.json. */
export function writeFragment(renderer, markdown, dir) {
  writeFileSync(join(dir, FRAGMENT_FILE), fragmentJson(renderer.render(markdown, { lint: false })));
}
