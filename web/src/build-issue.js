// One issue of `broadsheet build`: rendered by the core as a standalone page, an email and its plain
// text, and written to the build's staging folder (build-output.js) as SLUG/…. The core is given what the
// publication knows and the Markdown does not: the page's URL (the canonical URL of an issue without
// one), the site's language, and the issues before this one for `::: recent`. Warnings keep the source
// file's own line numbers, since nothing is inserted into the Markdown. Runs in the build's worker
// threads and, for a few issues, on the main thread.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headTags, insertPageParts, pagerHtml } from './build-page.js';
import { FRAGMENT_FILE, fragmentOf } from './build-fragment.js';

/** The files written for each issue, inside its folder. */
export const ISSUE_FILES = { page: 'index.html', email: 'email.html', text: 'email.txt', markdown: 'issue.md', fragment: FRAGMENT_FILE };

/**
 * Renders and stages one issue. `job`: { file, source, slug, url, summary, prev, next, recent, staging,
 * site } (see build.js). Returns { warnings, files } (files: the site-relative paths staged); throws a
 * BroadsheetError on a render error.
 */
export function renderIssue(renderer, job) {
  const options = {
    recent: job.recent,
    defaultLang: job.site.lang,
    defaultCanonicalUrl: job.url,
    unsubscribeUrl: job.site.unsubscribeUrl ?? '',
  };
  const page = renderer.render(job.source, { ...options, standalone: true });
  const email = renderer.render(job.source, { ...options, format: 'email' });
  const text = renderer.render(job.source, { ...options, format: 'text', lint: false });

  const issue = { url: job.url, summary: page.summary, prev: job.prev, next: job.next };
  const texts = {
    [ISSUE_FILES.page]: insertPageParts(page.output, headTags(issue, job.site), pagerHtml(issue, job.site, page.labels)),
    [ISSUE_FILES.email]: email.output,
    [ISSUE_FILES.text]: text.output,
    [ISSUE_FILES.markdown]: job.source,
    // The pre-rendered fragment <broadsheet-issue src="SLUG/"> shows (build-fragment.js).
    [ISSUE_FILES.fragment]: fragmentOf(renderer, job.source, options),
  };
  mkdirSync(join(job.staging, job.slug), { recursive: true });
  const files = [];
  for (const [name, content] of Object.entries(texts)) {
    writeFileSync(join(job.staging, job.slug, name), content);
    files.push(`${job.slug}/${name}`);
  }
  const warnings = [...page.warnings, ...email.warnings.filter((w) => w.rule === 'email-size')].filter((w) => !w.hint);
  return { warnings, files };
}

/** A render error as plain data (for a worker's message and the build's report). */
export const problemOf = (error) => ({
  message: error?.reason ?? error?.message ?? String(error),
  line: error?.line ?? 0,
  column: error?.column ?? 0,
});
