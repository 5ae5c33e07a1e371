// Differential test of the raw-HTML path (issue 15, point 5): seeded tag soup in every kind of block,
// rendered with allowHtml to web HTML and email, parsed by two spec-following HTML parsers, parse5 in Node
// and Chromium's own (DOMParser): every element and text made from raw HTML stays inside the block it came
// from, and the renderer's own elements keep the structure they have without the soup. A failure names its
// seed. (The soup and the checker: tests/helpers/raw-html-soup.js.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'parse5';
import { launchChromium } from '../helpers/chromium.js';
import { loadBroadsheet } from '../helpers/repo.js';
import { containmentProblems, documentFor, fromDom, fromParse5, skeleton } from '../helpers/raw-html-soup.js';

const PARSE5_CASES = 2500; // per format
const CHROMIUM_CASES = 800; // per format: each batch goes through the browser

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

/** The renderer's output as a document: web HTML is a fragment, an email a whole page. */
const asDocument = (format, out) => (format === 'html' ? `<!doctype html><html><body>${out}</body></html>` : out);

// --- parse5 -------------------------------------------------------------------------------------------

function check(format, seed) {
  const { markdown, baseline, blocks } = documentFor(seed);
  const render = (md) => {
    const out = renderer.render(md, { format, allowHtml: true, lint: false }).output;
    return fromParse5(parse(asDocument(format, out)));
  };
  const tree = render(markdown);
  const problems = containmentProblems(tree, blocks);
  const expected = skeleton(render(baseline));
  if (skeleton(tree) !== expected) problems.push('the renderer\'s own elements changed structure');
  return problems.length ? `seed ${seed} (${format}): ${problems.slice(0, 3).join('; ')}\n${markdown}` : null;
}

for (const format of ['html', 'email']) {
  test(`${format}: raw HTML from ${PARSE5_CASES} generated tag-soup documents stays in its block (parse5)`, () => {
    const failures = [];
    for (let seed = 1; seed <= PARSE5_CASES && failures.length < 3; seed++) {
      const failure = check(format, seed);
      if (failure) failures.push(failure);
    }
    assert.deepEqual(failures, []);
  });
}

test('the issue\'s vectors stay in their block (parse5)', () => {
  const markdown = '## S\n\n::: sponsor\nBuy now <dt><div><dd>!\n:::\n\nAfter the sponsor.\n\n### Story\n\n' +
    'x <dt><div><div><div><dd>y\n\n- a <div><div><li>b\n\n## <li><div><li>x\n\nLast.\n';
  for (const format of ['html', 'email']) {
    const html = renderer.render(markdown, { format, allowHtml: true }).output;
    const tree = fromParse5(parse(asDocument(format, html)));
    const find = (node, text, path = []) => {
      if (node.text?.includes(text)) return path;
      for (const child of node.children || []) {
        const found = find(child, text, [...path, node]);
        if (found) return found;
      }
      return null;
    };
    const path = find(tree, 'After the sponsor.');
    assert.ok(path, format);
    if (format === 'html') assert.ok(!path.some((n) => n.cls === 'bs-sponsor'), 'the text after the sponsor is outside it');
    assert.ok(find(tree, 'Last.').some((n) => n.tag === 'section' || n.cls?.includes('bs-card')), format);
  }
});

test('the details pattern keeps its Markdown inside (web and email)', () => {
  const markdown = '<details>\n<summary>More</summary>\n\nHidden **text**\n\n</details>\n';
  const web = renderer.render(markdown, { allowHtml: true }).output.replace(/\n/g, '');
  assert.ok(web.includes('<details><summary>More</summary><p>Hidden <strong>text</strong></p></details>'), web);
  const email = renderer.render(markdown, { format: 'email', allowHtml: true }).output.replace(/\n/g, '');
  assert.match(email, /<details><summary>More<\/summary><p style="[^"]*">Hidden <strong>text<\/strong><\/p><\/details>/);
});

// --- Chromium -----------------------------------------------------------------------------------------

let browser;
let page;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
});

/** Parses each HTML document in Chromium and returns it as a plain tree. */
async function parseAll(documents) {
  return page.evaluate(({ documents, walker }) => {
    const fromDom = new Function(`return (${walker})`)();
    return documents.map((html) => fromDom(new DOMParser().parseFromString(html, 'text/html')));
  }, { documents, walker: fromDom.toString() });
}

for (const format of ['html', 'email']) {
  test(`${format}: raw HTML from ${CHROMIUM_CASES} generated tag-soup documents stays in its block (Chromium)`, async () => {
    const failures = [];
    const render = (md) => asDocument(format, renderer.render(md, { format, allowHtml: true, lint: false }).output);
    for (let first = 1; first <= CHROMIUM_CASES && failures.length < 3; first += 50) {
      const cases = [];
      for (let seed = first; seed < first + 50 && seed <= CHROMIUM_CASES; seed++) cases.push({ seed, ...documentFor(seed) });
      const trees = await parseAll(cases.flatMap((c) => [render(c.markdown), render(c.baseline)]));
      cases.forEach((c, i) => {
        const tree = trees[2 * i];
        const problems = containmentProblems(tree, c.blocks);
        if (skeleton(tree) !== skeleton(trees[2 * i + 1])) problems.push('the renderer\'s own elements changed structure');
        if (problems.length) failures.push(`seed ${c.seed}: ${problems.slice(0, 3).join('; ')}\n${c.markdown}`);
      });
    }
    assert.deepEqual(failures, []);
  });
}
