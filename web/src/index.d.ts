/**
 * Broadsheet: Markdown newsletters rendered by a C++ core (built on md4c)
 * compiled to WebAssembly. Works in Node 18+, browsers and workers.
 *
 * @example
 * ```js
 * import { createRenderer } from 'broadsheet';
 * const renderer = await createRenderer();
 * const { output, outline } = renderer.render('# Weekly\n\n## News\n');
 * ```
 *
 * @packageDocumentation
 */

/**
 * Output formats: an HTML fragment (or page with `standalone`), a JSON
 * document (schema: `broadsheet.schema.json` in this package), a whole
 * email HTML document (inline styles, 600-px tables), or plain text (the
 * email's text/plain part, wrapped at 78 columns, links numbered).
 * The core lists its formats once (src/render/formats.cpp); {@link Renderer.formats} reads that list, and a
 * test keeps this union equal to it.
 */
export type Format = 'html' | 'json' | 'email' | 'text';

/** Options for {@link Renderer.render}. Every field is optional. */
export interface RenderOptions {
  /** Output format. @defaultValue `'html'` */
  format?: Format;
  /** Strict CommonMark: no Broadsheet extensions, front matter or sections. @defaultValue `false` */
  commonmark?: boolean;
  /** With `format: 'html'`, a complete page (`<!doctype html>…`) instead of a fragment. @defaultValue `false` */
  standalone?: boolean;
  /** Pass raw HTML in the Markdown through instead of escaping it. @defaultValue `false` */
  allowHtml?: boolean;
  /** Prefix for every generated `id` attribute (for several documents on one page). @defaultValue `''` */
  idPrefix?: string;
  /** Largest input accepted, in UTF-8 bytes; `0` means the core's default limit. @defaultValue `0` */
  maxInputBytes?: number;
  /**
   * Largest output, in UTF-8 bytes; `0` means the core's default, 16 × the input's bytes + 1 MiB. A render
   * whose output would be larger throws a `BroadsheetError` ("the output is over the limit of N bytes …")
   * instead of returning it. @defaultValue `0`
   */
  maxOutputBytes?: number;
  /**
   * Add the newsletter lint warnings (missing alt text, vague link text, preheader and title length,
   * skipped heading levels, duplicate or empty sections, http: links, unknown front-matter keys,
   * an email over 102 KB) to `warnings`. @defaultValue `true`
   */
  lint?: boolean;
  /**
   * With `format: 'email'` or `'text'`, the unsubscribe link's URL, for example your email service's
   * merge tag. It is written as given (not percent-encoded), after the same URL check as links.
   * @defaultValue `''`: the placeholder `{{unsubscribe_url}}`, for the sender to replace
   */
  unsubscribeUrl?: string;
  /**
   * Overrides of the words Broadsheet writes itself, by key: `{ in_this_issue: 'Inside', sponsored: 'Partner' }`.
   * The others come from the table of the issue's `lang` (front matter). Keys: `sponsored`, `in_this_issue`,
   * `view_in_browser`, `read_on_web`, `unsubscribe`, `issue_number` ("Issue {n}"), `byline` ("By {authors}"),
   * `and`, `list_separator`, `colon`, `photo_credit` ("Photo: {credit}"), `tags`, `task`, `links`, `note`,
   * `tip`, `important`, `warning`, `caution`, `notes`, `footnote_ref`, `footnote_back`, `recent_issues`,
   * `newsletter_issue`, `render_error`, and for `broadsheet build`'s pager `previous_issue`, `next_issue`,
   * `all_issues`, `rss_feed`, `more_issues`; for the archive `issue_count_one`, `issue_count`, `matching_issues`,
   * `filter_issues`, `show_more`, `search_issues`, `search_results`, `search_no_results`,
   * `archive_description`; for the text format `image` ("Image: {alt}") and `no_description`. An unknown key
   * is a warning; an empty string hides the label.
   * @defaultValue none: every label from the language's table
   */
  labels?: Record<string, string>;
  /**
   * The issues before this one, newest first, for `::: recent {count=N}` blocks: each lists the first N
   * (3 by default) as links, written in the issue's language ("Issue 17: Title"). Only safe URLs are linked.
   * @defaultValue none: the blocks show only what the writer put in them
   */
  recent?: RecentIssue[];
  /**
   * Read the issue and return its `summary`, `meta` and parse warnings only: no output is written (a
   * publication reading its folder of issues). @defaultValue `false`
   */
  summaryOnly?: boolean;
  /** The language of an issue whose front matter has no `lang` (a publication's language). */
  defaultLang?: string;
  /** The `canonical_url` of an issue whose front matter has none (where a publication puts its page). */
  defaultCanonicalUrl?: string;
  /**
   * The `slug` of an issue whose front matter has none (`broadsheet build` gives its file's name); checked
   * like a `slug` key, into `summary.errors`.
   */
  defaultSlug?: string;
}

/** An issue a `::: recent` block lists. */
export interface RecentIssue {
  url: string;
  title: string;
  /** The issue's number ("17"), or empty. */
  number?: string;
  /** YYYY-MM-DD, or empty. */
  date?: string;
}

/**
 * What a publication needs of an issue, decided by the core (docs/publishing.md): `broadsheet build`, the
 * archive and `::: recent` read it instead of the Markdown.
 */
export interface IssueSummary {
  /**
   * The title as every format shows it: the front matter's `title`, else the leading `#` heading, else the
   * `publication`, else "Newsletter issue" in the issue's language.
   */
  title: string;
  /** How a list of issues names it, in its language: "Issue 17: Title" (the title alone without a number). */
  label: string;
  subtitle: string;
  publication: string;
  preheader: string;
  /** The issue's number as written ("17"), or empty; `number_label` is it in the issue's language ("Numéro 17"). */
  number: string;
  number_label: string;
  /** A real calendar day written YYYY-MM-DD, else empty; `date_label` is it in the issue's language. */
  date: string;
  date_label: string;
  /** `draft: true`, or a `draft` that is not a YAML boolean (never published by mistake). */
  draft: boolean;
  slug: string;
  tags: string[];
  authors: string[];
  /** The hero image when its URL is safe. */
  hero: { src: string; alt?: string; width?: number; height?: number } | null;
  /** The issue's web address when it is safe (front matter, else `defaultCanonicalUrl`). */
  canonical_url: string;
  lang: string;
  dir: string;
  /** How many issues the issue's `::: recent` blocks list at most (0 without one). */
  recent_count: number;
  /** What keeps the issue out of a publication (a `draft` or `date` the core cannot read), at its line. */
  errors: { line: number; column: number; message: string }[];
}

/** One heading of the document, in document order. */
export interface OutlineEntry {
  /** The `id` attribute given to the heading or section in the output. */
  id: string;
  /** The heading's text. */
  title: string;
  /** Heading level, 1 to 6. */
  level: number;
  /** What the heading opens (for example a section). */
  kind: string;
}

/** A problem that did not stop rendering. Line and column are 1-based. */
export interface Warning {
  /** 1-based line, or 0 for a warning about the whole output (the email size). */
  line: number;
  column: number;
  message: string;
  /** The lint rule that reported it, such as `'image-alt'`; absent for parse warnings. */
  rule?: string;
  /** `true` for a suggestion rather than a likely mistake (an unknown front-matter key). */
  hint?: boolean;
}

/**
 * The result of a render. `meta`, `outline` and `warnings` are parsed on
 * first access, so reading only `output` costs nothing extra.
 */
export interface RenderResult {
  /** The rendered document. */
  output: string;
  /** The front matter's fields (an empty object when there is none). */
  readonly meta: Record<string, unknown>;
  /** The document's headings. */
  readonly outline: OutlineEntry[];
  /** Non-fatal problems found in the input. */
  readonly warnings: Warning[];
  /**
   * The words a page around the output shows, in the issue's language (after the `labels` option):
   * `in_this_issue` (a table of contents' title), `render_error` (an error box's title), and the pager's
   * `previous_issue`, `next_issue`, `all_issues`, `rss_feed`, `more_issues` (`broadsheet build`).
   */
  readonly labels: Record<string, string>;
  /** What a publication needs of the issue; `null` in CommonMark mode. */
  readonly summary: IssueSummary | null;
  /** All four fields as a plain object. */
  toJSON(): { output: string; meta: Record<string, unknown>; outline: OutlineEntry[]; warnings: Warning[] };
}

/**
 * Thrown by {@link Renderer.render} when the input cannot be rendered: a
 * front-matter error (with its 1-based line and column in the file), or an
 * input over the size limit (line and column 0).
 *
 * The message is `LINE:COL: reason`, or just `reason` when line is 0.
 */
export declare class BroadsheetError extends Error {
  constructor(reason: string, line?: number, column?: number);
  readonly name: 'BroadsheetError';
  /** 1-based line of the problem, or 0 when it has no place in the file. */
  readonly line: number;
  /** 1-based column of the problem, or 0. */
  readonly column: number;
  /** The message without its position. */
  readonly reason: string;
}

/** A loaded WebAssembly core. Renders are synchronous. */
export interface Renderer {
  /**
   * Renders Markdown.
   *
   * @throws {@link BroadsheetError} for a front-matter error or an input over the size limit.
   * @throws TypeError for an unknown `format` or a non-string input.
   * @throws Error if the core crashed; the core is restarted, so the next call works.
   */
  render(markdown: string, options?: RenderOptions): RenderResult;
  /**
   * The core's memory, for diagnostics: `heapBytes` is what its allocator holds for live objects (flat
   * across renders: nothing leaks), `memoryBytes` the size of its WebAssembly memory (which never shrinks).
   */
  memoryUsage(): { heapBytes: number; memoryBytes: number };
  /** The formats this core renders, read from the core (a lean build may carry fewer than `Format`). */
  readonly formats: Format[];
  /** Frees the core's memory. The renderer cannot be used afterwards. */
  dispose(): void;
}

/** Options for {@link createRenderer}. */
export interface CreateRendererOptions {
  /**
   * Where the WebAssembly core comes from, for custom hosting: a URL, a URL
   * string, a file path (Node), the bytes, a fetch `Response`, or an already
   * compiled `WebAssembly.Module`. Defaults to the `broadsheet.wasm` next to
   * this module.
   */
  wasm?: URL | string | ArrayBuffer | ArrayBufferView | Response | WebAssembly.Module;
}

/**
 * Loads and starts the WebAssembly core.
 *
 * In Node without `wasm`, two cores, each started by the first render that needs it: `html` from the
 * web core, every other format, `commonmark` and an html render's lint `warnings` (when read) from the
 * full core, which then renders everything. Both write the same bytes. `memoryUsage()` adds up the cores
 * started. With `wasm`, and in browsers, one full core.
 *
 * Rejects with an Error naming what it tried to load, and from where, if
 * the core cannot be fetched, compiled or started.
 */
export declare function createRenderer(options?: CreateRendererOptions): Promise<Renderer>;
