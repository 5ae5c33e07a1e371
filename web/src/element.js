// <broadsheet-issue>: renders a Broadsheet issue into a shadow root, from `src` (fetched) or an
// inline <script type="text/markdown"> child, or shows an issue rendered ahead of time without loading the
// core at all: one in its light DOM (an <article class="bs-issue">), or a page `broadsheet build` made,
// named by `src`, from the fragment the build wrote beside it (element-fragment.js). See docs/widget.md and
// custom-elements.json for the attributes, events, custom properties and parts. Importing this module in
// Node (no DOM) defines nothing. tools/build.sh bundles it with its styles into dist/element.js; the
// WebAssembly path (element-render.js: the renderer, the core's glue, the worker) is a file of its own,
// imported only when Markdown must be rendered here, its wasm download started at the same moment.
import styles from './element-styles.js';
import { adoptStyles, dedent, sourceExcerpt, statusParagraph, tableOfContents } from './element-parts.js';
import { builtPage, fetchFragment, isTrusted, originsOf, resolveAgainst } from './element-fragment.js';
// The `index` attribute's code (recent.js) is fetched only when an element has one; <broadsheet-archive> is
// archive.js's. Both stay out of this file: every byte here is on the reader's critical path.
const recent = () => import('./recent.js');

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

const OBSERVED = ['src', 'toc', 'link-target', 'toc-label', 'index', 'trusted-origins'];
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

  /** Where the issue comes from now, as a key that changes when the source changes. */
  #source() {
    if (this.#markdown !== null) return { key: `property:${this.#markdown}`, text: this.#markdown };
    if (this.src === 'latest') {
      // The newest issue of the site's index (`index="/issues.json"`).
      const index = this.getAttribute('index');
      return { key: `latest:${index ? new URL(index, document.baseURI).href : ''}`, latest: true };
    }
    if (this.src) return { key: `src:${new URL(this.src, document.baseURI).href}`, url: new URL(this.src, document.baseURI).href };
    const inline = this.querySelector(':scope > script[type="text/markdown"]');
    if (inline) return { key: `inline:${inline.textContent}`, text: dedent(inline.textContent) };
    return null;
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
      wasmPath().catch(() => {}); // reported when awaited
      return { key: source.key, markdown: source.text };
    }
    let { url } = source;
    if (source.latest) {
      const index = this.getAttribute('index');
      if (!index) throw Object.assign(new Error('src="latest" needs an index attribute (the site\'s issues.json)'), { kind: 'fetch' });
      this.setAttribute('aria-busy', 'true');
      const newest = (await (await recent()).loadIndex(new URL(index, document.baseURI).href).catch((cause) => {
        throw Object.assign(new Error(cause.message, { cause }), { kind: 'fetch' });
      })).issues[0];
      if (!newest) throw Object.assign(new Error(`${index} lists no issues`), { kind: 'fetch' });
      url = builtPage(newest.url) ? newest.url : newest.markdown;
      if (!url) throw Object.assign(new Error(`${index}: the newest issue has neither a page nor a Markdown URL`), { kind: 'fetch' });
    }
    const page = builtPage(url);
    if (page && isTrusted(page.fragment, this.#trusted())) {
      const fragment = await fetchFragment(page.fragment, { signal: this.#newFetch().signal, trusted: this.#trusted() });
      if (fragment) return { key: source.key, fragment, base: page.page };
    }
    wasmPath().catch(() => {}); // reported when awaited
    const markdownUrl = page?.markdown ?? url;
    if (!current()) return null;
    const markdown = await this.#fetch(markdownUrl);
    return { key: source.key, markdown, url: page?.page ?? markdownUrl, base: page?.page };
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
    try {
      let loaded = this.#loaded;
      if (loaded?.key !== source.key) {
        if (!this.#frame.querySelector('.bs-issue')) this.#showStatus('Loading…');
        loaded = await this.#load(source, current);
        if (!current()) return;
        this.#loaded = loaded;
      } else if (!loaded.fragment) {
        wasmPath().catch(() => {}); // reported when awaited
      }
      let result;
      let big;
      if (loaded.fragment) {
        // Shown as the build rendered it: its lint warnings were the build's to report.
        result = { ...loaded.fragment, warnings: [] };
        big = result.output.length >= 2 * WORKER_THRESHOLD; // HTML runs to about twice its Markdown
      } else {
        markdown = loaded.markdown;
        const render = await wasmPath();
        // `index="/issues.json"`: `::: recent` lists the issues before this one in the site's index (recent.js
        // finds it there from the core's reading of its front matter); the block as written if that fails.
        let options;
        const index = this.getAttribute('index');
        if (index) {
          const { meta } = (await render.renderer()).render(markdown, { summaryOnly: true });
          options = {
            recent: await recent().then(({ recentFromIndex }) =>
              recentFromIndex(new URL(index, document.baseURI).href, { src: loaded.url ?? '', meta })).catch(() => []),
          };
          if (!current()) return;
        }
        result = await render.renderMarkdown(markdown, WORKER_THRESHOLD, options);
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

  async #fetch(url) {
    const abort = this.#newFetch();
    let response;
    try {
      response = await fetch(url, { signal: abort.signal, headers: { Accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5' } });
    } catch (cause) {
      throw Object.assign(new Error(`Could not load ${url}: ${cause?.message ?? cause}`, { cause }), { kind: 'fetch', url });
    }
    if (!response.ok) {
      throw Object.assign(new Error(`Could not load ${url}: HTTP ${response.status} ${response.statusText}`.trim()), { kind: 'fetch', url, status: response.status });
    }
    return response.text();
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
    if (this.#shown?.base) resolveAgainst(content, this.#shown.base);
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
