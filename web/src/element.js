// <broadsheet-issue>: renders a Broadsheet issue into a shadow root, from `src` (fetched) or an
// inline <script type="text/markdown"> child, or shows the issue already rendered in its light DOM
// (an <article class="bs-issue">) without loading the core at all. See docs/widget.md and
// custom-elements.json for the attributes, events, custom properties and parts. Importing this
// module in Node (no DOM) defines nothing. tools/build.sh bundles it with web.js, index.js and the
// glue into dist/element.js, so the page's one script request is followed by the core and the
// issue, fetched in parallel.
import { BroadsheetError, compileWebCore, createRenderer } from './web.js';
import styles from './element-styles.js';
import { adoptStyles, dedent, sourceExcerpt, statusParagraph, tableOfContents } from './element-parts.js';
// The `index` attribute's code (recent.js) is fetched only when an element has one; <broadsheet-archive> is
// archive.js's. Both stay out of this file: every byte here is on the reader's critical path.
const recentFromIndex = (...args) => import('./recent.js').then((recent) => recent.recentFromIndex(...args));

export const TAG_NAME = 'broadsheet-issue';

/** Markdown from this many UTF-16 units up is rendered in a worker, so the page stays responsive. */
export const WORKER_THRESHOLD = 32 * 1024;

// One compiled core serves every widget on the page: one renderer on the main thread for small
// issues, one worker (handed the compiled module) for big ones. Each is made on first need.
let rendererOptions = {};
let sharedModule = null;
let sharedRenderer = null;
let sharedWorker = null;

/**
 * Sets the options of the shared renderer: `{ wasm }` to host the core elsewhere (anything
 * createRenderer takes), `{ worker }` the URL of element-worker.js when it is not next to this module.
 * Takes effect for the first render after the call.
 */
export function configure(options = {}) {
  rendererOptions = { ...options };
  workerUnavailable = false;
  sharedModule = null;
  sharedRenderer = null;
  sharedWorker?.terminate();
  sharedWorker = null;
}

/** The compiled core, fetched and compiled as one stream (a failure is forgotten, for a retry). */
function compiledCore() {
  sharedModule ??= compileWebCore(rendererOptions.wasm).catch((error) => {
    sharedModule = null;
    throw error;
  });
  return sharedModule;
}

function renderer() {
  sharedRenderer ??= compiledCore().then((wasm) => createRenderer({ wasm })).catch((error) => {
    sharedRenderer = null; // let a later render retry
    throw error;
  });
  return sharedRenderer;
}

/** Renders `markdown` in the shared worker; resolves to { output, outline, meta, warnings }. */
function renderInWorker(module, markdown, options) {
  if (!sharedWorker) {
    // Written out in full so bundlers can see the worker and bundle it; configure({ worker }) overrides it.
    const worker = rendererOptions.worker
      ? new Worker(rendererOptions.worker, { type: 'module', name: 'broadsheet-issue' })
      : new Worker(new URL('./element-worker.js', import.meta.url), { type: 'module', name: 'broadsheet-issue' });
    sharedWorker = { worker, pending: new Map(), next: 0, terminate: () => worker.terminate() };
    const fail = (message) => {
      for (const { reject } of sharedWorker?.pending.values() ?? []) reject(Object.assign(new Error(message), { workerFailed: true }));
      sharedWorker = null; // the next big issue starts a new worker
      worker.terminate();
    };
    worker.onmessage = ({ data }) => {
      const job = sharedWorker?.pending.get(data.id);
      if (!job) return;
      sharedWorker.pending.delete(data.id);
      if (data.ok) job.resolve(data);
      else {
        const { name, message, reason, line, column } = data.error;
        job.reject(name === 'BroadsheetError' ? new BroadsheetError(reason ?? message, line, column) : new Error(message));
      }
    };
    worker.onerror = (event) => { event.preventDefault?.(); fail(`Broadsheet: the render worker failed: ${event.message ?? 'could not start'}`); };
  }
  const { worker, pending } = sharedWorker;
  const id = ++sharedWorker.next;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, module, markdown, options });
  });
}

let workerUnavailable = false; // the worker script could not start (say, a bundler left it behind)

/** Renders on the main thread or, for a big issue, in the worker; resolves to a result-like object. */
async function renderMarkdown(markdown, options) {
  if (markdown.length >= WORKER_THRESHOLD && typeof Worker === 'function' && !workerUnavailable) {
    const module = await compiledCore();
    try {
      return await renderInWorker(module, markdown, options);
    } catch (error) {
      if (!error.workerFailed) throw error;
      workerUnavailable = true; // render on the main thread from now on, rather than not at all
      console.warn(`${error.message}; rendering on the main thread (see configure({ worker }))`);
    }
  }
  return (await renderer()).render(markdown, options);
}

// Where the issue's top-level sections start, and a table body's rows, in the core's HTML (escaped
// text cannot contain either; tables do not nest in Markdown).
const SECTION_START = '<section class="bs-section"';
const TBODY_OPEN = '<tbody>\n';
const TBODY_CLOSE = '</tbody>';
const ROW_START = '<tr>';
const PIECE_CHARS = 8 * 1024;

/**
 * A big issue's HTML in pieces of about PIECE_CHARS: the article without its sections (header, intro,
 * its closing tag), then its sections in groups, each parsed and appended in a task of its own (a big
 * table's rows follow its section in groups of their own: see splitRows).
 */
function splitSections(html) {
  const start = html.indexOf(SECTION_START);
  const end = html.lastIndexOf('</article>');
  if (start < 0 || end < start) return [{ html }];
  const pieces = [{ html: html.slice(0, start) + html.slice(end) }];
  let from = start;
  while (from < end) {
    let to = html.indexOf(SECTION_START, from + PIECE_CHARS);
    if (to < 0 || to > end) to = end;
    pieces.push(...splitRows(html.slice(from, to)));
    from = to;
  }
  return pieces;
}

/**
 * A group of sections, then the rows of each table body over PIECE_CHARS as pieces of their own
 * ({ html, into: k }, for the body left empty and marked data-bs-rows="k").
 */
function splitRows(html) {
  const rows = [];
  let kept = '';
  let from = 0;
  for (let open = html.indexOf(TBODY_OPEN); open >= 0; open = html.indexOf(TBODY_OPEN, from)) {
    const inner = open + TBODY_OPEN.length;
    const close = html.indexOf(TBODY_CLOSE, inner);
    if (close < 0) break;
    if (close - inner > PIECE_CHARS) {
      const into = rows.length ? rows.at(-1).into + 1 : 0;
      kept += `${html.slice(from, open)}<tbody data-bs-rows="${into}">\n`;
      for (let at = inner; at < close;) {
        let next = html.indexOf(ROW_START, at + PIECE_CHARS);
        if (next < 0 || next > close) next = close;
        rows.push({ html: html.slice(at, next), into });
        at = next;
      }
    } else {
      kept += html.slice(from, close);
    }
    from = close;
  }
  return [{ html: kept + html.slice(from) }, ...rows];
}

/** The outline of an issue already in the DOM: its section and story headings. */
function outlineOf(article) {
  return [...article.querySelectorAll('h2.bs-section-title, h3.bs-story-title')].map((heading) => ({
    id: heading.id || heading.parentElement?.id || '',
    title: heading.textContent.trim(),
    level: heading.localName === 'h2' ? 2 : 3,
    kind: heading.localName === 'h2' ? 'section' : 'story',
  }));
}

// Classes of the rendered HTML exposed as ::part() names, so a page can style them from outside.
const PARTS = {
  'bs-issue': 'issue', 'bs-header': 'header', 'bs-publication': 'publication', 'bs-title': 'title',
  'bs-subtitle': 'subtitle', 'bs-byline': 'byline', 'bs-tags': 'tags', 'bs-hero': 'hero',
  'bs-intro': 'intro', 'bs-section': 'section', 'bs-section-title': 'section-title', 'bs-story': 'story',
  'bs-story-title': 'story-title', 'bs-sponsor': 'sponsor', 'bs-callout': 'callout', 'bs-cta': 'cta',
  'bs-button': 'button', 'bs-figure': 'figure', 'bs-table': 'table',
};
const PART_SELECTOR = Object.keys(PARTS).map((c) => `.${c}`).join(',');
// Link targets that stay in this browsing context; any other target opens a new one, cut off from the page.
const SAME_CONTEXT_TARGETS = /^_(self|parent|top)$/i;

const OBSERVED = ['src', 'toc', 'link-target', 'toc-label', 'index'];
const Base = globalThis.HTMLElement ?? class {};

export { PARTS, OBSERVED as OBSERVED_ATTRIBUTES };

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
    root.addEventListener('click', (event) => this.#followInPageLink(event));
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
    // Only a new source needs a new render; the rest re-decorates what is shown.
    if (name !== 'src' && this.#shown) {
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
      key: this.#source()?.key ?? null, article: article.cloneNode(true), outline, big: article.textContent.length >= WORKER_THRESHOLD,
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

  /** Where the Markdown comes from now, as a key that changes when the source changes. */
  #source() {
    if (this.#markdown !== null) return { key: `property:${this.#markdown}`, text: this.#markdown };
    if (this.src) return { key: `src:${new URL(this.src, document.baseURI).href}`, url: this.src };
    const inline = this.querySelector(':scope > script[type="text/markdown"]');
    if (inline) return { key: `inline:${inline.textContent}`, text: dedent(inline.textContent) };
    return null;
  }

  async #render() {
    const source = this.#source();
    if (this.#prerendered && (source?.key ?? null) === this.#shown.key) return; // still the issue shown
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    if (!source) {
      this.#shown = null;
      this.#showStatus('No issue to show: give this element a src attribute or an inline <script type="text/markdown">.');
      return;
    }
    let markdown;
    // Fetch and compile the core while the Markdown is fetched, not after. (The main thread's renderer
    // is started once the Markdown's size says it is needed: a big issue renders in the worker.)
    compiledCore().catch(() => {}); // reported when awaited below
    try {
      if (this.#loaded?.key === source.key) {
        markdown = this.#loaded.markdown;
      } else {
        if (!this.#frame.querySelector('.bs-issue')) this.#showStatus('Loading…');
        markdown = source.text ?? await this.#fetch(source.url, current);
        if (!current()) return;
        this.#loaded = { key: source.key, markdown };
      }
      // `index="/issues.json"`: `::: recent` lists the issues before this one in the site's index (recent.js
      // finds it there from the core's reading of its front matter); the block as written if that fails.
      let options;
      const index = this.getAttribute('index');
      if (index) {
        const src = source.url ? new URL(source.url, document.baseURI).href : '';
        const { meta } = (await renderer()).render(markdown, { summaryOnly: true });
        const recent = await recentFromIndex(new URL(index, document.baseURI).href, { src, meta }).catch(() => []);
        if (!current()) return;
        options = { recent };
      }
      const result = await renderMarkdown(markdown, options);
      if (!current()) return;
      this.#prerendered = false;
      const detail = { outline: result.outline, meta: result.meta, warnings: result.warnings, prerendered: false };
      this.#shown = {
        key: source.key, html: result.output, outline: result.outline, big: markdown.length >= WORKER_THRESHOLD, detail,
        labels: result.labels,
      };
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

  async #fetch(url, current) {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.setAttribute('aria-busy', 'true');
    let response;
    try {
      response = await fetch(url, { signal: abort.signal, headers: { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5' } });
    } catch (cause) {
      throw Object.assign(new Error(`Could not load ${url}: ${cause?.message ?? cause}`, { cause }), { kind: 'fetch', url });
    }
    if (!response.ok) {
      throw Object.assign(new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim()), { kind: 'fetch', url, status: response.status });
    }
    const text = await response.text();
    return current() ? text : '';
  }

  /**
   * Shows #shown with this element's parts, link target and table of contents applied. A big issue
   * goes in a few sections per task (its sections are laid out as they come into view, element.css),
   * so no task blocks the page for long. Resolves once all of it is shown (or a newer show began).
   */
  async #redecorate(live = null) {
    const token = (this.#showing = {});
    const { html, article: prerendered, outline, big = false, labels } = this.#shown;
    this.#frame.classList.toggle('big', big);
    const [first, ...rest] = prerendered ? [null] : big ? splitSections(html) : [{ html }];
    let content;
    if (prerendered) {
      content = document.createDocumentFragment();
      content.append(live ?? prerendered.cloneNode(true));
      this.#decorate(content);
    } else {
      content = this.#parse(first.html);
    }
    const article = content.querySelector('.bs-issue');
    if (article && this.#tocEnabled()) {
      const toc = tableOfContents(document, outline, {
        label: this.getAttribute('toc-label') || labels?.in_this_issue || 'In this issue',
        // The page's own label is in the page's language; the default is in the issue's.
        labelLang: this.getAttribute('toc-label') || !labels?.in_this_issue ? this.#hostLang(article) : '',
      });
      if (toc) {
        const header = article.querySelector(':scope > .bs-header');
        if (header) header.after(toc); else article.prepend(toc);
      }
    }
    this.#frame.replaceChildren(content);
    let bodies = []; // the table bodies the latest sections left for their rows
    for (const piece of rest) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the page paint and handle input
      if (token !== this.#showing) return;
      const fragment = this.#parse(piece.html);
      if (piece.into !== undefined) {
        bodies[piece.into].append(fragment);
        continue;
      }
      bodies = [...fragment.querySelectorAll('tbody[data-bs-rows]')];
      for (const body of bodies) body.removeAttribute('data-bs-rows');
      article.append(fragment);
    }
  }

  #showing = null; // the latest #redecorate call, which an earlier one's remaining pieces yield to

  /** Rendered HTML as a decorated fragment. The core escapes raw HTML: untrusted Markdown never runs script. */
  #parse(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return this.#decorate(template.content);
  }

  /** Marks the parts, applies the link target and names the task checkboxes, in place. */
  #decorate(content) {
    for (const element of content.querySelectorAll(PART_SELECTOR)) {
      element.part.add(...[...element.classList].filter((c) => c in PARTS).map((c) => PARTS[c]));
    }
    this.#applyLinkTarget(content);
    return content;
  }

  #tocEnabled() {
    const value = this.getAttribute('toc');
    return value !== null && !/^(off|false|no|0)$/i.test(value.trim());
  }

  /** The language around the widget, when it differs from the issue's (for the TOC's own label). */
  #hostLang(article) {
    const host = this.closest('[lang]')?.getAttribute('lang') ?? '';
    return host && host !== article.getAttribute('lang') ? host : '';
  }

  #applyLinkTarget(content) {
    const target = this.getAttribute('link-target');
    if (!target) return;
    for (const link of content.querySelectorAll('a[href]')) {
      if (link.getAttribute('href').startsWith('#')) continue; // in-page links stay in the widget
      link.target = target;
      // A named or new browsing context must not reach back into this page (window.opener) nor learn its URL.
      if (!SAME_CONTEXT_TARGETS.test(target)) {
        const rel = new Set(link.rel.split(/\s+/).filter(Boolean));
        rel.add('noopener');
        rel.add('noreferrer');
        link.rel = [...rel].join(' ');
      }
    }
  }

  /** Fragment links point into the shadow root, which the browser's own scrolling cannot see. */
  #followInPageLink(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#') || href.length < 2) return;
    let id;
    try { id = decodeURIComponent(href.slice(1)); } catch { return; }
    const destination = this.shadowRoot.getElementById(id);
    if (!destination) return;
    event.preventDefault();
    if (!destination.hasAttribute('tabindex')) destination.setAttribute('tabindex', '-1');
    destination.scrollIntoView({ block: 'start' });
    destination.focus({ preventScroll: true });
  }

  #showStatus(text) {
    this.#frame.replaceChildren(statusParagraph(document, text));
  }

  #showError(error, markdown) {
    const line = Number(error?.line) || 0;
    const column = Number(error?.column) || 0;
    const kind = error?.kind ?? (error?.name === 'BroadsheetError' ? (line > 0 ? 'front-matter' : 'input') : 'render');
    const box = document.createElement('div');
    box.className = 'error';
    box.part = 'error';
    box.setAttribute('role', 'alert');
    const title = document.createElement('p');
    title.className = 'error-title';
    title.textContent = this.#errorLabel ?? 'This issue could not be shown';
    const message = document.createElement('p');
    const reason = error?.reason ?? error?.message ?? String(error);
    message.textContent = line > 0 ? `Line ${line}, column ${column}: ${reason}` : reason;
    box.append(title, message);
    const excerpt = line > 0 && markdown ? sourceExcerpt(markdown, line, column) : '';
    if (excerpt) {
      const pre = document.createElement('pre');
      pre.textContent = excerpt;
      box.append(pre);
    }
    this.#frame.replaceChildren(box);
    this.#emit('broadsheet-error', { error, kind, message: message.textContent, line, column, src: this.src || null });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}

if (globalThis.customElements && !customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, BroadsheetIssueElement);
}
