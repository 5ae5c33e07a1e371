// <broadsheet-issue>: renders a Broadsheet issue into a shadow root, from `src` (fetched) or an
// inline <script type="text/markdown"> child. See element.d.ts and the README for the attributes,
// events, custom properties and parts. Importing this module in Node (no DOM) defines nothing.
import { createRenderer } from './index.js';
import styles from './element-styles.js';
import { dedent, labelTaskCheckboxes, sourceExcerpt, tableOfContents } from './element-parts.js';
import { fillRecentFromIndex } from './recent.js'; // the `index` attribute (issue 17)
import './archive.js'; // defines <broadsheet-archive> too

export const TAG_NAME = 'broadsheet-issue';

// One renderer (one WebAssembly instance) serves every widget on the page.
let rendererOptions = {};
let sharedRenderer = null;

/**
 * Sets the options of the shared renderer (for example `{ wasm }` to host the core elsewhere).
 * Takes effect for the first render after the call.
 */
export function configure(options = {}) {
  rendererOptions = { ...options };
  sharedRenderer = null;
}

function renderer() {
  sharedRenderer ??= createRenderer(rendererOptions).catch((error) => {
    sharedRenderer = null; // let a later render retry
    throw error;
  });
  return sharedRenderer;
}

let sharedSheet = null; // one constructed stylesheet shared by every shadow root

function adoptStyles(root) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(styles);
    }
    root.adoptedStyleSheets = [sharedSheet];
  } else {
    const style = document.createElement('style');
    style.textContent = styles;
    root.append(style);
  }
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

const OBSERVED = ['src', 'toc', 'link-target', 'toc-label', 'index'];
const Base = globalThis.HTMLElement ?? class {};

export class BroadsheetIssueElement extends Base {
  static get observedAttributes() { return OBSERVED; }

  #frame;
  #markdown = null; // set through the `markdown` property
  #loaded = null; // { key, markdown } of the last source read
  #generation = 0; // bumps on every render request; stale results are dropped
  #abort = null;
  #scheduled = false;
  #observer = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
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
    if (previous !== value && this.isConnected) this.#schedule();
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
    return this.#render();
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
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    const source = this.#source();
    if (!source) {
      this.#showStatus('No issue to show: give this element a src attribute or an inline <script type="text/markdown">.');
      return;
    }
    let markdown;
    // Load the core while the Markdown is fetched, not after.
    const instance = renderer();
    instance.catch(() => {}); // reported when awaited below
    try {
      if (this.#loaded?.key === source.key) {
        markdown = this.#loaded.markdown;
      } else {
        if (!this.#frame.querySelector('.bs-issue')) this.#showStatus('Loading…');
        markdown = source.text ?? await this.#fetch(source.url, current);
        if (!current()) return;
        this.#loaded = { key: source.key, markdown };
      }
      const loaded = await instance;
      if (!current()) return;
      // `index="/issues.json"`: `::: recent` filled from the site's index (recent.js); left as written if it fails.
      const index = this.getAttribute('index');
      const rendered = index ? await fillRecentFromIndex(markdown, { indexUrl: new URL(index, document.baseURI).href, src: source.url ? new URL(source.url, document.baseURI).href : '', renderer: loaded }).catch(() => markdown) : markdown;
      if (!current()) return;
      const result = loaded.render(rendered);
      this.#show(result);
      this.#emit('broadsheet-render', { outline: result.outline, meta: result.meta, warnings: result.warnings });
    } catch (error) {
      if (!current()) return;
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

  #show(result) {
    const template = document.createElement('template');
    template.innerHTML = result.output; // the core escapes raw HTML: untrusted Markdown never runs script
    const content = template.content;
    for (const element of content.querySelectorAll(PART_SELECTOR)) {
      element.part.add(...[...element.classList].filter((c) => c in PARTS).map((c) => PARTS[c]));
    }
    this.#applyLinkTarget(content);
    labelTaskCheckboxes(content);
    const article = content.querySelector('.bs-issue');
    if (article && this.#tocEnabled()) {
      const toc = tableOfContents(document, result.outline, {
        label: this.getAttribute('toc-label') || 'In this issue',
        labelLang: this.#hostLang(article),
      });
      if (toc) {
        const header = article.querySelector(':scope > .bs-header');
        if (header) header.after(toc); else article.prepend(toc);
      }
    }
    this.#frame.replaceChildren(content);
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
      if (target === '_blank') {
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
    const status = document.createElement('p');
    status.className = 'status';
    status.part = 'status';
    status.setAttribute('role', 'status');
    status.textContent = text;
    this.#frame.replaceChildren(status);
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
    title.textContent = 'This issue could not be shown';
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
