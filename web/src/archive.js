// <broadsheet-archive src="/issues.json">: the list of a publication's issues, newest first, with a filter
// box and "Show more", in a shadow root styled by the default theme. The list's markup (archiveListHtml)
// is also the body of the archive page that `broadsheet build` writes, so the two always match.
// Importing this module in Node (no DOM) defines nothing. See archive.d.ts and docs/publishing.md.
import styles from './element-styles.js';
import { adoptStyles, statusParagraph } from './element-parts.js';
import { normalizeEntry } from './issue-index.js';

export const TAG_NAME = 'broadsheet-archive';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and double-quoted attributes. */
export const escapeHtml = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/**
 * The words of an index made without them (an issues.json written by hand or by an older build). An
 * index from `broadsheet build` carries every word in the site's language, from the core's locale
 * (`labels`), and its entries carry their dates and numbers as their own language writes them.
 */
const FALLBACK_LABELS = {
  issue_number: 'Issue {n}', tags: 'Tags', issue_count_one: '{n} issue', issue_count: '{n} issues',
  matching_issues: '{n} matching', filter_issues: 'Filter issues', show_more: 'Show more',
  search_issues: 'Search issues', search_results: '{n} results', search_no_results: 'No results',
};

/** The index's labels, each a string (anything else in the JSON falls back to the word above). */
export function labelsOf(json) {
  const given = json && typeof json.labels === 'object' ? json.labels : {};
  const labels = { ...FALLBACK_LABELS };
  for (const [key, value] of Object.entries(given ?? {})) if (typeof value === 'string') labels[key] = value;
  return labels;
}

/** A label with its one placeholder (`{n}`, `{title}`…) filled. */
const fill = (template, value) => String(template).replace(/\{[a-z]+\}/, String(value));

/** "12 issues", "1 issue", in the index's language. */
export const countLabel = (labels, n) => fill(n === 1 ? labels.issue_count_one : labels.issue_count, n);

/** Styles of the archive list, on top of the default theme (every colour from its --bs-* properties). */
export const ARCHIVE_CSS = `.bs-archive-list{list-style:none;padding:0;margin:0}
.bs-issue .bs-archive-list>li{border-top:1px solid var(--bs-border);padding:1.1rem 0;margin:0}
.bs-issue .bs-archive-title{font-size:1.3em;margin:0 0 .35rem}
.bs-issue .bs-archive-title a{text-decoration:none}
.bs-issue .bs-archive-title a:hover{text-decoration:underline}
.bs-issue .bs-archive-list .bs-byline{margin:0 0 .35rem}
.bs-issue .bs-archive-preheader{margin:0 0 .5rem}
.bs-issue .bs-archive-list .bs-tags{margin:0}
.bs-issue .bs-archive-tools{display:flex;flex-wrap:wrap;align-items:end;gap:.5rem 1rem;margin:0 0 1rem;font:.95rem/1.4 var(--bs-font-heading)}
.bs-issue .bs-archive-tools label{display:flex;flex-direction:column;gap:.25rem;font-weight:600}
.bs-issue .bs-archive-filter{font:inherit;font-weight:400;color:var(--bs-fg);background:var(--bs-bg);border:1px solid var(--bs-muted);border-radius:var(--bs-radius);padding:.45em .7em;min-width:min(18rem,100%)}
.bs-issue .bs-archive-count{color:var(--bs-muted);margin:0}
.bs-issue .bs-archive-more{font:600 1rem/1.2 var(--bs-font-heading);color:var(--bs-link);background:var(--bs-bg);border:1px solid var(--bs-link);border-radius:999px;padding:.6em 1.2em;margin-top:1rem;cursor:pointer}
.bs-issue .bs-archive-more[hidden]{display:none}
.bs-issue .bs-archive-links{font:.9rem/1.5 var(--bs-font-heading);color:var(--bs-muted)}`;

/** One issue of the list: title link (a heading of `level`), byline (number, date), preheader, tags. */
export function archiveItemHtml(entry, { level = 2, labels = FALLBACK_LABELS } = {}) {
  const byline = [];
  const number = entry.issue_label || (entry.issue ? fill(labels.issue_number, entry.issue) : '');
  if (number) byline.push(`<span class="bs-issue-number">${escapeHtml(number)}</span>`);
  if (entry.date) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? ` datetime="${escapeHtml(entry.date)}"` : '';
    byline.push(`<time class="bs-date"${iso}>${escapeHtml(entry.date_label || entry.date)}</time>`);
  }
  const tags = entry.tags?.length
    ? `<ul class="bs-tags" aria-label="${escapeHtml(labels.tags)}">${entry.tags.map((t) => `<li class="bs-tag">${escapeHtml(t)}</li>`).join('')}</ul>`
    : '';
  const title = escapeHtml(entry.title || entry.slug);
  const heading = entry.url ? `<a href="${escapeHtml(entry.url)}" part="link">${title}</a>` : title;
  return `<li part="item"><h${level} class="bs-archive-title">${heading}</h${level}>` +
    (byline.length ? `<p class="bs-byline">${byline.join(' · ')}</p>` : '') +
    (entry.preheader ? `<p class="bs-archive-preheader">${escapeHtml(entry.preheader)}</p>` : '') +
    `${tags}</li>`;
}

// ---- the full-text search box (its behaviour, archive-search.js, loads on first focus) ----

/** Styles of the search box and its results, every colour from the theme. */
export const SEARCH_CSS = `.bs-issue .bs-search{margin:0 0 1.25rem;font:.95rem/1.45 var(--bs-font-heading)}
.bs-issue .bs-search[hidden],.bs-issue .bs-search-results[hidden]{display:none}
.bs-issue .bs-search label{display:flex;flex-direction:column;gap:.25rem;font-weight:600}
.bs-issue .bs-search-input{font:inherit;font-weight:400;color:var(--bs-fg);background:var(--bs-bg);border:1px solid var(--bs-muted);border-radius:var(--bs-radius);padding:.45em .7em;min-width:min(24rem,100%)}
.bs-issue .bs-search-status{color:var(--bs-muted);margin:.35rem 0 0}
.bs-issue .bs-search-status:empty{display:none}
.bs-issue .bs-search-results{list-style:none;padding:0;margin:.5rem 0 0}
.bs-issue .bs-search-results>li{border-top:1px solid var(--bs-border);padding:.7rem 0;margin:0}
.bs-issue .bs-search-results a{font-weight:700;font-size:1.1em}
.bs-issue .bs-search-results .bs-byline,.bs-issue .bs-search-excerpt{margin:.25rem 0 0}
.bs-issue .bs-search-excerpt mark{color:var(--bs-fg);background:transparent;font-weight:700;text-decoration:underline;text-decoration-color:var(--bs-accent);text-decoration-thickness:.15em}`;

/**
 * The search box: label, input, a live status and the results list. `bundle` is the Pagefind folder's
 * URL; the words for the status ride along as data attributes for archive-search.js.
 */
export function searchBoxHtml({ id, bundle, labels = FALLBACK_LABELS, hidden = false }) {
  const word = (key) => escapeHtml(labels[key]);
  return `<div class="bs-search" role="search" part="search" data-bundle="${escapeHtml(bundle)}" data-results="${word('search_results')}" data-no-results="${word('search_no_results')}"${hidden ? ' hidden' : ''}>` +
    `<label for="${id}">${word('search_issues')}<input id="${id}" class="bs-search-input" part="search-input" type="search" autocomplete="off" spellcheck="false"></label>` +
    `<p class="bs-search-status" part="search-status" role="status" aria-live="polite"></p><ol class="bs-search-results" part="search-results" hidden></ol></div>`;
}

/** Starts the search on the box's first focus: `load()` imports archive-search.js (which loads Pagefind). */
export function armSearch(box, load, options) {
  box.querySelector('input').addEventListener('focus', () => {
    load().then((m) => m.startSearch(box, options), (error) => {
      box.querySelector('[role=status]').textContent = error?.message ?? String(error);
    });
  }, { once: true });
}

/** The `<ol>` of issues (newest first, as given). */
export const archiveListHtml = (entries, options) =>
  `<ol class="bs-archive-list" part="list">${entries.map((e) => archiveItemHtml(e, options)).join('')}</ol>`;

const fold = (text) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The text an issue is filtered on: title, number (both forms), date (both forms), preheader, tags. */
const searchText = (e) => fold([e.title, e.slug, e.issue, e.issue_label, e.date, e.date_label, e.preheader, ...e.tags].join('\n'));

/**
 * A filter over `entries` (normalized): the text of each is folded once, so a keystroke over 20,000 issues
 * is a scan of prepared strings. `match(query)` returns the entries matching every word (case and accents
 * ignored).
 */
export function issueFilter(entries) {
  const texts = entries.map(searchText);
  return (query) => {
    const words = fold(query).trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return entries;
    return entries.filter((e, i) => words.every((w) => texts[i].includes(w)));
  };
}

/** The entries matching every word of `query` (case and accents ignored). */
export const filterIssues = (entries, query) => issueFilter(entries)(query);

// ---------------------------------------------------------------------------
// The element

const ARCHIVE_ELEMENT_CSS = `${styles}\n${ARCHIVE_CSS}\n${SEARCH_CSS}\n.bs-search input:focus-visible,.bs-search-results a:focus-visible,.bs-archive-tools input:focus-visible,.bs-archive-more:focus-visible{outline:3px solid var(--bs-focus,var(--bs-link));outline-offset:2px}`;

const Base = globalThis.HTMLElement ?? class {};
let instances = 0;

export class BroadsheetArchiveElement extends Base {
  static get observedAttributes() { return ['src', 'page-size']; }

  #frame;
  #issues = [];
  #match = () => [];
  #labels = FALLBACK_LABELS;
  #matching = [];
  #shown = 0;
  #generation = 0;
  #ids;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root, ARCHIVE_ELEMENT_CSS);
    this.#ids = `bs-archive-${++instances}`;
    this.#frame = document.createElement('div');
    this.#frame.className = 'frame';
    this.#frame.part = 'frame';
    root.append(this.#frame);
  }

  connectedCallback() { this.#load(); }

  attributeChangedCallback(name, previous, value) {
    if (previous === value || !this.isConnected) return;
    if (name === 'src') this.#load();
    else this.#showPage(this.#pageSize());
  }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }

  /** The issues loaded from `src`, newest first. */
  get issues() { return this.#issues.map((e) => ({ ...e, tags: [...e.tags] })); }

  #pageSize() {
    const n = Number.parseInt(this.getAttribute('page-size') ?? '', 10);
    return n > 0 ? n : 20;
  }

  async #load() {
    const generation = ++this.#generation;
    if (!this.src) return this.#status('No archive to show: give this element a src attribute (the site\u2019s issues.json).');
    this.#status('Loading\u2026');
    this.setAttribute('aria-busy', 'true');
    try {
      const url = new URL(this.src, document.baseURI).href;
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`Could not load ${this.src}: HTTP ${response.status}`);
      const json = await response.json();
      if (!Array.isArray(json?.issues)) throw new Error(`${this.src} is not a Broadsheet issues.json (no "issues" list)`);
      if (generation !== this.#generation) return;
      this.#issues = json.issues.map((e) => normalizeEntry(e, url)).filter(Boolean);
      this.#match = issueFilter(this.#issues);
      this.#labels = labelsOf(json);
      this.#build(json, url);
      this.dispatchEvent(new CustomEvent('broadsheet-archive-load', { detail: { count: this.#issues.length }, bubbles: true, composed: true }));
    } catch (error) {
      if (generation !== this.#generation) return;
      const box = document.createElement('div');
      box.className = 'error';
      box.part = 'error';
      box.setAttribute('role', 'alert');
      box.textContent = error?.message ?? String(error);
      this.#frame.replaceChildren(box);
      this.dispatchEvent(new CustomEvent('broadsheet-error', { detail: { error, kind: 'fetch', message: box.textContent, line: 0, column: 0, src: this.src }, bubbles: true, composed: true }));
    } finally {
      if (generation === this.#generation) this.removeAttribute('aria-busy');
    }
  }

  #build(json, url) {
    const lang = typeof json.language === 'string' ? json.language : '';
    const container = document.createElement('div');
    container.className = 'bs-issue bs-archive';
    container.part = 'archive';
    if (lang && !this.closest('[lang]')) container.lang = lang;
    container.innerHTML = `<div class="bs-archive-tools">
<label for="${this.#ids}-filter">${escapeHtml(this.getAttribute('filter-label') || this.#labels.filter_issues)}<input id="${this.#ids}-filter" class="bs-archive-filter" part="filter" type="search" autocomplete="off"></label>
<p class="bs-archive-count" part="status" role="status" aria-live="polite"></p></div>
<ol class="bs-archive-list" part="list"></ol>
<button type="button" class="bs-archive-more" part="more">${escapeHtml(this.getAttribute('more-label') || this.#labels.show_more)}</button>`;
    this.#frame.replaceChildren(container);
    // `search` (a Pagefind folder's URL, else pagefind/ beside issues.json) adds the search box
    if (this.hasAttribute('search')) {
      const bundle = new URL(this.getAttribute('search') || 'pagefind/', url).href;
      container.insertAdjacentHTML('afterbegin', searchBoxHtml({ id: `${this.#ids}-search`, bundle, labels: this.#labels }));
      armSearch(container.querySelector('.bs-search'), () => import('./archive-search.js'), { lang: container.lang || this.closest('[lang]')?.lang || lang });
    }
    const input = container.querySelector('.bs-archive-tools input');
    input.addEventListener('input', () => this.#filter(input.value));
    container.querySelector('button').addEventListener('click', () => this.#showPage(this.#shown + this.#pageSize(), true));
    this.#filter('');
  }

  #filter(query) {
    this.#matching = this.#match(query);
    this.#shown = 0;
    this.shadowRoot.querySelector('.bs-archive-list').replaceChildren();
    this.#showPage(this.#pageSize());
  }

  /** Shows the first `count` matching issues; after "Show more", focus moves to the first new one. */
  #showPage(count, focusNew = false) {
    const list = this.shadowRoot.querySelector('.bs-archive-list');
    if (!list) return;
    const from = this.#shown;
    const end = Math.min(count, this.#matching.length);
    if (end > from) {
      const template = document.createElement('template');
      template.innerHTML = this.#matching.slice(from, end).map((e) => archiveItemHtml(e, { level: 2, labels: this.#labels })).join('');
      list.append(template.content);
    } else if (end < from) {
      while (list.children.length > end) list.lastElementChild.remove();
    }
    this.#shown = end;
    const total = this.#issues.length;
    const matching = this.#matching.length;
    // "12 issues", or "3 matching" while a filter is typed: the list itself shows how many are on screen.
    this.shadowRoot.querySelector('.bs-archive-count').textContent = matching === total && this.#matching === this.#issues
      ? countLabel(this.#labels, total)
      : fill(this.#labels.matching_issues, matching);
    this.shadowRoot.querySelector('.bs-archive-more').hidden = end >= matching;
    if (focusNew && end > from) list.children[from]?.querySelector('a')?.focus();
  }

  #status(text) {
    this.#frame.replaceChildren(statusParagraph(document, text));
  }
}

if (globalThis.customElements && !customElements.get(TAG_NAME)) {
  customElements.define(TAG_NAME, BroadsheetArchiveElement);
}
