// <broadsheet-issue>: renders a Broadsheet issue into a shadow root, from `src` (fetched) or an
// inline <script type="text/markdown"> child, or shows an issue rendered ahead of time without loading the
// core at all: one in its light DOM (an <article class="bs-issue">), or a page `broadsheet build` made,
// named by `src`, from the fragment the build wrote beside it (element-fragment.js). This file is its life
// cycle; where the issue comes from and how it is read are element-source.js's, how it is shown
// element-show.js's. See docs/widget.md and custom-elements.json for the attributes, events, custom
// properties and parts. Importing this module in Node (no DOM) defines nothing. tools/build.sh bundles it with its styles into dist/element.js; the
// WebAssembly path (element-render.js: the renderer, the core's glue, the worker) is a file of its own,
// imported only when Markdown must be rendered here, its wasm download started at the same moment.
import styles from './element-styles.js';
import { adoptStyles, sourceExcerpt, statusParagraph, tableOfContents } from './element-parts.js';
import { builtPage, fetchFragment, isTrusted, originsOf } from './element-fragment.js';
import { decorate, followInPageLink, outlineOf, parse, showInPieces } from './element-show.js';
import { fetchMarkdown, newestIssue, recentOptions, sourceOf } from './element-source.js';
// <broadsheet-archive> is archive.js's, and stays out of this file: every byte here is on the reader's
// critical path.

export const TAG_NAME = 'broadsheet-issue';

/** Markdown from this many UTF-16 units up is rendered in a worker, so the page stays responsive. */
export const WORKER_THRESHOLD = 32 * 1024;

// Written out in full so bundlers can see and emit it; the default core, as web.js names it.
const defaultWasm = () => new URL('./broadsheet-web.wasm', import.meta.url);
let rendererOptions = {};
let trustedOrigins = [];
let renderPath = null; // Promise of element-render.js, started once Markdown must be rendered

/**
 * Sets the options of the shared renderer: `{ wasm }` to host the core elsewhere (anything
 * createRenderer takes), `{ worker }` the URL of element-worker.js when it is not next to this module,
 * and `{ trustedOrigins }` the origins besides the page's own whose built pages' fragments may be shown.
 * Takes effect for the first render after the call.
 */
export function configure(options = {}) {
  const { trustedOrigins: trusted, ...rest } = options;
  rendererOptions = rest;
  trustedOrigins = originsOf(trusted);
  renderPath = null; // the next render starts element-render.js afresh with these options
}

/**
 * element-render.js, with the wasm's download started at the same moment (not after this file arrives),
 * so the page's requests stay three levels deep: page → element.js → renderer ‖ wasm ‖ issue.
 */
function wasmPath() {
  if (!renderPath) {
    const { wasm = defaultWasm() } = rendererOptions;
    const download = typeof wasm === 'string' || wasm instanceof URL ? fetch(new URL(wasm, document.baseURI)) : null;
    download?.catch(() => {}); // element-render.js retries and reports it
    const options = rendererOptions;
    const pending = import('./element-render.js').then((module) => {
      module.start(options, download);
      return module;
    });
    // Reported by the render that awaits it; a later one retries.
    pending.catch(() => { if (renderPath === pending) renderPath = null; });
    renderPath = pending;
  }
  return renderPath;
}

/** Starts the WebAssembly path's download early; its failure is reported by the render that awaits it. */
const startWasm = () => wasmPath().catch(() => {});

/**
 * Renders Markdown here, on the WebAssembly path (in its worker when big), with `::: recent` filled from
 * the site's index when the element names one (`src`: where the Markdown came from).
 */
async function renderHere(markdown, index, src) {
  const render = await wasmPath();
  return render.renderMarkdown(markdown, WORKER_THRESHOLD, await recentOptions(index, markdown, src, render.renderer));
}

/**
 * Adds the table of contents of the issue shown (its outline and labels) after the issue's header in
 * `content`, when the element's `toc` attribute asks for one.
 */
function addTableOfContents(content, element, { outline, labels }) {
  const article = content.querySelector('.bs-issue');
  const wanted = element.getAttribute('toc');
  if (!article || wanted === null || /^(off|false|no|0)$/i.test(wanted.trim())) return;
  const label = element.getAttribute('toc-label');
  // The page's own label is in the page's language (when it differs from the issue's); the default is in
  // the issue's.
  const host = element.closest('[lang]')?.getAttribute('lang') ?? '';
  const toc = tableOfContents(document, outline, {
    label: label || labels?.in_this_issue || 'In this issue',
    labelLang: (label || !labels?.in_this_issue) && host !== article.getAttribute('lang') ? host : '',
  });
  if (toc) {
    const header = article.querySelector(':scope > .bs-header');
    if (header) header.after(toc); else article.prepend(toc);
  }
}

/**
 * The error box for a failed load or render (`title` in the last issue's language), with the source line
 * under it for an error at a line of `markdown`, and the broadsheet-error event's detail.
 */
function errorBox(error, markdown, title) {
  const line = Number(error?.line) || 0;
  const column = Number(error?.column) || 0;
  const kind = error?.kind ?? (error?.name === 'BroadsheetError' ? (line > 0 ? 'front-matter' : 'input') : 'render');
  const box = document.createElement('div');
  box.className = 'error';
  box.part = 'error';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('p');
  heading.className = 'error-title';
  heading.textContent = title;
  const message = document.createElement('p');
  const reason = error?.reason ?? error?.message ?? String(error);
  message.textContent = line > 0 ? `Line ${line}, column ${column}: ${reason}` : reason;
  box.append(heading, message);
  const excerpt = line > 0 && markdown ? sourceExcerpt(markdown, line, column) : '';
  if (excerpt) {
    const pre = document.createElement('pre');
    pre.textContent = excerpt;
    box.append(pre);
  }
  return { box, detail: { error, kind, message: message.textContent, line, column } };
}

const OBSERVED = ['src', 'toc', 'link-target', 'toc-label', 'index', 'trusted-origins'];
const Base = globalThis.HTMLElement ?? class {};

export { PARTS } from './part-names.js';
export { OBSERVED as OBSERVED_ATTRIBUTES };

export class BroadsheetIssueElement extends Base {
  static get observedAttributes() { return OBSERVED; }

  #frame;
  #markdown = null; // set through the `markdown` property
  #loaded = null; // { key, markdown } of the last source read
  #generation = 0; // bumps on every render request; stale results are dropped
  #abort = null;
  #scheduled = false;
  #observer = null;
  #shown = null; // { key, html | article, outline }: what the frame shows, kept to re-decorate it
  #prerendered = false; // the frame shows the issue found in the light DOM, not a render
  #errorLabel = null; // the error box's title in the language of the last issue shown

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, styles);
    this.#frame = document.createElement('div');
    this.#frame.className = 'frame';
    this.#frame.part = 'frame';
    root.append(this.#frame);
    root.addEventListener('click', (event) => followInPageLink(event, root));
  }

  connectedCallback() {
    // A property set before this module loaded sits on the instance, hiding the accessor: re-apply it.
    for (const name of ['src', 'markdown']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#adoptPrerendered();
    // Inline Markdown may still be parsing, or be edited later: watch it.
    this.#observer ??= new MutationObserver(() => { if (!this.src && this.#markdown === null) this.#schedule(); });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#abort?.abort();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.isConnected) return;
    // Only a new source needs a new render; the rest re-decorates what is shown. New trusted origins may
    // change where the same source is read from.
    if (name === 'trusted-origins') this.#loaded = null;
    const newSource = name === 'src' || name === 'trusted-origins' || (name === 'index' && this.src === 'latest');
    if (!newSource && this.#shown) {
      const shown = this.#shown;
      this.#redecorate().then(() => { if (this.#shown === shown) this.#emit('broadsheet-render', shown.detail); });
    } else {
      this.#schedule();
    }
  }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }

  /** Markdown given directly; takes precedence over `src` and inline Markdown. `null` to unset. */
  get markdown() { return this.#markdown; }
  set markdown(value) {
    this.#markdown = value == null ? null : String(value);
    this.#schedule();
  }

  /** Renders again from the source (re-fetching `src`). Resolves when the render event has fired. */
  refresh() {
    this.#loaded = null;
    this.#prerendered = false;
    return this.#render();
  }

  /**
   * An issue rendered ahead of time (`broadsheet render FILE --fragment`) sits in the light DOM, where
   * readers without JavaScript and crawlers see it: it moves into the shadow root, themed, and stands
   * for the current source until that changes. No core is loaded for it.
   */
  #adoptPrerendered() {
    if (this.#shown) return;
    const article = this.querySelector(':scope > article.bs-issue');
    if (!article) return;
    this.#prerendered = true;
    const outline = outlineOf(article);
    this.#shown = {
      key: sourceOf(this, this.#markdown)?.key ?? null, article: article.cloneNode(true), outline, big: article.textContent.length >= WORKER_THRESHOLD,
      detail: { outline, meta: {}, warnings: [], prerendered: true },
    };
    // The article itself moves in (its images keep loading, nothing reflows); the clone is kept pristine
    // for re-decorating later.
    this.#redecorate(article);
    const { detail } = this.#shown;
    queueMicrotask(() => this.#emit('broadsheet-render', detail));
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  /** The origins whose fragments this element may show besides the page's own (configure() and the attribute). */
  #trusted() {
    return [...trustedOrigins, ...originsOf(this.getAttribute('trusted-origins') ?? '')];
  }

  /**
   * Reads the source: { key, fragment, base } for a built page whose fragment may be used, else
   * { key, markdown, url, base } (`url`: where the Markdown came from; `base`: the page its relative links
   * are relative to). Starts the WebAssembly path as soon as it is known to be needed, so the core
   * downloads and compiles while the Markdown is fetched.
   */
  async #load(source, current) {
    if (source.text !== undefined) {
      startWasm();
      return { key: source.key, markdown: source.text };
    }
    let { url } = source;
    if (source.latest) {
      this.setAttribute('aria-busy', 'true');
      url = await newestIssue(this.getAttribute('index'));
    }
    const page = builtPage(url);
    if (page && isTrusted(page.fragment, this.#trusted())) {
      const fragment = await fetchFragment(page.fragment, { signal: this.#newFetch().signal, trusted: this.#trusted() });
      if (fragment) return { key: source.key, fragment, base: page.page };
    }
    startWasm();
    const markdownUrl = page?.markdown ?? url;
    if (!current()) return null;
    const markdown = await fetchMarkdown(markdownUrl, this.#newFetch().signal);
    return { key: source.key, markdown, url: page?.page ?? markdownUrl, base: page?.page };
  }

  async #render() {
    const source = sourceOf(this, this.#markdown);
    if (this.#prerendered && (source?.key ?? null) === this.#shown.key) return; // still the issue shown
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    if (!source) {
      this.#shown = null;
      this.#showStatus('No issue to show: give this element a src attribute or an inline <script type="text/markdown">.');
      return;
    }
    let markdown;
    try {
      let loaded = this.#loaded;
      if (loaded?.key !== source.key) {
        if (!this.#frame.querySelector('.bs-issue')) this.#showStatus('Loading…');
        loaded = await this.#load(source, current);
        if (!current()) return;
        this.#loaded = loaded;
      } else if (!loaded.fragment) {
        startWasm();
      }
      let result;
      let big;
      if (loaded.fragment) {
        // Shown as the build rendered it: its lint warnings were the build's to report.
        result = { ...loaded.fragment, warnings: [] };
        big = result.output.length >= 2 * WORKER_THRESHOLD; // HTML runs to about twice its Markdown
      } else {
        markdown = loaded.markdown;
        result = await renderHere(markdown, this.getAttribute('index'), loaded.url ?? '');
        big = markdown.length >= WORKER_THRESHOLD;
      }
      if (!current()) return;
      this.#prerendered = false;
      const detail = { outline: result.outline, meta: result.meta, warnings: result.warnings, prerendered: Boolean(loaded.fragment) };
      this.#shown = { key: source.key, html: result.output, outline: result.outline, big, detail, labels: result.labels, base: loaded.base };
      this.#errorLabel = result.labels?.render_error || null; // the issue's language, for a later error
      await this.#redecorate();
      if (!current()) return;
      this.#emit('broadsheet-render', detail);
    } catch (error) {
      if (!current()) return;
      this.#shown = null;
      this.#prerendered = false;
      this.#showError(error, markdown);
    } finally {
      if (current()) this.removeAttribute('aria-busy');
    }
  }

  /** Aborts this element's earlier fetch, if any; the controller of the next one. */
  #newFetch() {
    this.#abort?.abort();
    this.setAttribute('aria-busy', 'true');
    return (this.#abort = new AbortController());
  }

  /**
   * Shows #shown with this element's parts, link target and table of contents applied. A big issue is
   * parsed and shown a piece per task (its sections are laid out as they come into view, element.css), so
   * no task blocks the page for long. Resolves once all of it is shown (or a newer show began).
   */
  async #redecorate(live = null) {
    const token = (this.#showing = {});
    const { html, article: prerendered, big = false, base } = this.#shown;
    this.#frame.classList.toggle('big', big);
    const decorated = (content) => decorate(content, { base, linkTarget: this.getAttribute('link-target') });
    if (big && !prerendered && await showInPieces(this.#frame, html, {
      decorate: decorated, shown: (frame) => addTableOfContents(frame, this, this.#shown), current: () => token === this.#showing,
    })) return;
    let content = document.createDocumentFragment();
    if (prerendered) content.append(live ?? prerendered.cloneNode(true));
    else content = parse(html);
    addTableOfContents(decorated(content), this, this.#shown);
    this.#frame.replaceChildren(content);
  }

  #showing = null; // the latest #redecorate call, which an earlier one's remaining pieces yield to

  #showStatus(text) {
    this.#frame.replaceChildren(statusParagraph(document, text));
  }

  #showError(error, markdown) {
    const { box, detail } = errorBox(error, markdown, this.#errorLabel ?? 'This issue could not be shown');
    this.#frame.replaceChildren(box);
    this.#emit('broadsheet-error', { ...detail, src: this.src || null });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (globalThis.customElements && !customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, BroadsheetIssueElement);
}
