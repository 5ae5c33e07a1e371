// Full-text search for `broadsheet build`: the issue pages indexed with Pagefind (npm `pagefind`, whose
// binary comes inside the package) through its Node API into SITE/pagefind/. Pagefind splits the index by
// each page's `<html lang>` (one index per language, Chinese and Japanese segmented into words) and reads
// the `data-pagefind-*` marks build-page.js writes. The reader's side is archive-search.js, copied into the
// bundle so the archive page can load it from the site itself.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle's folder in the site: no issue may take this name as its slug. */
export const SEARCH_DIR = 'pagefind';
/** The search module, inside the bundle (loaded by the archive page when its box is first focused). */
export const SEARCH_MODULE = 'broadsheet-search.js';
// What the last index was built from, beside the build's own cache (not to be published).
const KEY_FILE = '.broadsheet-search.json';
// Bumped when what is indexed, or how, changes: the next build then indexes again.
const SEARCH_VERSION = 1;
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

const sha1 = (data) => createHash('sha1').update(data).digest('hex');

// A section or story as the core writes it: the id on the wrapper, its heading first inside.
const WRAPPED_HEADING = /(<(?:section|article) class="bs-(?:section|story)" id="([^"]+)">\s*<h[2-6])(?=[\s>])/g;

/**
 * The page as Pagefind reads it. Pagefind makes sub-results (a result per section, linking to its anchor)
 * only from headings that have an id, and the core puts a section's or story's id on its `<section>` or
 * `<article>`: in the copy indexed, the heading takes its wrapper's id too, so a result links to
 * /slug/#the-big-story. The published page is not changed (one element per id).
 */
export const indexedHtml = (html) => html.replace(WRAPPED_HEADING, '$1 id="$2"');

/** Removes the bundle and its key: search turned off (`search: false`), so no stale index stays online. */
export function removeSearch(out) {
  rmSync(join(out, SEARCH_DIR), { recursive: true, force: true });
  rmSync(join(out, KEY_FILE), { force: true });
}

/**
 * Indexes the issue pages into OUT/pagefind/. `pages`: [{ url, file, key }] where `key` changes whenever
 * the page's file does (build.js's page key), so an unchanged site is not indexed again; any change, a
 * deleted issue included, indexes every page anew (Pagefind has no incremental mode, and a whole index
 * of 1,000 issues takes a few seconds: docs/performance-build.md). The new bundle is written beside the
 * old one and swapped in. Resolves to { indexed, languages, milliseconds }; throws when Pagefind fails.
 */
export async function indexSite({ out, pages, force = false }) {
  const started = performance.now();
  const moduleFile = new URL('./archive-search.js', import.meta.url);
  const key = sha1(JSON.stringify([SEARCH_VERSION, sha1(readFileSync(moduleFile)), pages.map((p) => [p.url, p.key])]));
  const dir = join(out, SEARCH_DIR);
  let previous = null;
  try { previous = JSON.parse(readFileSync(join(out, KEY_FILE), 'utf8')).key; } catch { /* first index */ }
  if (!force && previous === key && existsSync(join(dir, 'pagefind-entry.json')) && existsSync(join(dir, SEARCH_MODULE))) {
    return { indexed: 0, languages: [], milliseconds: Math.round(performance.now() - started) };
  }

  // Pagefind is an optional peer dependency (its binary is 13 MB, which the element's users need not
  // download), loaded here and only here: a build with search off never needs it.
  let pagefind;
  try {
    pagefind = await import('pagefind');
  } catch (error) {
    throw new Error(`search index: the pagefind package is missing (${error.code ?? error.message}): npm install pagefind@1.6.0, or build with --no-search`);
  }
  const fail = (what, errors) => { throw new Error(`search index: ${what}: ${errors.join('; ')} (build with --no-search to skip it)`); };
  const staging = join(out, '.pagefind-new'); // a dot: never an issue's slug
  rmSync(staging, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) fail('Pagefind did not start', errors);
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: indexedHtml(readFileSync(page.file, 'utf8')) });
      if (added.errors.length) fail(page.file, added.errors);
    }
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length) fail('writing the bundle', written.errors);
    // Pagefind's own search interfaces are not used (archive-search.js is ours): left out of the site.
    for (const name of readdirSync(staging)) if (UNUSED.test(name)) rmSync(join(staging, name));
    copyFileSync(moduleFile, join(staging, SEARCH_MODULE));
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await pagefind.close();
  }
  writeFileSync(join(out, KEY_FILE), JSON.stringify({ key }));
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  return { indexed: pages.length, languages: Object.keys(entry.languages ?? {}), milliseconds: Math.round(performance.now() - started) };
}
