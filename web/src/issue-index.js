// A publication's index (`issues.json`, docs/publishing.md) as the elements read it: fetched once per URL,
// each entry checked field by field (an index is JSON from the network: nothing in it is trusted), and
// the order of issues. Used by <broadsheet-archive> (archive.js), <broadsheet-issue index> (recent.js)
// and `broadsheet build`.

/** A JSON value as text: a string, or a finite number written out; anything else is ''. */
export const fieldText = (value) => (typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

/**
 * A link target from an index: only an http: or https: URL, after resolving it against the index's own
 * URL as the browser would (so case, whitespace and control characters in a scheme change nothing: the
 * core's is_safe_url rule for links, for JSON that no core has read). Anything else is '' (not linked).
 */
export function safeLink(value, base) {
  if (typeof value !== 'string') return '';
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * One entry of an index as the list shows it, each field checked on its own: a field of the wrong type is
 * left out, a URL that is not http(s) is not linked, and keys the list does not know are dropped (so
 * nothing in the JSON can reach the element's own state). `base`: the index's URL.
 */
export function normalizeEntry(entry, base) {
  if (!entry || typeof entry !== 'object') return null;
  const tags = Array.isArray(entry.tags) ? entry.tags.map(fieldText).filter(Boolean) : fieldText(entry.tags) ? [fieldText(entry.tags)] : [];
  const normalized = {
    slug: fieldText(entry.slug),
    url: safeLink(entry.url, base),
    title: fieldText(entry.title),
    label: fieldText(entry.label),
    issue: fieldText(entry.issue),
    issue_label: fieldText(entry.issue_label),
    date: fieldText(entry.date),
    date_label: fieldText(entry.date_label),
    preheader: fieldText(entry.preheader),
    markdown: safeLink(entry.markdown, base),
    tags,
  };
  return normalized.url || normalized.title ? normalized : null;
}

/**
 * Newest first: by date (YYYY-MM-DD), then issue number, then slug. Issues without a date sort
 * after dated ones of the same number; the comparison is total, so the order is stable across builds.
 */
export function compareIssues(a, b) {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  const number = (e) => (e.issue !== '' && e.issue != null && Number.isFinite(Number(e.issue)) ? Number(e.issue) : -Infinity);
  const na = number(a);
  const nb = number(b);
  if (na !== nb) return na < nb ? 1 : -1;
  const sa = a.slug ?? '';
  const sb = b.slug ?? '';
  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

const indexes = new Map(); // absolute URL → Promise<{ issues, labels }>

/** Fetches an issues.json once; resolves to its entries (normalized, newest first as listed) and the JSON. */
export function loadIndex(url) {
  let pending = indexes.get(url);
  if (!pending) {
    pending = fetch(url, { headers: { Accept: 'application/json' } }).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
      const json = await response.json();
      if (!Array.isArray(json?.issues)) throw new Error(`${url} is not a Broadsheet issues.json (no "issues" list)`);
      return { issues: json.issues.map((e) => normalizeEntry(e, url)).filter(Boolean), json };
    });
    pending.catch(() => indexes.delete(url)); // a failed load may be retried
    indexes.set(url, pending);
  }
  return pending;
}
