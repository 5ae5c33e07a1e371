// <broadsheet-issue>'s published issues: a `src` naming a page `broadsheet build` made (its folder URL, or
// an .html file in it) is shown from the fragment the build rendered beside it (fragment-format.js), with
// no WebAssembly and no Markdown. That HTML is inserted as it is, so it is taken only from an origin the
// host page trusts: its own, or one it names (configure({ trustedOrigins }) or the `trusted-origins`
// attribute). From any other origin, and when the fragment is missing, the page's Markdown is rendered.
import { FRAGMENT_FILE, MARKDOWN_FILE, readFragment } from './fragment-format.js';

/**
 * The built page `url` names, as { page, fragment, markdown } URLs, or null when it names something
 * else (a Markdown file is rendered as today). A folder URL must end in `/`.
 */
export function builtPage(url) {
  const page = new URL(url);
  if (!/(\/|\.html?)$/i.test(page.pathname)) return null;
  return { page: page.href, fragment: new URL(FRAGMENT_FILE, page).href, markdown: new URL(MARKDOWN_FILE, page).href };
}

/** Origins from a list of URLs or origins (strings or URLs, or one string separated by spaces). */
export function originsOf(list) {
  const items = typeof list === 'string' ? list.split(/\s+/) : [...(list ?? [])];
  const origins = [];
  for (const item of items) {
    try {
      const { origin } = new URL(String(item));
      if (origin !== 'null') origins.push(origin);
    } catch { /* not a URL: ignored */ }
  }
  return origins;
}

/** Whether HTML from `url` may be inserted: the page's own origin, or one the host named. */
export const isTrusted = (url, trusted) => {
  const { origin } = new URL(url);
  return origin === globalThis.location?.origin || trusted.includes(origin);
};

/**
 * Fetches a built page's fragment; resolves to its render result's fields ({ output, outline, meta,
 * labels }), or null when there is none to use (missing, unreadable, or redirected to an origin not
 * trusted), for the caller to render the Markdown instead. Rejects only when aborted.
 */
export async function fetchFragment(url, { signal, trusted }) {
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok || !isTrusted(response.url || url, trusted)) return null;
    return readFragment(await response.json());
  } catch (error) {
    if (signal?.aborted) throw error;
    return null;
  }
}

/**
 * Makes the relative links and images of an issue from a built page relative to that page, where its
 * author wrote them for, not to the page showing it. Links within the issue (`#id`) stay as they are.
 */
export function resolveAgainst(content, base) {
  for (const element of content.querySelectorAll('[href],[src]')) {
    for (const name of ['href', 'src']) {
      const value = element.getAttribute(name);
      if (value === null || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) continue;
      try {
        element.setAttribute(name, new URL(value, base).href);
      } catch { /* left as written */ }
    }
  }
}
