// `broadsheet build` as a function: a folder of issues (*.md) becomes a site. See build.d.ts for the
// options and result, docs/publishing.md for what is written. The steps:
//   1. check the options, asking the core about the ones it decides (build-options.js): a bad one is a
//      usage error before anything is read or written;
//   2. read every source changed since the last build once, with the core: its summary says what the
//      issue is (title, date, draft, number, slug, language) and what keeps it out (build-sources.js);
//   3. choose the issues to publish (drafts, future dates, broken issues, clashing slugs left out) and
//      order them newest first;
//   4. give each page a key made of everything it shows (its source, its neighbours, the issues its
//      `::: recent` lists, the site options, the core): only pages whose key changed are rendered, by
//      worker threads (build-render.js → build-issue.js); if one fails, the pages naming it are made again;
//   5. write the files that list every issue (build-site.js), then commit: staged files move into place,
//      files the last build wrote and this one did not are removed (build-output.js).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRenderer } from './index.js';
import { ISSUE_FILES } from './build-issue.js';
import { absolutizeHtml, articleOf } from './build-page.js';
import { archivePage, feeds, issuesJson, sitemap } from './build-site.js';
import { checkSiteOptions, normalizeOptions } from './build-options.js';
import { readSources, sha1, summarizeIn } from './build-sources.js';
import { MANIFEST_FILE, SiteOutput } from './build-output.js';
import { renderPages } from './build-render.js';
import { compareIssues } from './issue-index.js';

import { SEARCH_DIR, indexSite, removeSearch } from './build-search.js';

export { BuildUsageError } from './build-options.js';

export const CACHE_FILE = '.broadsheet-cache.json';
const CACHE_VERSION = 2;
/** Files at the root of the site: no issue may take one of these names as its folder. */
export const SITE_FILES = ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'issues.json'];
const RESERVED_SLUGS = [...SITE_FILES, CACHE_FILE, MANIFEST_FILE, SEARCH_DIR];

function loadCache(out, coreHash) {
  try {
    const cache = JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8'));
    // Summaries and pages are the core's work: a new core reads and renders everything again.
    if (cache?.version === CACHE_VERSION && cache.core === coreHash && cache.sources && cache.pages) return cache;
  } catch { /* no cache yet, or unreadable: build everything */ }
  return { sources: {}, pages: {} };
}

/** What a page, a list, a feed and the index show of an issue: the core's summary and where it lives. */
function entryOf(record, slug, site) {
  const s = record.summary;
  const url = new URL(`${encodeURIComponent(slug)}/`, site.baseUrl).href;
  return {
    file: record.path,
    slug,
    url,
    markdownUrl: url + ISSUE_FILES.markdown,
    emailUrl: url + ISSUE_FILES.email,
    textUrl: url + ISSUE_FILES.text,
    title: s.title,
    label: s.label,
    subtitle: s.subtitle,
    number: s.number,
    numberLabel: s.number_label,
    date: s.date,
    dateLabel: s.date_label,
    preheader: s.preheader,
    tags: s.tags,
    authors: s.authors,
    hero: s.hero ? { ...s.hero, src: new URL(s.hero.src, url).href } : null,
    lang: s.lang,
    publication: s.publication,
    modified: record.modified,
    record,
  };
}

/** What a neighbour or a `::: recent` item shows of an issue (its part of a page's key). */
const linkOf = (e) => (e ? { url: e.url, title: e.title, label: e.label, number: e.number, date: e.date } : null);

/**
 * The issues to publish, newest first. Left out: drafts (unless `drafts`), issues dated after `today`
 * (unless `future`), issues the core reports as unpublishable (a `draft` or `date` it cannot read, at its
 * line), slugs that cannot name a folder or are taken, and issues whose files would overwrite a file the
 * build did not write.
 */
function chooseIssues(records, opts, output, report) {
  const bySlug = new Map();
  const entries = [];
  for (const record of records) {
    const { summary } = record;
    if (summary.errors.length) {
      for (const e of summary.errors) report.errors.push({ file: record.path, line: e.line, column: e.column, message: `${e.message} (the issue is left out)` });
      continue;
    }
    if (summary.draft && !opts.drafts) {
      report.drafts++;
      continue;
    }
    if (summary.date > opts.today && !opts.future) {
      report.future++;
      continue;
    }
    const { slug } = summary; // its `slug`, else its file's name: checked by the core
    const problem = RESERVED_SLUGS.includes(slug) ? `the slug ${JSON.stringify(slug)} is taken by the site's own ${slug}`
      : bySlug.has(slug) ? `the slug ${JSON.stringify(slug)} is already used by ${bySlug.get(slug).file}`
      : Object.values(ISSUE_FILES).map((f) => `${slug}/${f}`).find((rel) => output.clashes(rel))
        ?.replace(/.*/, (rel) => `${join(opts.out, rel)} was not written by broadsheet build; this issue would overwrite it`) ?? '';
    if (problem) {
      report.errors.push({ file: record.path, line: 0, column: 0, message: problem });
      continue;
    }
    const entry = entryOf(record, slug, opts);
    bySlug.set(slug, entry);
    entries.push(entry);
  }
  return entries.sort(compareIssues);
}

/** The site's settings every page shares (part of every page's key). */
function siteOf(opts, entries, labels) {
  const newest = entries[0];
  const title = opts.title || newest?.publication || basename(opts.input);
  return {
    baseUrl: opts.baseUrl,
    feeds: { rss: `${opts.baseUrl}feed.xml`, atom: `${opts.baseUrl}atom.xml`, json: `${opts.baseUrl}feed.json` },
    unsubscribeUrl: opts.unsubscribeUrl,
    title,
    description: opts.description || labels.archive_description.replace('{title}', title),
    lang: opts.lang || newest?.lang || 'en',
    labels,
  };
}

/** The pages to render: each listed issue whose key changed (or whose files are gone). */
function pageJobs(entries, site, siteKey, cache, output) {
  const keys = {};
  const jobs = [];
  entries.forEach((entry, i) => {
    const next = entries[i - 1] ?? null; // newer
    const prev = entries[i + 1] ?? null; // older
    const recent = entries.slice(i + 1, i + 1 + entry.record.summary.recent_count).map(linkOf);
    const key = sha1(JSON.stringify([siteKey, entry.record.sha, entry.slug, linkOf(prev), linkOf(next), recent]));
    keys[entry.slug] = key;
    const files = Object.values(ISSUE_FILES).map((f) => `${entry.slug}/${f}`);
    if (cache.pages[entry.slug] === key && files.every((rel) => output.has(rel))) {
      files.forEach((rel) => output.keep(rel));
      return;
    }
    jobs.push({
      file: entry.file, source: entry.record.read(), slug: entry.slug, url: entry.url, prev: linkOf(prev), next: linkOf(next),
      recent: recent.map(({ url, title, number, date }) => ({ url, title, number, date })), staging: output.staging, site,
    });
  });
  return { keys, jobs };
}

/** The words of the site's own pages in its language, from the core (RenderResult.labels). */
const siteLabels = (renderer, lang) => renderer.render('', { summaryOnly: true, defaultLang: lang }).labels;

/** Builds the site; see build.d.ts. Resolves to the report; never throws for a bad issue. */
export async function buildSite(options) {
  const started = performance.now();
  const opts = normalizeOptions(options);
  const wasmBytes = readFileSync(new URL('./broadsheet.wasm', import.meta.url));
  const wasmModule = await WebAssembly.compile(wasmBytes);
  const renderer = await createRenderer({ wasm: wasmModule });
  checkSiteOptions(renderer, opts);
  const coreHash = sha1(wasmBytes);

  mkdirSync(opts.out, { recursive: true });
  const output = new SiteOutput(opts.out, { issueFiles: Object.values(ISSUE_FILES), siteFiles: SITE_FILES });
  try {
    const report = { errors: [], warnings: [], skipped: [], drafts: 0, future: 0 };
    const clash = SITE_FILES.find((f) => output.clashes(f));
    if (clash) throw new Error(`${join(opts.out, clash)} was not written by broadsheet build: move it, or build into another folder`);
    const cache = loadCache(opts.out, coreHash);
    const pagesCache = opts.force ? {} : cache.pages;

    // 2-3. Every issue read once by the core; without --lang, the site's language is the newest issue's,
    // and the issues without `lang` are read in it (their dates and numbers are written in it).
    const { sources, records } = readSources(opts, cache, renderer, report, opts.lang);
    const lang = opts.lang || chooseIssues(records, opts, output, { errors: [], drafts: 0, future: 0 })[0]?.lang || 'en';
    if (!opts.lang && lang !== 'en') for (const record of records) if (!record.summary.lang) summarizeIn(renderer, record, lang);
    let entries = chooseIssues(records, opts, output, report);

    // 3-4. The pages, rendered until no page names an issue that failed.
    const site = siteOf({ ...opts, lang }, entries, siteLabels(renderer, lang));
    const siteKey = sha1(JSON.stringify([CACHE_VERSION, coreHash, site]));
    let keys = {};
    const rendered = new Set();
    for (let failed = true; failed;) {
      // After a failure, pages rendered in the round before keep their new key and staged files.
      const planned = pageJobs(entries, site, siteKey, { pages: { ...pagesCache, ...keys } }, output);
      const results = await renderPages(planned.jobs, { wasmModule, renderer, workers: opts.jobs, onProgress: opts.onProgress });
      keys = planned.keys;
      failed = false;
      results.forEach((result, i) => {
        const job = planned.jobs[i];
        if (result.error) {
          report.errors.push({ file: job.file, ...result.error });
          entries = entries.filter((e) => e.slug !== job.slug);
          delete keys[job.slug];
          failed = true;
          return;
        }
        result.files.forEach((rel) => output.staged(rel));
        for (const w of result.warnings) report.warnings.push({ file: job.file, ...w });
        rendered.add(job.slug);
      });
    }

    // 5. The files listing every issue, then the commit.
    const content = new Map(entries.slice(0, opts.feedItems).map((entry) =>
      [entry.slug, absolutizeHtml(articleOf(output.read(`${entry.slug}/${ISSUE_FILES.page}`)), entry.url)]));
    const feedTexts = feeds(entries, content, { ...site, themeCss: '', feedItems: opts.feedItems, copyright: '', fallbackDate: new Date(0) });
    const siteTexts = {
      'index.html': archivePage(entries, { ...site, search: opts.search, themeCss: readFileSync(new URL('./theme.css', import.meta.url), 'utf8') }),
      'feed.xml': feedTexts.rss,
      'atom.xml': feedTexts.atom,
      'feed.json': feedTexts.json,
      'sitemap.xml': sitemap(entries, site),
      'issues.json': issuesJson(entries, site),
    };
    const siteFiles = Object.entries(siteTexts).filter(([name, text]) => output.write(name, text)).map(([name]) => name);
    const removed = output.commit();
    const cacheFile = join(opts.out, `${CACHE_FILE}.tmp`);
    writeFileSync(cacheFile, JSON.stringify({ version: CACHE_VERSION, core: coreHash, sources, pages: keys }));
    renameSync(cacheFile, join(opts.out, CACHE_FILE));

    // Full-text search over the issue pages as committed (never a draft's): build-search.js.
    let search = null;
    if (opts.search) {
      search = await indexSite({
        out: opts.out, force: opts.force,
        pages: entries.filter((e) => !e.record.summary.draft).map((e) => ({ url: e.url, file: join(opts.out, e.slug, ISSUE_FILES.page), key: keys[e.slug] })),
      });
    } else removeSearch(opts.out);

    const byPosition = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);
    return {
      issues: entries.length,
      rendered: rendered.size,
      unchanged: entries.length - entries.filter((e) => rendered.has(e.slug)).length,
      removed: new Set(removed.filter((rel) => rel.includes('/')).map((rel) => rel.split('/')[0])).size,
      drafts: report.drafts,
      future: report.future,
      jobs: opts.jobs,
      siteFiles,
      errors: report.errors.sort(byPosition),
      warnings: [...report.skipped, ...report.warnings].sort(byPosition),
      search,
      milliseconds: Math.round(performance.now() - started),
    };
  } catch (error) {
    output.abort(); // the site stays as the last build left it
    throw error;
  }
}
