// The rendered issue, in a shadow root styled exactly like the <broadsheet-issue> widget (the package's
// theme plus the widget's frame, sized by its own width so the mobile toggle reads like a phone).
// Updates are keyed by the article's top-level children (header, intro, each section by id): only what changed is replaced, so
// typing in one section never rebuilds, flickers or moves the others.
import widgetCss from '../../dist/element-styles.js';

const htmlOf = new WeakMap(); // element -> the HTML it was built from

function keyOf(element, index) {
  if (element.id) return `#${element.id}`;
  return `${element.tagName.toLowerCase()}.${element.className}@${index}`;
}

/** The same key as keyOf, read from an element's HTML without parsing it. */
function chunkKey(chunk, index) {
  const tag = /^<([a-z]+)([^>]*)>/.exec(chunk);
  if (!tag) return `?@${index}`;
  const id = /\sid="([^"]*)"/.exec(tag[2]);
  if (id) return `#${id[1]}`;
  const className = /\sclass="([^"]*)"/.exec(tag[2]);
  return `${tag[1]}.${className ? className[1] : ''}@${index}`;
}

function parse(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

// The web HTML is `<article class="bs-issue" …>` whose children (the header, the intro, the sections; see
// src/render/html.cpp) each start on a line of their own with these exact start tags, which never occur
// nested: split it there, as text.
const TOP_LEVEL = /\n(?=<(?:header class="bs-header"|div class="bs-intro"|section class="bs-section")[\s>])/;

function splitArticle(html) {
  const open = html.indexOf('<article');
  const close = html.lastIndexOf('</article>');
  if (open !== 0 || close < 0) return null;
  const startEnd = html.indexOf('>', open) + 1;
  const inner = html.slice(startEnd, close).trim();
  const children = inner ? inner.split(TOP_LEVEL).map((chunk) => chunk.trim()) : [];
  return { startTag: html.slice(open, startEnd), children };
}

export class PreviewPane {
  #host;
  #root;
  #mount;        // where the current view is shown
  #article = null;
  #articleTag = '';
  #email = null;    // the email shown, re-shown when the dark toggle changes

  constructor(host) {
    this.#host = host;
    this.#root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `${widgetCss}\n.bs-issue{min-height:100%}\n` +
      '.bs-raw{margin:0;padding:1.5rem;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;' +
      'background:var(--bs-bg);color:var(--bs-fg);min-height:100%}\n' +
      '.bs-email{display:block;width:100%;min-height:80vh;border:0;background:#fff}';
    this.#mount = document.createElement('div');
    // The widget's rule for big issues (element.css), whatever the draft's size: sections laid out and
    // painted only near the viewport, so a keystroke costs the layout of what is on screen, not of the
    // whole draft (at 10 KiB the keystroke-to-preview median went from 18.5 to 13.9 ms, docs/performance.md).
    this.#mount.className = 'frame big';
    this.#root.append(style, this.#mount);
  }

  set dark(on) {
    this.#host.dataset.theme = on ? 'dark' : 'light';
    if (this.#email !== null) this.showEmail(this.#email);
  }

  /** Shows web HTML, replacing only the top-level parts that changed. */
  showHtml(html) {
    const parts = splitArticle(html);
    if (!parts) {
      this.#article = null;
      this.#replaceWith(parse(html));
      return;
    }
    if (!this.#article || this.#articleTag !== parts.startTag) {
      this.#article = parse(`${parts.startTag}</article>`).firstElementChild;
      this.#articleTag = parts.startTag;
      this.#replaceWith(this.#article);
    }
    // Unchanged parts keep their element (found by key and compared as strings: no parsing); changed
    // ones are parsed on their own.
    const article = this.#article;
    const existing = new Map();
    [...article.children].forEach((child, index) => existing.set(keyOf(child, index), child));
    const wanted = parts.children.map((chunk, index) => {
      const key = chunkKey(chunk, index);
      const old = existing.get(key);
      if (old && htmlOf.get(old) === chunk) return old;
      const element = parse(chunk).firstElementChild;
      htmlOf.set(element, chunk);
      return element;
    });
    wanted.forEach((child, index) => {
      if (article.children[index] !== child) article.insertBefore(child, article.children[index] ?? null);
    });
    while (article.children.length > wanted.length) article.lastElementChild.remove();
  }

  /** Shows a whole email document in a sandboxed frame (no scripts, no same-origin access). */
  showEmail(html) {
    const frame = document.createElement('iframe');
    frame.className = 'bs-email';
    frame.title = 'Email preview';
    frame.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    // Dark: the email's own dark palette, as a client in dark mode shows it. A sandboxed frame's
    // prefers-color-scheme does not follow the page's toggle, so the query is switched on in the document.
    const dark = this.#host.dataset.theme === 'dark';
    frame.srcdoc = dark ? html.replace(/@media \(prefers-color-scheme:\s*dark\)/g, '@media all') : html;
    this.#email = html;
    this.#article = null;
    this.#replaceWith(frame);
  }

  /** Shows text (plain text or JSON) as it is. */
  showText(text) {
    const pre = document.createElement('pre');
    pre.className = 'bs-raw';
    pre.textContent = text;
    this.#article = null;
    this.#replaceWith(pre);
  }

  /** The element of a section, story or heading id in the web view. */
  find(id) {
    return id ? this.#root.getElementById(id) : null;
  }

  #replaceWith(node) {
    if (node.tagName !== 'IFRAME') this.#email = null;
    this.#mount.replaceChildren(node);
  }
}
