// `::: recent`: the issues before this one, written into the Markdown as a list of links before the
// core renders it (the core itself renders `::: recent` as a neutral `bs-block bs-block-recent`).
// One module for both users: `broadsheet build` fills it from the folder of issues, and
// <broadsheet-issue index="/issues.json"> from the site's index. The order of issues is decided here too.

export const DEFAULT_RECENT_COUNT = 3;
const MAX_RECENT_COUNT = 100;

const OPENER = /^ {0,3}(:{3,})[ \t]*recent(?=[ \t{]|$)(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The line index (0-based) after the front matter, or 0 when the file has none (same rule as the core). */
function bodyStart(lines) {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return 0;
  for (let i = 1; i < lines.length; i++) if (/^(---|\.\.\.)[ \t]*$/.test(lines[i])) return i + 1;
  return 0; // never closed: not front matter
}

/** `{count=N}` (or `count="N"`) in a directive's attribute block, else the default. */
function countOf(rest) {
  const m = /\{[^}]*\bcount[ \t]*=[ \t]*["']?(\d+)["']?[^}]*\}[ \t]*$/.exec(rest);
  return m ? Math.min(Number(m[1]), MAX_RECENT_COUNT) : DEFAULT_RECENT_COUNT;
}

/** Every `::: recent` opener outside fenced code: its 0-based line and how many issues it lists. */
export function findRecentDirectives(markdown) {
  const lines = markdown.split(/\r\n|\r|\n/);
  const found = [];
  let fence = null;
  for (let i = bodyStart(lines); i < lines.length; i++) {
    const f = FENCE.exec(lines[i]);
    if (fence === null && f) {
      fence = f[1];
      continue;
    }
    if (fence !== null) {
      // A closing fence: the same character, at least as long, nothing after it.
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(lines[i])) fence = null;
      continue;
    }
    const m = OPENER.exec(lines[i]);
    if (m) found.push({ line: i, count: countOf(m[2]) });
  }
  return found;
}

/** The largest number of issues any `::: recent` in the Markdown lists (0 without one). */
export function recentCountNeeded(markdown) {
  return findRecentDirectives(markdown).reduce((n, d) => Math.max(n, d.count), 0);
}

// Every ASCII punctuation character may be backslash-escaped in CommonMark: a title stays literal text.
const escapeMarkdown = (text) => String(text).replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** The link text of an issue in a list: "Issue 86: The bus stop is a public space". */
export function issueLabel(entry) {
  const title = entry.title || entry.slug || 'Untitled issue';
  return entry.issue != null && entry.issue !== '' ? `Issue ${entry.issue}: ${title}` : title;
}

/** One Markdown list item linking to an issue; the URL in <…> so any character in it is safe. */
function listItem(entry) {
  const url = String(entry.url).replace(/[<>\s]/g, encodeURIComponent);
  return `- [${escapeMarkdown(issueLabel(entry))}](<${url}>)`;
}

/**
 * Writes the list of `older` issues (newest first) after the opening line of each `::: recent`,
 * before whatever the block already holds. Returns the new Markdown and the insertions
 * ({ line, count }: `count` lines added after 0-based source line `line`), for {@link sourceLine}.
 */
export function expandRecent(markdown, older) {
  const directives = findRecentDirectives(markdown);
  if (directives.length === 0) return { markdown, insertions: [] };
  const lines = markdown.split(/(\r\n|\r|\n)/); // separators kept at odd indexes
  const insertions = [];
  for (const d of directives.reverse()) {
    const items = older.slice(0, d.count).map(listItem);
    if (items.length === 0) continue;
    const eol = lines[2 * d.line + 1] || '\n';
    const added = [...items, '']; // a blank line ends the list before the block's own text
    lines[2 * d.line] += eol + added.join(eol);
    if (lines[2 * d.line + 1] === undefined) lines.push(eol); // the opener was the last line
    insertions.unshift({ line: d.line, count: added.length });
  }
  return { markdown: lines.join(''), insertions };
}

/** Maps a 1-based line of the expanded Markdown back to the source file (an added line maps to its directive). */
export function sourceLine(insertions, line) {
  let shift = 0;
  for (const { line: at, count } of insertions) {
    const first = at + 1 + shift + 1; // 1-based line of the first added line
    if (line < first) break;
    if (line < first + count) return at + 1;
    shift += count;
  }
  return line - shift;
}

/**
 * Newest first: by date (YYYY-MM-DD), then issue number, then slug. Issues without a date sort
 * after dated ones of the same number; the comparison is total, so the order is stable across builds.
 */
export function compareIssues(a, b) {
  const da = a.date ?? '';
  const db = b.date ?? '';
  if (da !== db) return da < db ? 1 : -1;
  const na = Number.isFinite(Number(a.issue)) && a.issue !== '' && a.issue != null ? Number(a.issue) : -Infinity;
  const nb = Number.isFinite(Number(b.issue)) && b.issue !== '' && b.issue != null ? Number(b.issue) : -Infinity;
  if (na !== nb) return na < nb ? 1 : -1;
  const sa = a.slug ?? '';
  const sb = b.slug ?? '';
  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

const sameIssue = (entry, meta) =>
  !!meta.title && entry.title === meta.title && (entry.date ?? '') === String(meta.date ?? '') &&
  String(entry.issue ?? '') === String(meta.issue ?? '');

/**
 * The issues before the current one in an index sorted newest first. The current issue is found by
 * its URL (page, Markdown or canonical) or by its title, date and number; an issue that is not in the
 * index (a draft) comes before the issues older than it.
 */
export function issuesBefore(issues, { url = '', meta = {} } = {}) {
  const urls = new Set([url, meta.canonical_url].filter(Boolean));
  let at = issues.findIndex((e) => urls.has(e.url) || urls.has(e.markdown));
  if (at < 0) at = issues.findIndex((e) => sameIssue(e, meta));
  if (at >= 0) return issues.slice(at + 1);
  if (!meta.date) {
    // No date: by number when there is one, else every issue (a preview of a new issue).
    const n = Number(meta.issue);
    return meta.issue != null && Number.isFinite(n) ? issues.filter((e) => Number(e.issue) < n) : issues;
  }
  const self = { date: String(meta.date), issue: meta.issue, slug: '\uffff' };
  return issues.filter((e) => compareIssues(self, e) < 0);
}

// ---------------------------------------------------------------------------
// In the browser: the index fetched once per URL, for <broadsheet-issue index="…">

const indexes = new Map(); // absolute URL → Promise<issues[]>

/** Fetches an issues.json (see docs/publishing.md) once; resolves to its issues, newest first. */
export function loadIndex(url) {
  let pending = indexes.get(url);
  if (!pending) {
    pending = fetch(url, { headers: { Accept: 'application/json' } }).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
      const json = await response.json();
      if (!Array.isArray(json?.issues)) throw new Error(`${url} is not a Broadsheet issues.json (no "issues" list)`);
      return json.issues.filter((e) => e && typeof e.url === 'string').map((e) => ({ ...e, url: new URL(e.url, url).href, markdown: e.markdown ? new URL(e.markdown, url).href : undefined }));
    });
    pending.catch(() => indexes.delete(url)); // a failed load may be retried
    indexes.set(url, pending);
  }
  return pending;
}

/** The front matter's fields, read by the core itself (empty when there is none or it is broken). */
function metaOf(markdown, renderer) {
  const lines = markdown.split(/\r\n|\r|\n/);
  const end = bodyStart(lines);
  if (end === 0) return {};
  try {
    return renderer.render(lines.slice(0, end).join('\n') + '\n', { lint: false }).meta;
  } catch {
    return {}; // the real render reports the error
  }
}

/**
 * Fills every `::: recent` of `markdown` from the index at `indexUrl` (used by <broadsheet-issue>).
 * `src` is the issue's own URL, to find it in the index. Markdown without the directive is returned as is.
 */
export async function fillRecentFromIndex(markdown, { indexUrl, src = '', renderer }) {
  if (findRecentDirectives(markdown).length === 0) return markdown;
  const issues = await loadIndex(indexUrl);
  return expandRecent(markdown, issuesBefore(issues, { url: src, meta: metaOf(markdown, renderer) })).markdown;
}
