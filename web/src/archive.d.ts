/**
 * `broadsheet/archive`: the `<broadsheet-archive>` custom element, a publication's issues listed
 * newest first from the `issues.json` that `broadsheet build` writes, with a filter box and
 * "Show more". `broadsheet/element` defines it too. In Node nothing is defined; the markup
 * helpers still work there (the build uses them for its archive page).
 *
 * @example
 * ```html
 * <script type="module">import 'broadsheet/archive';</script>
 * <broadsheet-archive src="/issues.json" theme="auto" page-size="20"></broadsheet-archive>
 * ```
 *
 * @packageDocumentation
 */

/** The custom element's tag name, `'broadsheet-archive'`. */
export declare const TAG_NAME: 'broadsheet-archive';

/** One issue of `issues.json` (see docs/publishing.md for the whole file). */
export interface IssueIndexEntry {
  /** The issue's folder name in the site. */
  slug: string;
  /** The issue's page. */
  url: string;
  /** Its Markdown source, for `<broadsheet-issue src>`. */
  markdown?: string;
  /** Its email HTML. */
  email?: string;
  /** Its plain-text email. */
  text?: string;
  title: string;
  /** How lists name the issue, in its language: "Issue 17: Title". */
  label?: string;
  subtitle?: string;
  /** The `issue` number from the front matter; `issue_label` is it in the issue's language ("Numéro 17"). */
  issue?: number | string;
  issue_label?: string;
  /** `YYYY-MM-DD`; `date_label` is it as the issue's language writes it ("1er février 2026"). */
  date?: string;
  date_label?: string;
  preheader?: string;
  tags: string[];
  authors: string[];
  hero?: { src: string; alt?: string };
  lang?: string;
}

/** The `issues.json` file written by `broadsheet build`. */
export interface IssueIndex {
  version: 1;
  title: string;
  description: string;
  language: string;
  /** The site's words in its language, from the core (`issue_count`, `filter_issues`, `show_more`, `search_issues`…). */
  labels?: Record<string, string>;
  home_page_url: string;
  feeds: { rss: string; atom: string; json: string };
  /** Newest first. */
  issues: IssueIndexEntry[];
}

/** Escapes text for HTML content and double-quoted attribute values. */
export declare function escapeHtml(value: unknown): string;
/** The archive list's styles, on top of the default theme. */
export declare const ARCHIVE_CSS: string;
/** One `<li>` of the list: title link (a heading of `level`, default 2), number and date, preheader, tags. */
export declare function archiveItemHtml(entry: IssueIndexEntry, options?: { level?: number; labels?: Record<string, string> }): string;
/** The `<ol class="bs-archive-list">` of the entries, in the order given. */
export declare function archiveListHtml(entries: IssueIndexEntry[], options?: { level?: number; labels?: Record<string, string> }): string;
/** The entries matching every word of `query` in title, number, date, preheader or tags (case and accents ignored). */
export declare function filterIssues<T extends IssueIndexEntry>(entries: T[], query: string): T[];

/** The search box's styles, on top of the default theme. */
export declare const SEARCH_CSS: string;
/**
 * The full-text search box: label, input, live status and results list. `bundle`: the Pagefind folder's
 * URL (`broadsheet build` writes SITE/pagefind/); `labels`: `search_issues`, `search_results` (with `{n}`),
 * `search_no_results` (English when absent); `hidden` for a box a script shows.
 */
export declare function searchBoxHtml(options: { id: string; bundle: string; labels?: Record<string, string>; hidden?: boolean }): string;
/** Loads the search (`load()` imports archive-search.js, which loads Pagefind) when the box is first focused. */
export declare function armSearch(box: Element, load: () => Promise<{ startSearch(box: Element, options?: { lang?: string }): Promise<void> }>, options?: { lang?: string }): void;

/** `detail` of the `broadsheet-search` event, fired by a search box when a search was answered. */
export interface BroadsheetSearchDetail {
  query: string;
  /** How many issues matched. */
  count: number;
}

/** `detail` of the `broadsheet-archive-load` event, fired when the index has been loaded and listed. */
export interface BroadsheetArchiveLoadDetail {
  /** How many issues the index holds. */
  count: number;
}

/**
 * `<broadsheet-archive>`. Attributes:
 * - `src`: URL of the site's `issues.json`; changing it loads the new index.
 * - `theme`: `light`, `dark` or `auto` (the default, follows `prefers-color-scheme`).
 * - `page-size`: how many issues are shown at first and added by "Show more" (default 20).
 * - `filter-label`, `more-label`: the filter box's label (`Filter issues`) and the button's text (`Show more`).
 * - `search`: adds a full-text search box over the site's Pagefind index: empty for `pagefind/` beside
 *   `src`, else the bundle folder's URL. Its words come from issues.json's `labels`. Pagefind is loaded
 *   only when the box is first focused.
 *
 * Parts: `frame`, `archive`, `filter`, `status`, `list`, `item`, `link`, `more`, `error`, and with `search`:
 * `search`, `search-input`, `search-status`, `search-results`. A failed load
 * fires `broadsheet-error` (`kind: 'fetch'`) and shows the message inside the element.
 */
export declare class BroadsheetArchiveElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The `src` attribute. */
  src: string;
  /** The issues loaded from `src`, newest first (empty before the load). */
  readonly issues: IssueIndexEntry[];
}

declare global {
  interface HTMLElementTagNameMap {
    'broadsheet-archive': BroadsheetArchiveElement;
  }
  interface HTMLElementEventMap {
    'broadsheet-archive-load': CustomEvent<BroadsheetArchiveLoadDetail>;
    'broadsheet-search': CustomEvent<BroadsheetSearchDetail>;
  }
}
