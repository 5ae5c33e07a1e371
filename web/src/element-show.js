// How <broadsheet-issue> shows an issue's HTML: parsed inert (never run: the core escapes raw HTML), its
// parts marked, its links pointed, and, for a big issue, parsed and put in place a piece at a time. What
// it needs of the HTML it reads from the parsed DOM, by the classes the core writes (part-names.js),
// never by cutting the HTML as a string.
import { PARTS } from './part-names.js';
import { resolveAgainst } from './element-fragment.js';

const PART_SELECTOR = Object.keys(PARTS).map((c) => `.${c}`).join(',');
// Link targets that stay in this browsing context; any other target opens a new one, cut off from the page.
const SAME_CONTEXT_TARGETS = /^_(self|parent|top)$/i;
// A piece of a big issue: this many characters of its HTML, parsed and shown in a task of its own.
const PIECE_CHARS = 8 * 1024;

/** The core's HTML as an inert fragment. */
export function parse(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/**
 * Marks the parts, makes relative links relative to `base` (a built page's, when given), and applies the
 * link target, in place.
 */
export function decorate(content, { base, linkTarget }) {
  if (base) resolveAgainst(content, base);
  for (const element of content.querySelectorAll(PART_SELECTOR)) {
    element.part.add(...[...element.classList].filter((c) => c in PARTS).map((c) => PARTS[c]));
  }
  if (linkTarget) {
    for (const link of content.querySelectorAll('a[href]')) {
      if (link.getAttribute('href').startsWith('#')) continue; // in-page links stay in the widget
      link.target = linkTarget;
      // A named or new browsing context must not reach back into this page (window.opener) nor learn its URL.
      if (!SAME_CONTEXT_TARGETS.test(linkTarget)) link.rel = [...new Set([...link.rel.split(/\s+/).filter(Boolean), 'noopener', 'noreferrer'])].join(' ');
    }
  }
  return content;
}

/** The outline of an issue already in the DOM: its section and story headings. */
export function outlineOf(article) {
  return [...article.querySelectorAll('h2.bs-section-title, h3.bs-story-title')].map((heading) => ({
    id: heading.id || heading.parentElement?.id || '',
    title: heading.textContent.trim(),
    level: heading.localName === 'h2' ? 2 : 3,
    kind: heading.localName === 'h2' ? 'section' : 'story',
  }));
}

/**
 * A big issue's HTML parsed and shown a piece at a time, each piece in a task of its own so the page
 * paints and handles input between. The browser's own parser, in an inert document written to
 * PIECE_CHARS at a time, finds where each element ends (nothing here reads the markup); what it has
 * finished moves into `target` (emptied first), decorated, and each element still open stands there as
 * a shallow copy that later pieces fill. `shown(target)` runs after the first piece; a piece is dropped
 * once `current()` turns false. Resolves to false, having shown nothing, where a parser cannot be
 * written to piece by piece (the caller parses the whole then).
 */
export async function showInPieces(target, html, { decorate, shown, current }) {
  const parsing = document.implementation.createHTMLDocument('');
  const copies = new WeakMap(); // element being parsed → its stand-in in the page
  // Moves the finished children of `parsed` (all of them once `done`; else all but the last, which may
  // be open) into its stand-in, recursing into the last.
  const settle = (parsed, done) => {
    const moving = document.createDocumentFragment();
    for (let node; (node = parsed.firstChild) && (done || node !== parsed.lastChild);) {
      if (copies.has(node)) settle(node, true), node.remove();
      else moving.append(node);
    }
    const open = done ? null : parsed.lastChild;
    if (open?.nodeType === 1 && !copies.has(open)) moving.append(copies.set(open, open.cloneNode(false)).get(open));
    copies.get(parsed).append(decorate(moving));
    if (open?.nodeType === 1) settle(open, false);
  };
  try {
    parsing.open();
    parsing.write(html.slice(0, PIECE_CHARS));
  } catch {
    return false;
  }
  if (!parsing.body?.firstChild) return false;
  copies.set(parsing.body, target);
  target.replaceChildren();
  for (let at = PIECE_CHARS; ; at += PIECE_CHARS) {
    const done = at >= html.length;
    if (done) parsing.close();
    settle(parsing.body, done);
    if (at === PIECE_CHARS) shown(target);
    if (done) return true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!current()) return true;
    parsing.write(html.slice(at, at + PIECE_CHARS));
  }
}

/** Fragment links point into the shadow root, which the browser's own scrolling cannot see: follows them there. */
export function followInPageLink(event, root) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const href = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute('href'))?.getAttribute('href');
  if (!href?.startsWith('#') || href.length < 2) return;
  let id;
  try { id = decodeURIComponent(href.slice(1)); } catch { return; }
  const destination = root.getElementById(id);
  if (!destination) return;
  event.preventDefault();
  if (!destination.hasAttribute('tabindex')) destination.setAttribute('tabindex', '-1');
  destination.scrollIntoView({ block: 'start' });
  destination.focus({ preventScroll: true });
}
