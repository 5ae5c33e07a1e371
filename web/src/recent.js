// `::: recent` in <broadsheet-issue index="/issues.json">: which issues came before the one shown. The
// core writes the list itself (the render option `recent`, in the issue's language, safe URLs only); this
// module only finds the issue in the site's index, from the core's reading of its front matter (`meta`).
// Loaded by the element only when it has an `index` attribute.
import { compareIssues, fieldText, loadIndex } from './issue-index.js';

export { loadIndex }; // src="latest" (element.js) shows the index's newest issue

// The most issues one `::: recent` block lists (the core's kMaxRecentCount).
const MAX_RECENT = 50;

/**
 * The issues before the current one in an index sorted newest first. `issue`: { url, title, date, number,
 * canonicalUrl } of the issue shown. It is found by its URL (page, Markdown or canonical) or by its title,
 * date and number; an issue that is not in the index (a draft) comes before the issues older than it.
 */
export function issuesBefore(issues, { url = '', title = '', date = '', number = '', canonicalUrl = '' }) {
  const urls = new Set([url, canonicalUrl].filter(Boolean));
  let at = issues.findIndex((e) => urls.has(e.url) || urls.has(e.markdown));
  if (at < 0 && title) at = issues.findIndex((e) => e.title === title && e.date === date && e.issue === number);
  if (at >= 0) return issues.slice(at + 1);
  if (!date) {
    // No date: by number when there is one, else every issue (a preview of a new issue).
    const n = Number(number);
    return number && Number.isFinite(n) ? issues.filter((e) => Number(e.issue) < n) : issues;
  }
  const self = { date, issue: number, slug: '\uffff' };
  return issues.filter((e) => compareIssues(self, e) < 0);
}

/**
 * The `recent` render option for an issue from the index at `indexUrl`: the issues before it, as many as a
 * block may list. `meta` is the core's reading of its front matter (RenderResult.meta); `src` its URL.
 */
export async function recentFromIndex(indexUrl, { src = '', meta = {} }) {
  const { issues } = await loadIndex(indexUrl);
  const issue = { url: src, title: fieldText(meta.title), date: fieldText(meta.date), number: fieldText(meta.issue), canonicalUrl: fieldText(meta.canonical_url) };
  return issuesBefore(issues, issue).slice(0, MAX_RECENT).map((e) => ({ url: e.url, title: e.title, number: e.issue, date: e.date }));
}
