// The raw-HTML containment check of tests/js/raw-html-containment.test.js with Chromium's own HTML
// parser (DOMParser) instead of parse5: seeded tag soup in every kind of block, rendered with allowHtml
// to web HTML and email; every node made from raw HTML stays inside the block it came from, and the
// renderer's own elements keep their structure. A failure names its seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium } from '../helpers/chromium.js';
import { loadBroadsheet } from '../helpers/repo.js';
import { containmentProblems, documentFor, fromDom, skeleton } from '../helpers/raw-html-soup.js';

const CASES = 800; // per format (parse5 runs 2,500 per format)
let browser;
let page;
let renderer;

before(async () => {
  const { createRenderer } = await loadBroadsheet();
  renderer = await createRenderer();
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
  test(`${format}: raw HTML from ${CASES} generated tag-soup documents stays in its block (Chromium)`, async () => {
    const failures = [];
    const wrap = (out) => (format === 'html' ? `<!doctype html><html><body>${out}</body></html>` : out);
    const render = (md) => wrap(renderer.render(md, { format, allowHtml: true, lint: false }).output);
    for (let first = 1; first <= CASES && failures.length < 3; first += 50) {
      const cases = [];
      for (let seed = first; seed < first + 50 && seed <= CASES; seed++) cases.push({ seed, ...documentFor(seed) });
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
