// `broadsheet build` as a function: a folder of issues (*.md) becomes a site. See build.d.ts for the
// options and result, docs/publishing.md for what is written. The steps:
//   1. read and hash every source changed since the last build (by size, time and inode); read the
//      front matter of changed ones with the core (main thread);
//   2. leave out drafts and broken issues (reported as file:line:column), order the rest newest first;
//   3. give each page a key made of everything it shows (its source, its neighbours, the issues its
//      `::: recent` lists, the site options, the core): only pages whose key changed are rendered, by
//      worker threads (build-worker.js → build-issue.js), or on this thread when there are only a few;
//   4. write the files that list every issue (build-site.js) when their text changed, remove the
//      folders of issues that are gone, and save the keys in SITE/.broadsheet-cache.json.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRenderer } from './index.js';
import { compareIssues, recentCountNeeded } from './recent.js';
import { ISSUE_FILES, renderIssue } from './build-issue.js';
import { absoluteUrl, absolutizeHtml, articleOf } from './build-page.js';
import { archivePage, feeds, issuesJson, sitemap } from './build-site.js';
import { SEARCH_DIR, indexSite, removeSearch } from './build-search.js'; // issue 26: search

export const CACHE_FILE = '.broadsheet-cache.json';
const CACHE_VERSION = 1;
/** Files at the root of the site: no issue may take one of these names as its folder. */
export const SITE_FILES = ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'issues.json', CACHE_FILE, SEARCH_DIR]; // issue 26: + SEARCH_DIR
// Below this many pages to render, starting worker threads costs more than it saves.
const MAIN_THREAD_JOBS = 8;

const sha1 = (data) => createHash('sha1').update(data).digest('hex');

/** Checks and completes the options (see build.d.ts). Throws a TypeError naming a bad one. */
function normalizeOptions(options = {}) {
  const { input, out } = options;
  if (!input || typeof input !== 'string') throw new TypeError('buildSite: `input` (the folder of issues) is required');
  if (!out || typeof out !== 'string') throw new TypeError('buildSite: `out` (the site folder) is required');
  let base;
  try {
    base = new URL(String(options.baseUrl ?? ''));
  } catch {
    throw new TypeError(`buildSite: \`baseUrl\` must be an absolute URL, such as https://example.com/newsletter/ (got ${JSON.stringify(options.baseUrl ?? '')})`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TypeError('buildSite: `baseUrl` must be an http: or https: URL');
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const feedItems = options.feedItems ?? 20;
  if (!Number.isInteger(feedItems) || feedItems < 1) throw new TypeError('buildSite: `feedItems` must be a whole number of at least 1');
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const jobs = options.jobs ?? Math.max(1, cores);
  if (!Number.isInteger(jobs) || jobs < 1) throw new TypeError('buildSite: `jobs` must be a whole number of at least 1');
  if (resolve(input) === resolve(out)) throw new TypeError('buildSite: `out` must not be the folder of issues');
  return {
    input: resolve(input),
    shownInput: input, // file names in the report start with the folder as given
    out: resolve(out),
    baseUrl: base.href,
    drafts: Boolean(options.drafts),
    title: options.title ? String(options.title) : '',
    description: options.description ? String(options.description) : '',
    lang: options.lang ? String(options.lang) : '',
    feedItems,
    jobs,
    force: Boolean(options.force),
    unsubscribeUrl: options.unsubscribeUrl ? String(options.unsubscribeUrl) : '',
    search: options.search !== false, // issue 26: on unless `search: false`
    onProgress: typeof options.onProgress === 'function' ? options.onProgress : null,
  };
}

/** The 1-based line and column of a top-level front-matter key's value, else 1:1. */
function keyPosition(source, key) {
  const lines = source.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length && !/^(---|\.\.\.)\s*$/.test(lines[i]); i++) {
    const m = new RegExp(`^(${key}[ \\t]*:[ \\t]*)`).exec(lines[i]);
    if (m) return { line: i + 1, column: m[1].length + 1 };
  }
  return { line: 1, column: 1 };
}

/** The front matter block (with its fences) of a source, or '' when it has none. */
function frontMatterOf(source) {
  const m = /^---[ \t]*(?:\r\n|\r|\n)/.exec(source);
  if (!m) return '';
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(source.slice(m[0].length));
  return close ? source.slice(0, m[0].length + close.index + close[0].length) + '\n' : '';
}

/** The title the core would give an issue without a `title` key: its first `# ` heading. */
const firstHeading = (source) => /^ {0,3}# +(.+?)(?: +#+)? *$/m.exec(source.slice(frontMatterOf(source).length))?.[1] ?? '';

const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._~-]*$/u;
const strings = (v) => (Array.isArray(v) ? v.map(String) : v == null || v === '' ? [] : [String(v)]);

/** The summary of an issue that pages, lists, feeds and the index show. */
function summarize(record, file, site) {
  const { meta } = record;
  const slug = typeof meta.slug === 'string' && meta.slug ? meta.slug : basename(file, '.md');
  const url = new URL(`${encodeURIComponent(slug)}/`, site.baseUrl).href;
  const hero = typeof meta.hero === 'object' && meta.hero ? meta.hero : meta.hero ? { src: meta.hero } : null;
  return {
    file,
    slug,
    url,
    markdownUrl: url + ISSUE_FILES.markdown,
    emailUrl: url + ISSUE_FILES.email,
    textUrl: url + ISSUE_FILES.text,
    title: String(meta.title ?? '') || record.heading || slug,
    subtitle: meta.subtitle ? String(meta.subtitle) : '',
    issue: typeof meta.issue === 'number' || typeof meta.issue === 'string' ? meta.issue : null,
    date: meta.date ? String(meta.date) : '',
    preheader: String(meta.preheader ?? meta.description ?? ''),
    tags: strings(meta.tags),
    authors: strings(meta.authors ?? meta.author),
    hero: hero?.src ? { src: absoluteUrl(hero.src, url), ...(hero.alt && { alt: String(hero.alt) }) } : null,
    lang: typeof meta.lang === 'string' ? meta.lang : '',
    publication: meta.publication ? String(meta.publication) : '',
    draft: meta.draft === true || meta.draft === 'true',
  };
}

/** What a neighbour or a `::: recent` item shows of an issue (its part of a page's key). */
const linkOf = (e) => (e ? { url: e.url, title: e.title, issue: e.issue, date: e.date, slug: e.slug } : null);

function loadCache(out) {
  try {
    const cache = JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8'));
    if (cache?.version === CACHE_VERSION && cache.sources && cache.pages) return cache;
  } catch { /* no cache yet, or unreadable: build everything */ }
  return { version: CACHE_VERSION, sources: {}, pages: {}, siteFiles: {} };
}

/** Writes `text` to `file` unless it already holds it; true when written. */
function writeIfChanged(file, text) {
  try {
    if (readFileSync(file, 'utf8') === text) return false;
  } catch { /* missing */ }
  writeFileSync(file, text);
  return true;
}

/** Removes the files this build wrote for an issue that is gone, then its folder if it is left empty. */
function removeIssueOutput(out, slug) {
  const dir = join(out, slug);
  if (!SLUG.test(slug) || !existsSync(dir)) return;
  for (const name of Object.values(ISSUE_FILES)) rmSync(join(dir, name), { force: true });
  try { rmdirSync(dir); } catch { /* the folder holds other files: keep it */ }
}

/** Renders the jobs on worker threads (or here, for a few), calling `done` after each. */
async function renderAll(jobs, { wasmModule, renderer, workers: count, done }) {
  const results = new Array(jobs.length);
  if (jobs.length <= MAIN_THREAD_JOBS || count === 1) {
    jobs.forEach((job, i) => {
      try {
        results[i] = renderIssue(renderer, job);
      } catch (error) {
        results[i] = { error: { message: error?.reason ?? error?.message ?? String(error), line: error?.line ?? 0, column: error?.column ?? 0 } };
      }
      done();
    });
    return results;
  }
  const workerUrl = new URL('./build-worker.js', import.meta.url);
  let next = 0;
  const workers = [];
  const running = Array.from({ length: Math.min(count, jobs.length) }, () => new Promise((ok, fail) => {
    const worker = new Worker(workerUrl, { workerData: { wasmModule } });
    workers.push(worker);
    let current = -1;
    const give = () => {
      if (next >= jobs.length) return ok();
      current = next++;
      worker.postMessage({ id: current, job: jobs[current] });
    };
    worker.on('message', (message) => {
      if (message.ready) return give();
      results[message.id] = message.error ? { error: message.error } : message.result;
      done();
      give();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a build worker stopped (exit code ${code})`))); // ignored once settled
  }));
  try {
    await Promise.all(running);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Builds the site; see build.d.ts. Resolves to the report; never throws for a bad issue. */
export async function buildSite(options) {
  const started = performance.now();
  const opts = normalizeOptions(options);
  const { input, out } = opts;
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new Error(`${input} is not a folder of issues`);
  mkdirSync(out, { recursive: true });

  const wasmBytes = readFileSync(new URL('./broadsheet.wasm', import.meta.url));
  const wasmModule = await WebAssembly.compile(wasmBytes);
  const renderer = await createRenderer({ wasm: wasmModule });
  const coreHash = sha1(wasmBytes);

  const cache = opts.force ? { version: CACHE_VERSION, sources: {}, pages: {}, siteFiles: {} } : loadCache(out);
  const errors = [];
  const warnings = [];

  // 1. Sources and their front matter (read by the core; unchanged sources keep their cached meta).
  const files = readdirSync(input).filter((f) => f.endsWith('.md') && !f.startsWith('.')).sort();
  const sources = {};
  const records = [];
  const decode = (file) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(readFileSync(join(input, file)));
  for (const file of files) {
    const path = join(opts.shownInput, file);
    let stat;
    let source = null;
    let known = null;
    try {
      // A file with the size, modification time and inode of the last build is not read again
      // (`force` reads everything); its source is read later only if its page must be rendered.
      stat = statSync(join(input, file));
      const cached = cache.sources[file];
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.ino === stat.ino) known = cached;
      else source = decode(file);
    } catch (error) {
      errors.push({ file: path, line: 0, column: 0, message: `cannot read: ${error.message}` });
      continue;
    }
    const sha = known?.sha ?? sha1(source);
    if (!known && cache.sources[file]?.sha === sha) known = cache.sources[file]; // touched, not changed
    let meta = known?.meta;
    if (!meta) {
      try {
        const block = frontMatterOf(source);
        meta = block ? renderer.render(block, { lint: false }).meta : {};
      } catch (error) {
        errors.push({ file: path, line: error.line ?? 0, column: error.column ?? 0, message: error.reason ?? error.message });
        continue;
      }
    }
    const recentCount = known ? known.recentCount : recentCountNeeded(source);
    const heading = known ? known.heading : firstHeading(source);
    sources[file] = { sha, meta, recentCount, heading, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
    records.push({ file, path, source, sha, meta, recentCount, heading, modified: stat.mtimeMs, read: () => (source ??= decode(file)) });
  }

  // 2. The issues of the site, newest first.
  const site = {
    baseUrl: opts.baseUrl,
    feeds: { rss: `${opts.baseUrl}feed.xml`, atom: `${opts.baseUrl}atom.xml`, json: `${opts.baseUrl}feed.json` },
    unsubscribeUrl: opts.unsubscribeUrl,
  };
  const bySlug = new Map();
  let drafts = 0;
  const entries = [];
  for (const record of records) {
    const entry = summarize(record, record.path, site);
    if (entry.draft && !opts.drafts) {
      drafts++;
      continue;
    }
    const problem = !SLUG.test(entry.slug) ? `the slug ${JSON.stringify(entry.slug)} cannot name a folder: use letters, digits, '.', '_', '~' and '-'`
      : SITE_FILES.includes(entry.slug) ? `the slug ${JSON.stringify(entry.slug)} is taken by the site's own ${entry.slug}`
      : bySlug.has(entry.slug) ? `the slug ${JSON.stringify(entry.slug)} is already used by ${bySlug.get(entry.slug).file}` : '';
    if (problem) {
      const at = typeof record.meta.slug === 'string' ? keyPosition(record.read(), 'slug') : { line: 0, column: 0 };
      errors.push({ file: record.path, ...at, message: problem });
      continue;
    }
    bySlug.set(entry.slug, entry);
    entry.record = record;
    entries.push(entry);
  }
  entries.sort(compareIssues);

  const newest = entries[0];
  site.title = opts.title || newest?.publication || basename(input);
  site.description = opts.description || `Every issue of ${site.title}.`;
  site.lang = opts.lang || newest?.lang || 'en';
  const siteKey = sha1(JSON.stringify([CACHE_VERSION, coreHash, site]));

  // 3. The pages whose key changed.
  const pages = {};
  const jobs = [];
  entries.forEach((entry, i) => {
    const next = entries[i - 1] ?? null; // newer
    const prev = entries[i + 1] ?? null; // older
    const older = entries.slice(i + 1, i + 1 + entry.record.recentCount).map(linkOf);
    const key = sha1(JSON.stringify([siteKey, entry.record.sha, entry.slug, linkOf(prev), linkOf(next), older]));
    pages[entry.slug] = key;
    if (cache.pages[entry.slug] === key && existsSync(join(out, entry.slug, ISSUE_FILES.page))) return;
    jobs.push({
      file: entry.file, source: entry.record.read(), slug: entry.slug, url: entry.url, meta: entry.record.meta,
      prev: linkOf(prev), next: linkOf(next), older, outDir: out, site,
    });
  });

  let done = 0;
  opts.onProgress?.(0, jobs.length);
  const results = await renderAll(jobs, {
    wasmModule, renderer, workers: opts.jobs,
    done: () => opts.onProgress?.(++done, jobs.length),
  });
  const failed = new Set();
  results.forEach((result, i) => {
    const { file, slug } = jobs[i];
    if (result.error) {
      errors.push({ file, ...result.error });
      failed.add(slug);
      delete pages[slug];
      return;
    }
    for (const w of result.warnings) if (!w.hint) warnings.push({ file, ...w });
  });

  // 4. The files listing every issue, stale folders, the cache.
  const listed = entries.filter((e) => !failed.has(e.slug));
  site.themeCss = readFileSync(new URL('./theme.css', import.meta.url), 'utf8');
  site.feedItems = opts.feedItems;
  site.copyright = '';
  site.fallbackDate = new Date(0);
  site.search = opts.search; // issue 26: the archive page shows the search box
  const content = new Map();
  for (const entry of listed.slice(0, opts.feedItems)) {
    content.set(entry.slug, absolutizeHtml(articleOf(readFileSync(join(out, entry.slug, ISSUE_FILES.page), 'utf8')), entry.url));
  }
  const feedTexts = feeds(listed, content, site);
  const siteTexts = {
    'index.html': archivePage(listed, site),
    'feed.xml': feedTexts.rss,
    'atom.xml': feedTexts.atom,
    'feed.json': feedTexts.json,
    'sitemap.xml': sitemap(listed, site),
    'issues.json': issuesJson(listed, site),
  };
  const siteFilesWritten = Object.entries(siteTexts).filter(([name, text]) => writeIfChanged(join(out, name), text)).map(([name]) => name);

  const removed = Object.keys(cache.pages).filter((slug) => !(slug in pages) && !failed.has(slug));
  for (const slug of [...removed, ...failed]) removeIssueOutput(out, slug);

  writeFileSync(join(out, CACHE_FILE), JSON.stringify({ version: CACHE_VERSION, sources, pages }));

  // ---- issue 26: full-text search over the issue pages written (never drafts); build-search.js ----
  let search = null;
  if (opts.search) {
    search = await indexSite({
      out, force: opts.force,
      pages: listed.filter((e) => !e.draft).map((e) => ({ url: e.url, file: join(out, e.slug, ISSUE_FILES.page), key: pages[e.slug] })),
    });
  } else removeSearch(out);
  // ---- end issue 26 ----

  const byPosition = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);
  return {
    issues: listed.length,
    rendered: jobs.length - failed.size,
    unchanged: entries.length - jobs.length,
    removed: removed.length,
    drafts,
    siteFiles: siteFilesWritten,
    errors: errors.sort(byPosition),
    warnings: warnings.sort(byPosition),
    search, // issue 26
    milliseconds: Math.round(performance.now() - started),
  };
}
