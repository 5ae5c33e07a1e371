// Where <broadsheet-issue>'s issue comes from, and reading it: the source its property, attributes and
// children name (as a key that changes when the source does), the newest issue of a site's index
// (src="latest"), the Markdown fetched, and the issues before this one for `::: recent`. What fails here
// fails as kind 'fetch'.
import { dedent } from './element-parts.js';
import { builtPage } from './element-fragment.js';
// The `index` attribute's code (recent.js) is fetched only when an element has one: every byte of
// element.js is on the reader's critical path.
const recent = () => import('./recent.js');

const absolute = (url) => new URL(url, document.baseURI).href;
const fetchError = (message, fields, cause) => Object.assign(new Error(message, cause && { cause }), { kind: 'fetch', ...fields });

/**
 * Where `element`'s issue comes from now (`markdown`: its property, or null): { key, text } for Markdown
 * at hand, { key, url } to fetch, { key, latest } for the newest issue of its index, or null for none.
 */
export function sourceOf(element, markdown) {
  if (markdown !== null) return { key: `property:${markdown}`, text: markdown };
  const { src } = element;
  if (src === 'latest') {
    const index = element.getAttribute('index');
    return { key: `latest:${index ? absolute(index) : ''}`, latest: true };
  }
  if (src) return { key: `src:${absolute(src)}`, url: absolute(src) };
  const inline = element.querySelector(':scope > script[type="text/markdown"]');
  return inline ? { key: `inline:${inline.textContent}`, text: dedent(inline.textContent) } : null;
}

/** The URL of the newest issue in the site's index (`index="/issues.json"`): its page, else its Markdown. */
export async function newestIssue(index) {
  if (!index) throw fetchError('src="latest" needs an index attribute (the site\'s issues.json)');
  const newest = (await (await recent()).loadIndex(absolute(index)).catch((cause) => {
    throw fetchError(cause.message, {}, cause);
  })).issues[0];
  if (!newest) throw fetchError(`${index} lists no issues`);
  const url = builtPage(newest.url) ? newest.url : newest.markdown;
  if (!url) throw fetchError(`${index}: the newest issue has neither a page nor a Markdown URL`);
  return url;
}

/** The Markdown at `url`. */
export async function fetchMarkdown(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5' } });
  } catch (cause) {
    throw fetchError(`Could not load ${url}: ${cause?.message ?? cause}`, { url }, cause);
  }
  if (!response.ok) throw fetchError(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim(), { url, status: response.status });
  return response.text();
}

/**
 * The render options for an element with an `index` (the site's issues.json), else none: `::: recent`
 * lists the issues before this one (from `src`) in that index, which recent.js finds from the core's
 * reading of its front matter (`renderer`: a Promise of the main thread's); the block as written if that fails.
 */
export async function recentOptions(index, markdown, src, renderer) {
  if (!index) return undefined;
  const { meta } = (await renderer()).render(markdown, { summaryOnly: true });
  return { recent: await recent().then(({ recentFromIndex }) => recentFromIndex(absolute(index), { src, meta })).catch(() => []) };
}
