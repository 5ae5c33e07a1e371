/**
 * `broadsheet/build`: a folder of issues becomes a site (Node only). The JS side of
 * `broadsheet build`; see docs/publishing.md for the files it writes.
 *
 * @example
 * ```js
 * import { buildSite } from 'broadsheet/build';
 * const report = await buildSite({ input: 'issues', out: 'site', baseUrl: 'https://example.com/news/' });
 * for (const e of report.errors) console.error(`${e.file}:${e.line}:${e.column}: ${e.message}`);
 * ```
 *
 * @packageDocumentation
 */

/** Options for {@link buildSite}. */
export interface BuildOptions {
  /** The folder of issues: every `*.md` in it (not in sub-folders; names starting with `.` are skipped). */
  input: string;
  /** The site folder, created if needed. Must not be `input`. */
  out: string;
  /**
   * Where the site is published, an absolute http(s) URL (a `/` is added at the end). Pages, feeds and the
   * index use absolute URLs under it; an issue without `canonical_url` gets `BASE/SLUG/`.
   */
  baseUrl: string;
  /** Include issues whose front matter says `draft: true`. @defaultValue `false` */
  drafts?: boolean;
  /** Include issues dated after `today`. @defaultValue `false` */
  future?: boolean;
  /** The build's date, YYYY-MM-DD: issues dated later are left out unless `future`. @defaultValue this machine's date */
  today?: string;
  /** The publication's name. @defaultValue the newest issue's `publication`, else the input folder's name */
  title?: string;
  /** The archive's and feeds' description. @defaultValue `Every issue of TITLE.` */
  description?: string;
  /** The site's language (archive, feeds), also given to issues without `lang`. @defaultValue the newest issue's `lang`, else `'en'` */
  lang?: string;
  /** How many issues (newest first) each feed carries, in full. @defaultValue `20` */
  feedItems?: number;
  /** Worker threads rendering pages; more than the cores are not started. @defaultValue one per core */
  jobs?: number;
  /** Render every page, ignoring what the last build left. @defaultValue `false` */
  force?: boolean;
  /** The emails' unsubscribe link (see the render option `unsubscribeUrl`). @defaultValue the `{{unsubscribe_url}}` placeholder */
  unsubscribeUrl?: string;
  /**
   * Full-text search: index the issue pages (never drafts) with Pagefind into `out/pagefind/` and put a
   * search box on the archive page. `false` leaves both out and removes an earlier index. @defaultValue `true`
   */
  search?: boolean;
  /** Called with (pages done, pages to render) as pages are rendered: for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** A problem in one issue, with its position in the file (line and column 0 when it has none). */
export interface BuildProblem {
  /** The issue's path. */
  file: string;
  line: number;
  column: number;
  message: string;
  /** For warnings: the lint rule, as in the render API. */
  rule?: string;
}

/** What {@link buildSite} did. */
export interface BuildReport {
  /** Issues in the site. */
  issues: number;
  /** Pages rendered by this build. */
  rendered: number;
  /** Pages left as they were (nothing they show changed). */
  unchanged: number;
  /** Issues removed from the site since the last build (their folders deleted). */
  removed: number;
  /** Drafts left out. */
  drafts: number;
  /** Issues dated after `today` left out. */
  future: number;
  /** Worker threads used at most. */
  jobs: number;
  /** Site-wide files written because their text changed (`index.html`, `feed.xml`, …). */
  siteFiles: string[];
  /** Issues left out: front-matter errors (a `draft` or `date` the core cannot read), slugs that cannot be used, clashes with files the build did not write, unreadable files. */
  errors: BuildProblem[];
  /** Warnings of the rendered pages (lint and parse warnings; hints left out), and files skipped (a symlink out of the folder). */
  warnings: BuildProblem[];
  /**
   * The search index (null with `search: false`): pages indexed by this build (0 when none changed, so
   * the index was kept), its languages (one index each; empty when kept), and the time indexing took.
   */
  search: { indexed: number; languages: string[]; milliseconds: number } | null;
  /** Wall-clock time of the build. */
  milliseconds: number;
}

/** The file, in `out`, where a build keeps what it needs to rebuild only what changed. */
export declare const CACHE_FILE: '.broadsheet-cache.json';

/** A bad option: nothing was read or written (the CLI exits 2). */
export declare class BuildUsageError extends TypeError {
  readonly name: 'BuildUsageError';
  readonly exitCode: 2;
}

/**
 * Builds the site. Bad issues never reject the promise: they are in `errors` and left out, and the rest
 * is built. Rejects for bad options (a BuildUsageError, before anything is touched), a site file the build
 * did not write, or a failure half way (the site is then left as the last build left it).
 */
export declare function buildSite(options: BuildOptions): Promise<BuildReport>;
