// One issue of `broadsheet build`: its Markdown prepared (the canonical URL from --base-url when the
// front matter has none, `::: recent` filled in), rendered by the core as a standalone page, an email
// and its plain text, and written to SITE/SLUG/. Runs in the build's worker threads and, for a few
// issues, on the main thread. Warnings come back with the source file's own line numbers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandRecent, sourceLine } from './recent.js';
import { headTags, insertPageParts, pagerHtml } from './build-page.js';
import { FRAGMENT_FILE, writeFragment } from './build-fragment.js';

/** The files written for each issue, inside its folder. */
export const ISSUE_FILES = { page: 'index.html', email: 'email.html', text: 'email.txt', markdown: 'issue.md', fragment: FRAGMENT_FILE }; // issue 28: + fragment

/**
 * Adds front-matter keys the issue lacks as the first keys of its front matter (a front matter is
 * added when there is none): `canonical_url` from the base URL, so the email's "view in browser" link
 * and relative URLs work, and the site's `lang`. Returns the new Markdown and the insertions made.
 */
export function withFrontMatterDefaults(markdown, fields) {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(String(value))}`); // JSON strings are YAML scalars
  if (lines.length === 0) return { markdown, insertions: [] };
  const m = /^---[ \t]*(\r\n|\r|\n)/.exec(markdown);
  if (m && /^(---|\.\.\.)[ \t]*$/m.test(markdown.slice(m[0].length))) {
    return { markdown: m[0] + lines.map((l) => l + m[1]).join('') + markdown.slice(m[0].length), insertions: [{ line: 0, count: lines.length }] };
  }
  return { markdown: `---\n${lines.join('\n')}\n---\n${markdown}`, insertions: [{ line: -1, count: lines.length + 2 }] };
}

/** A warning's line in the source file, undoing each step's insertions (the last step first). */
const mapLine = (steps, line) => {
  if (!(line > 0)) return line;
  for (const insertions of steps.slice().reverse()) line = sourceLine(insertions, line);
  return Math.max(line, 1);
};

/**
 * Renders and writes one issue. `job`: { file, source, slug, url, meta, prev, next, older, outDir, site }
 * (see build.js). Returns { warnings } with source positions; throws a BroadsheetError on a render error.
 */
export function renderIssue(renderer, job) {
  const steps = [];
  let markdown = job.source;
  const defaults = {};
  if (!job.meta.canonical_url) defaults.canonical_url = job.url;
  if (!job.meta.lang && job.site.lang) defaults.lang = job.site.lang;
  const withDefaults = withFrontMatterDefaults(markdown, defaults);
  markdown = withDefaults.markdown;
  steps.push(withDefaults.insertions);
  const recent = expandRecent(markdown, job.older ?? []);
  markdown = recent.markdown;
  steps.push(recent.insertions);

  const page = renderer.render(markdown, { standalone: true });
  const email = renderer.render(markdown, { format: 'email', unsubscribeUrl: job.site.unsubscribeUrl ?? '' });
  const text = renderer.render(markdown, { format: 'text', lint: false, unsubscribeUrl: job.site.unsubscribeUrl ?? '' });

  const issue = { url: job.url, meta: page.meta, prev: job.prev, next: job.next };
  const html = insertPageParts(page.output, headTags(issue, job.site), pagerHtml(issue, job.site, page.labels));

  const dir = join(job.outDir, job.slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ISSUE_FILES.page), html);
  writeFileSync(join(dir, ISSUE_FILES.email), email.output);
  writeFileSync(join(dir, ISSUE_FILES.text), text.output);
  writeFileSync(join(dir, ISSUE_FILES.markdown), job.source);
  writeFragment(renderer, markdown, dir); // issue 28: the pre-rendered fragment <broadsheet-issue src="SLUG/"> shows (build-fragment.js)

  const warnings = [
    ...page.warnings,
    ...email.warnings.filter((w) => w.rule === 'email-size'),
  ].map((w) => ({ ...w, line: mapLine(steps, w.line) }));
  return { warnings };
}
