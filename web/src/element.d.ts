/**
 * `broadsheet/element`: the `<broadsheet-issue>` custom element. Importing the module defines
 * it (in a browser; in Node nothing is defined).
 *
 * @example
 * ```html
 * <script type="module">import 'broadsheet/element';</script>
 * <broadsheet-issue src="/issues/42.md" theme="auto" toc></broadsheet-issue>
 * ```
 *
 * @packageDocumentation
 */
import type { BroadsheetError, CreateRendererOptions, OutlineEntry, Warning } from './index.js';

/** The custom element's tag name, `'broadsheet-issue'`. */
export declare const TAG_NAME: 'broadsheet-issue';

/** Markdown of this many UTF-16 code units or more is rendered in a worker, off the page's main thread. */
export declare const WORKER_THRESHOLD: number;

/** The attributes the element reacts to (its `observedAttributes`). */
export declare const OBSERVED_ATTRIBUTES: readonly string[];

/** The rendered issue's classes exposed as `::part()` names, class → part. */
export declare const PARTS: Readonly<Record<string, string>>;

/**
 * Options for the renderer shared by every widget on the page, for example `{ wasm }` to host
 * the WebAssembly core elsewhere. Call before the first widget renders (later calls take effect
 * at the next render).
 */
export declare function configure(options?: CreateRendererOptions & {
  /** URL of `element-worker.js` (issues of WORKER_THRESHOLD and more render there), when it is not next to element.js. */
  worker?: string | URL;
  /**
   * Origins (or URLs on them) besides the page's own whose built pages' pre-rendered fragments every
   * element may insert. A page `src` on any other origin is rendered from its Markdown.
   */
  trustedOrigins?: Iterable<string | URL> | string;
}): void;

/** `detail` of the `broadsheet-render` event, fired after every successful render. */
export interface BroadsheetRenderDetail {
  /** The issue's headings (sections, stories), in order. */
  outline: OutlineEntry[];
  /** The front matter's fields. */
  meta: Record<string, unknown>;
  /** Non-fatal problems found in the Markdown. */
  warnings: Warning[];
  /**
   * True when the element showed an issue rendered ahead of time, with no core loaded: pre-rendered in
   * its light DOM (then `outline` is read from the HTML, `meta` is empty), or a built page's fragment
   * (`outline` and `meta` as the build's render gave them). `warnings` is empty for both.
   */
  prerendered: boolean;
}

/** `detail` of the `broadsheet-error` event. The error is also shown inside the widget. */
export interface BroadsheetErrorDetail {
  /** The error: a {@link BroadsheetError} for front-matter and input errors, else an Error. */
  error: BroadsheetError | Error;
  /** `fetch`: `src` could not be loaded; `front-matter`: a front-matter error (with line and column); `input`: e.g. too large; `render`: the core could not be loaded or failed. */
  kind: 'fetch' | 'front-matter' | 'input' | 'render';
  /** The message shown in the widget. */
  message: string;
  /** 1-based line in the Markdown, or 0. */
  line: number;
  /** 1-based column in the Markdown, or 0. */
  column: number;
  /** The `src` attribute when the Markdown was fetched, else null. */
  src: string | null;
}

/**
 * `<broadsheet-issue>`. Attributes:
 * - `src`: URL of the Markdown to fetch; or of a page `broadsheet build` made (its folder URL ending in `/`,
 *   or an .html file in it), shown from the fragment the build wrote beside it (no WebAssembly) when that
 *   comes from the page's origin or a trusted one, else from its Markdown; or `latest` with `index`, the
 *   newest issue of the index. Changing it renders again.
 * - `theme`: `light`, `dark` or `auto` (the default, follows `prefers-color-scheme`).
 * - `toc`: present (or `on`) to show a table of contents from the outline; `off` to hide it.
 * - `toc-label`: the table of contents' label. Default `In this issue`.
 * - `link-target`: a `target` for links leaving the issue, e.g. `_blank`; any target but `_self`,
 *   `_parent` and `_top` adds `rel="noopener noreferrer"`.
 * - `index`: URL of a site's `issues.json` (from `broadsheet build`): `::: recent` lists the issues before this one.
 * - `trusted-origins`: origins, separated by spaces, whose built pages' fragments may be inserted besides the page's own.
 *
 * Without `src`, the Markdown is read from a `<script type="text/markdown">` child. An
 * `<article class="bs-issue">` child (pre-rendered, `broadsheet render FILE --fragment`) is shown at
 * once, without loading the core, until the source changes.
 */
export declare class BroadsheetIssueElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The `src` attribute. */
  src: string;
  /** Markdown given directly; takes precedence over `src` and inline Markdown. `null` to unset. */
  markdown: string | null;
  /** Renders again, re-fetching `src`. Resolves once the render or error event has fired. */
  refresh(): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'broadsheet-issue': BroadsheetIssueElement;
  }
  interface HTMLElementEventMap {
    'broadsheet-render': CustomEvent<BroadsheetRenderDetail>;
    'broadsheet-error': CustomEvent<BroadsheetErrorDetail>;
  }
}
