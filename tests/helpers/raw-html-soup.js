// Generated tag soup for the raw-HTML containment tests (not a test file): seeded documents whose
// every block carries raw HTML, and a checker that every node made from raw HTML stays inside the
// block it came from. Used by tests/browser/raw-html-containment.test.js with parse5 and with Chromium's
// own parser. Trees are plain objects:
// { tag, cls, children } for elements, { text } for text.

const ALLOWED = ['a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'time', 'u', 'ul', 'var', 'wbr'];
// Weighted toward the elements with implied end tags and table rules, where the parser surprises.
const HOT = ['dt', 'dd', 'li', 'p', 'div', 'td', 'tr', 'th', 'table', 'tbody', 'a', 'b', 'h2', 'ul', 'dl', 'details',
  'summary', 'caption', 'colgroup', 'col', 'rt', 'ruby'];
const OFF_LIST = ['section', 'article', 'aside', 'main', 'script', 'select', 'option', 'form', 'button'];

/** mulberry32: a small seeded generator, so a failure names its seed. */
export function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

/** Tag soup for block `k`: raw elements carry class rK, raw text says wK. */
export function soup(rng, k, { newlines = false } = {}) {
  const parts = [];
  const n = 1 + rng.int(10);
  for (let i = 0; i < n; i++) {
    const roll = rng.next();
    if (roll < 0.45) parts.push(`<${rng.next() < 0.6 ? rng.pick(HOT) : rng.pick(ALLOWED)} class="r${k}">`);
    else if (roll < 0.7) parts.push(`</${rng.next() < 0.8 ? rng.pick(rng.next() < 0.6 ? HOT : ALLOWED) : rng.pick(OFF_LIST)}>`);
    else if (roll < 0.75) parts.push(`<${rng.pick(OFF_LIST)} class="r${k}">`);
    else if (roll < 0.95) parts.push(`w${k}`);
    else parts.push(newlines ? '\n' : ' ');
  }
  // A blank line would end the block: newlines stay single.
  return parts.join(rng.next() < 0.5 ? '' : ' ').replace(/\n\s*(?=\n)/g, '');
}

const FAMILIES = ['paragraph', 'item', 'heading', 'sponsor', 'cell', 'quote', 'html', 'link', 'emphasis'];

/**
 * One document: sections holding blocks of random families. Returns the Markdown with soup, the same
 * Markdown with the soup left out (the baseline: the renderer's own structure), and the block ids.
 */
export function documentFor(seed) {
  const rng = generator(seed);
  const withSoup = [];
  const without = [];
  const blocks = [];
  const add = (a, b = a) => {
    withSoup.push(a);
    without.push(b);
  };
  let k = 0;
  const sections = 1 + rng.int(3);
  for (let s = 0; s < sections; s++) {
    add(`## Section ${s}\n`);
    const count = 1 + rng.int(4);
    for (let i = 0; i < count; i++, k++) {
      const family = rng.pick(FAMILIES);
      const raw = soup(rng, k, { newlines: family === 'html' });
      blocks.push({ k, family });
      const at = (x) => `start${k} ${x} end${k}`;
      switch (family) {
        case 'paragraph': add(`${at(raw)}\n`, `${at('')}\n`); break;
        case 'item': add(`- ${at(raw)}\n- next${k}\n`, `- ${at('')}\n- next${k}\n`); break;
        case 'heading': add(`#### ${at(raw)}\n`, `#### ${at('')}\n`); break;
        case 'sponsor': add(`::: sponsor\n${at(raw)}\n:::\n`, `::: sponsor\n${at('')}\n:::\n`); break;
        case 'cell': add(`| h${k} |\n| - |\n| ${at(raw)} |\n`, `| h${k} |\n| - |\n| ${at('')} |\n`); break;
        case 'quote': add(`> ${at(raw)}\n`, `> ${at('')}\n`); break;
        case 'link': add(`[${at(raw)}](https://example.com/${k})\n`, `[${at('')}](https://example.com/${k})\n`); break;
        case 'emphasis': add(`*${at(raw)}* tail${k}\n`, `*${at('')}* tail${k}\n`); break;
        case 'html': // an HTML block (a raw container may hold the paragraph after it), then a closer
          add(`start${k}\n\n<div class="r${k}">${raw}\n\nend${k}\n\n</div>\n`, `start${k}\n\n<div class="r${k}">\n\nend${k}\n\n</div>\n`);
          break;
      }
      add('');
    }
  }
  return { markdown: withSoup.join('\n'), baseline: without.join('\n'), blocks };
}

const isRaw = (node) => node.tag && /(^| )r\d+( |$)/.test(node.cls || '');
const TABLE_PARTS = new Set(['tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col']);

/** Walks the tree, giving each node its ancestors. */
function walk(node, visit, ancestors = []) {
  visit(node, ancestors);
  if (node.children) for (const child of node.children) walk(child, visit, [...ancestors, node]);
}

// A node's "raw-made" status: it has an rK class, or it is a table part of a raw table (the sanitizer
// writes the implied <tbody>/<tr>/<td> without a class).
function rawMade(node, ancestors) {
  if (isRaw(node)) return true;
  if (!node.tag || !TABLE_PARTS.has(node.tag)) return false;
  for (let i = ancestors.length - 1; i >= 0; i--) if (ancestors[i].tag === 'table') return isRaw(ancestors[i]);
  return false;
}

// The nearest ancestor the renderer made.
function rendererParent(ancestors) {
  for (let i = ancestors.length - 1; i >= 0; i--) if (!rawMade(ancestors[i], ancestors.slice(0, i))) return ancestors[i];
  return null;
}

/** The renderer's own elements as a tree of tag names, raw-made elements transparent. */
export function skeleton(tree) {
  const build = (node, ancestors) => {
    const out = [];
    for (const child of node.children || []) {
      if (!child.tag) continue;
      const kids = build(child, [...ancestors, node]);
      if (rawMade(child, [...ancestors, node])) out.push(...kids);
      else out.push(`${child.tag}${child.cls && child.cls.startsWith('bs-') ? '.' + child.cls.split(' ')[0] : ''}(${kids.join(',')})`);
    }
    return out;
  };
  return build(tree, []).join(',');
}

/** Problems found in `tree` (the parsed output of documentFor(seed).markdown); empty when none. */
export function containmentProblems(tree, blocks) {
  const problems = [];
  const home = new Map(); // k → the renderer element that holds block k
  walk(tree, (node, ancestors) => {
    if (node.text === undefined) return;
    const m = /start(\d+)/.exec(node.text);
    if (!m || home.has(Number(m[1]))) return;
    const k = Number(m[1]);
    const family = blocks.find((b) => b.k === k)?.family;
    // For an HTML block, its block is the section or story around the paragraph "startK".
    home.set(k, family === 'html' ? ancestors[ancestors.length - 2] : rendererParent(ancestors));
  });
  walk(tree, (node, ancestors) => {
    let k;
    if (node.tag && isRaw(node)) k = Number(/r(\d+)/.exec(node.cls)[1]);
    else if (node.text !== undefined && /\b(?:w|end)(\d+)\b/.test(node.text)) k = Number(/\b(?:w|end)(\d+)\b/.exec(node.text)[1]);
    else return;
    const expected = home.get(k);
    if (!expected) return problems.push(`block ${k}: its start is missing`);
    const family = blocks.find((b) => b.k === k)?.family;
    if (family === 'html') {
      if (!ancestors.includes(expected)) problems.push(`block ${k} (html): ${node.tag || JSON.stringify(node.text)} left its section`);
    } else if (rendererParent(ancestors) !== expected) {
      problems.push(`block ${k} (${family}): ${node.tag ? `<${node.tag}>` : JSON.stringify(node.text)} is outside its block`);
    }
  });
  return problems;
}

/** A parse5 document (or element) as a plain tree. */
export function fromParse5(node) {
  if (node.nodeName === '#text') return { text: node.value };
  if (!node.tagName && !node.childNodes) return { text: '' };
  const cls = node.attrs?.find((a) => a.name === 'class')?.value;
  return { tag: node.tagName || node.nodeName, cls, children: (node.childNodes || []).map(fromParse5) };
}

/** The same, in a browser page: pass this function's source to page.evaluate. */
export function fromDom(node) {
  if (node.nodeType === 3) return { text: node.data };
  if (node.nodeType !== 1 && node.nodeType !== 9) return { text: '' };
  const cls = node.getAttribute?.('class') ?? undefined;
  return { tag: node.localName || '#document', cls, children: [...node.childNodes].map(fromDom) };
}
