// Hostile Markdown never runs script: every vector of tests/fixtures/xss/vectors.json, rendered in every
// format (tests/helpers/formats.js) with and without allowHtml, is mounted in Chromium with alert, confirm and
// prompt trapped. Nothing may fire; no event handler, script-capable element or unsafe URL may survive; no
// generated id may clobber a DOM property; and DOMPurify run over the output must remove nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT, loadBroadsheet } from '../helpers/repo.js';
import { formatVariants } from '../helpers/formats.js';
import { launchChromium } from '../helpers/chromium.js';
import { domPropertyNames, mountAndCheck, trapDialogs } from '../helpers/xss-page.js';

const { vectors } = JSON.parse(readFileSync(join(FIXTURES, 'xss', 'vectors.json'), 'utf8'));
const DOMPURIFY = join(ROOT, 'node_modules', 'dompurify', 'dist', 'purify.min.js');
const BATCH = 48;

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

let browser;
let page;
const dialogs = [];

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}(${dialog.message()})`);
    dialog.dismiss().catch(() => {});
  });
  await page.addInitScript(trapDialogs);
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"><title>XSS corpus</title></head><body></body></html>');
  await page.addScriptTag({ path: DOMPURIFY });
});

after(async () => {
  await browser?.close();
});

/** Renders every vector in the given variants; a throw (e.g. a front-matter error) is a valid outcome. */
function renderAll(variants) {
  const cases = [];
  for (const vector of vectors) {
    for (const variant of variants) {
      let output;
      try {
        output = renderer.render(vector.markdown, variant.options).output;
      } catch (error) {
        if (error.name !== 'BroadsheetError') throw error;
        continue;
      }
      cases.push({ name: `${vector.category}/${vector.name} [${variant.name}]`, kind: variant.kind, output });
    }
  }
  return cases;
}

async function checkInBrowser(cases) {
  const problems = [];
  for (let i = 0; i < cases.length; i += BATCH) {
    problems.push(...await page.evaluate(mountAndCheck, cases.slice(i, i + BATCH)));
  }
  const fired = await page.evaluate(() => window.__fired ?? []);
  return { problems, fired };
}

test('the corpus has at least 100 vectors, each named once', () => {
  assert.ok(vectors.length >= 100, `only ${vectors.length} vectors`);
  const names = vectors.map((v) => `${v.category}/${v.name}`);
  assert.equal(new Set(names).size, names.length);
});

test('no vector runs script or leaves anything dangerous, in any safe format, with or without allowHtml', async () => {
  const variants = formatVariants().filter((v) => !v.trusted);
  const cases = renderAll(variants);
  assert.ok(cases.length >= vectors.length * variants.length * 0.9, `only ${cases.length} renders succeeded`);
  const { problems, fired } = await checkInBrowser(cases);
  assert.deepEqual(fired, [], 'a trapped dialog function was called');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.deepEqual(problems, []);
});

test('the checks catch what they look for (the same page, given hostile HTML directly)', async () => {
  const hostile = [
    { name: 'script', kind: 'html', output: '<script>alert("script")</script>' },
    { name: 'handler', kind: 'html', output: '<img src="x" onerror="alert(\'img\')">' },
    { name: 'url', kind: 'html', output: '<a href="java&#9;script:alert(1)">x</a>' },
    { name: 'clobber', kind: 'html', output: '<h2 id="cookie">x</h2>' },
    { name: 'json', kind: 'json', output: '{"document":{"href":"javascript:alert(1)"}}' },
  ];
  const { problems, fired } = await checkInBrowser(hostile);
  await page.evaluate(() => { window.__fired = []; });
  const flagged = new Set(problems.map((p) => p.name));
  for (const name of ['script', 'handler', 'url', 'clobber', 'json']) assert.ok(flagged.has(name), `${name} was not flagged`);
  assert.ok(fired.some((f) => f.includes('alert(img)')), `the trap did not see the onerror alert: ${fired}`);
  dialogs.length = 0;
});

test('generated ids avoid every DOM property name this browser has', async () => {
  const names = await page.evaluate(domPropertyNames);
  const markdown = names.map((name) => `## ${name}\n\n#### ${name}\n`).join('\n');
  const { outline, output } = renderer.render(markdown);
  const clobbering = outline.filter((entry) => names.includes(entry.id)).map((entry) => entry.id);
  assert.deepEqual(clobbering, [], 'src/core/dom_property_names.cpp needs these names');
  const { problems } = await checkInBrowser([{ name: 'all-names', kind: 'html', output }]);
  assert.deepEqual(problems, []);
});
