// The pre-rendered issue `broadsheet build` writes beside each page (SLUG/fragment.json) and
// <broadsheet-issue src="SLUG/"> shows without WebAssembly: the web HTML the core rendered, with its
// sidecar's outline, meta and labels, so the element themes, decorates and reports it exactly as it would
// a render of its own. The one place both sides agree on the file's name and shape.

/** The fragment's file name, beside the index.html. */
export const FRAGMENT_FILE = 'fragment.json';
/** The Markdown the build writes beside the page (build-issue.js: ISSUE_FILES.markdown), the fallback. */
export const MARKDOWN_FILE = 'issue.md';

const FORMAT = 'broadsheet-fragment';
const VERSION = 1;

/** The file's text for a render of the issue (`RenderResult`: web HTML, not standalone). */
export function fragmentJson(result) {
  return `${JSON.stringify({
    format: FORMAT, version: VERSION, html: result.output, outline: result.outline, meta: result.meta, labels: result.labels,
  })}\n`;
}

/**
 * A parsed fragment file as a render result's fields ({ output, outline, meta, labels }), or null when
 * it is not one this version reads (the element then renders the Markdown instead).
 */
export function readFragment(json) {
  if (json?.format !== FORMAT || json.version !== VERSION || typeof json.html !== 'string' || !Array.isArray(json.outline)) return null;
  const object = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
  return { output: json.html, outline: json.outline, meta: object(json.meta), labels: object(json.labels) };
}
