// The client matrix: every example and fixture as email, as each mail client of web/src/email-clients.js
// shows it (what caniemail's data says the client drops, removed), rendered in Debian's Chromium at the
// client's screen widths with images blocked. Checked per view: no sideways scrolling, every word and
// link a reader sees in the email as sent is still there, a button still looks like one, a blocked
// image's alt text is readable. Whatever a client drops must be triaged (web/src/email-triage.js).
// Outlook on Windows and Windows Mail lay out with Word, which Chromium cannot imitate: the markup Word
// needs is checked instead.
// Identical views (clients that drop the same things) are rendered once; one browser, a few pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'parse5';
import { CLIENTS, checkEmail, clientView } from '../../web/src/email-clients.js';
import { TRIAGE } from '../../web/src/email-triage.js';
import { emailCorpus } from '../email-clients/corpus.js';
import { blockImages, pageFacts } from '../email-clients/page-facts.js';
import { launchChromium } from '../helpers/chromium.js';

const PAGES = 3;           // pages rendering at once (the machine's cores are shared)
const BATCH = 8;           // documents per round trip to a page
const REFERENCE_WIDTH = 600;

/**
 * What a render in light mode depends on: the dark rules (the prefers-color-scheme block, Outlook.com's
 * [data-ogs*] rules) never apply there, and `name`, `role` and `aria-label` change no pixel. Views equal
 * up to these are rendered once.
 */
const renderKey = (html, width) => `${width}\0${html
  .replace(/@media \(prefers-color-scheme:dark\)\{\n(?:[^\n]*\}\n)*?\}\n/g, '')
  .replace(/^\[data-ogs[bc]\][^\n]*\n/gm, '')
  .replace(/ (?:name|role|aria-label)="[^"]*"/g, '')}`;

let browser;
let corpus;
const reports = new Map();  // email name -> checkEmail() result
const facts = new Map();    // renderKey(html, width) -> pageFacts()

/**
 * Renders every distinct (html, width) once into `facts`: PAGES pages, each taking batches of documents of
 * one width, each document written into the page and read at once (one round trip per batch).
 */
async function renderAll(jobs) {
  const batches = [];
  const byWidth = new Map();
  for (const entry of jobs.entries()) byWidth.set(entry[1].width, [...(byWidth.get(entry[1].width) ?? []), entry]);
  for (const [width, list] of byWidth) {
    for (let i = 0; i < list.length; i += BATCH) batches.push({ width, list: list.slice(i, i + BATCH) });
  }
  const read = `(${pageFacts})`;
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: REFERENCE_WIDTH, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());  // nothing leaves the machine
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      await page.setViewportSize({ width: batch.width, height: 800 });
      const docs = batch.list.map(([, job]) => ({ html: blockImages(job.html), withText: job.withText }));
      const results = await page.evaluate(([list, fn]) => list.map(({ html, withText }) => {
        document.open();
        document.write(html);
        document.close();
        return (0, eval)(fn)(withText);
      }), [docs, read]);
      batch.list.forEach(([key], i) => facts.set(key, results[i]));
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: PAGES }, worker));
}

const timing = {};  // milliseconds: building the views, rendering them

before(async () => {
  const start = performance.now();
  ({ corpus } = await emailCorpus());
  const jobs = new Map();
  // Words and links are read at a view's first width only (they do not change with the width).
  const want = (html, width, withText) => {
    const key = renderKey(html, width);
    const job = jobs.get(key) ?? { html, width, withText: false };
    job.withText ||= withText;
    jobs.set(key, job);
  };
  for (const email of corpus) {
    const report = checkEmail(email.html);
    reports.set(email.name, report);
    want(email.html, REFERENCE_WIDTH, true);
    for (const { client, view } of report) {
      if (!client.markupOnly) client.widths.forEach((width, i) => want(view.html, width, i === 0));
    }
  }
  timing.views = performance.now() - start;
  browser = await launchChromium();
  await renderAll(jobs);
  timing.renders = performance.now() - start - timing.views;
}, { timeout: 600_000 });

after(async () => {
  await browser?.close();
});

/** Words or links of `expected` missing from `actual` (as multisets). */
function missing(expected, actual) {
  const counts = new Map();
  for (const x of actual) counts.set(x, (counts.get(x) ?? 0) + 1);
  return expected.filter((x) => {
    const n = counts.get(x) ?? 0;
    counts.set(x, n - 1);
    return n <= 0;
  });
}

/** The matrix row of one client: per check, the failures over every email and width. */
function row(client) {
  const fails = { scroll: [], words: [], links: [], buttons: [], alt: [], preheader: [], triage: [] };
  for (const email of corpus) {
    const result = reports.get(email.name).find((r) => r.client.key === client.key);
    for (const b of result.breaks) fails.triage.push(`${email.name}: drops ${b.title} (${b.where.slice(0, 3).join('; ')})`);
    if (client.markupOnly) continue;
    const reference = facts.get(renderKey(email.html, REFERENCE_WIDTH));
    const text = facts.get(renderKey(result.view.html, client.widths[0]));
    const lostWords = missing(reference.words, text.words);
    if (lostWords.length) fails.words.push(`${email.name}: ${lostWords.slice(0, 5).join(' ')}`);
    // Where a client drops local anchors (triaged), the table of contents and footnote links are text.
    const expected = result.view.none.has('Local anchors') ? reference.links.filter((l) => !l.startsWith('#')) : reference.links;
    const lostLinks = missing(expected, text.links);
    if (lostLinks.length) fails.links.push(`${email.name}: ${lostLinks.slice(0, 3).join(' ')}`);
    for (const width of client.widths) {
      const f = facts.get(renderKey(result.view.html, width));
      const at = `${email.name} at ${width}px`;
      if (f.scrollWidth > width) fails.scroll.push(`${at}: ${f.scrollWidth}px wide`);
      for (const b of f.buttons) if (!b.looks || !b.readable) fails.buttons.push(`${at}: "${b.text}" ${b.looks ? 'unreadable' : 'flat'}`);
      if (f.preheaderHeight > 2) fails.preheader.push(`${at}: the preheader takes ${f.preheaderHeight}px`);
      for (const i of f.images) if (!i.readable) fails.alt.push(`${at}: alt "${i.alt.slice(0, 30)}" in a ${i.box} box`);
    }
  }
  return fails;
}

const rows = new Map();

for (const client of CLIENTS) {
  test(`${client.name} (${client.key}${client.markupOnly ? ', markup only' : `, ${client.widths.join('/')} px`}): every email holds`, () => {
    const fails = row(client);
    rows.set(client, fails);
    const all = Object.entries(fails).filter(([, list]) => list.length).map(([check, list]) =>
      `${check}: ${list.length} failures, e.g.\n    ${list.slice(0, 4).join('\n    ')}`);
    assert.deepEqual(all, [], `${client.name}:\n  ${all.join('\n  ')}`);
  });
}

test('the matrix (client x checks over every example and fixture)', (t) => {
  const mark = (list, skipped) => (skipped ? 'n/a' : list.length ? `FAIL ${list.length}` : 'ok');
  const lines = ['| client | widths | no sideways scroll | words | links | buttons | alt text | preheader hidden | drops triaged |', '| - | - | - | - | - | - | - | - | - |'];
  for (const client of CLIENTS) {
    const f = rows.get(client) ?? row(client);
    const m = client.markupOnly;
    lines.push(`| ${client.name} | ${m ? 'markup' : client.widths.join('/')} | ${mark(f.scroll, m)} | ${mark(f.words, m)} | ` +
      `${mark(f.links, m)} | ${mark(f.buttons, m)} | ${mark(f.alt, m)} | ${mark(f.preheader, m)} | ${mark(f.triage)} |`);
  }
  t.diagnostic(`${corpus.length} emails, ${facts.size} distinct renders; views built in ${Math.round(timing.views)} ms, ` +
    `rendered and read in ${Math.round(timing.renders)} ms\n${lines.join('\n')}`);
  assert.ok(corpus.length >= 95, `only ${corpus.length} emails`);
});

test('every triage entry is used by some client on some email, and has a reason', () => {
  const used = new Set();
  for (const report of reports.values()) for (const r of report) for (const d of r.degrades) used.add(d.title);
  for (const entry of TRIAGE) {
    assert.ok(entry.reason?.length > 20, `${entry.feature}: a reason is needed`);
    assert.ok(used.has(entry.feature), `${entry.feature}: no client drops it any more; remove the entry`);
  }
});

test('the matrix catches what it is for: a <pre> code block in Samsung Email (no white-space) scrolls sideways', async () => {
  // The code block as it was before this matrix: a <pre> relying on white-space:pre-wrap to wrap.
  const email = corpus.find((e) => e.name.endsWith('long-code-lines.md')).html;
  const asPre = email.replace(/<div class="bs-surface" dir="ltr" style="([^"]*)">([\s\S]*?)<\/div>/,
    (_, style, code) => `<pre class="bs-surface" style="${style}white-space:pre-wrap;">${code.replace(/<br>\n/g, '\n').replace(/&nbsp;/g, ' ')}</pre>`);
  assert.notEqual(asPre, email);
  const samsung = CLIENTS.find((c) => c.id === 'samsung-email.android');
  const view = clientView(asPre, samsung);
  assert.ok(view.none.has('white-space'), 'Samsung Email drops white-space');
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.setContent(view.html);
  const { scrollWidth } = await page.evaluate(pageFacts);
  await context.close();
  assert.ok(scrollWidth > 375, `the <pre> fits (${scrollWidth}px): the scroll check would not see the bug`);
});

test('entries caniemail lacks are judged unknown, not guessed and not thrown (thunderbird.macos: table-layout)', () => {
  const thunderbird = CLIENTS.find((c) => c.id === 'thunderbird.macos');
  const view = clientView('<table style="table-layout:fixed;width:100%"><tr><td>x</td></tr></table>', thunderbird);
  assert.ok([...view.unknown].some((w) => w.includes('table-layout')), [...view.unknown].join(', '));
  assert.match(view.html, /table-layout:fixed/);
});

// --- Outlook on Windows and Windows Mail: the markup Word needs -------------------------------------

function elements(html) {
  const out = [];
  const walk = (node) => {
    if (node.tagName) out.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html));
  return out;
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;

test('Outlook on Windows and Windows Mail (Word): the conditional 600-px table, mso- properties, no layout on max-width or border-radius', () => {
  const problems = [];
  for (const email of corpus) {
    const { html, name } = email;
    const open = /<!--\[if mso\]><table role="presentation" width="600"[^>]*><tr><td><!\[endif\]-->\s*<table[^>]*class="bs-container"/;
    if (!open.test(html)) problems.push(`${name}: the container is not inside Outlook's fixed 600-px table`);
    if (!/<!--\[if mso\]><\/td><\/tr><\/table><!\[endif\]-->/.test(html)) problems.push(`${name}: the fixed table is not closed`);
    const msoStyle = /<!--\[if mso\]>[\s\S]*?<style>([\s\S]*?)<\/style><!\[endif\]-->/.exec(html)?.[1] ?? '';
    for (const rule of ['.bs-button{mso-padding-alt:', '.bs-preheader{mso-hide:all;}']) {
      if (!msoStyle.includes(rule)) problems.push(`${name}: Outlook's <style> lacks ${rule}`);
    }
    for (const el of elements(html)) {
      const style = attr(el, 'style') ?? '';
      const cls = attr(el, 'class') ?? '';
      // max-width is ignored by Word: what it bounds needs a width attribute (or Word's fixed table). An
      // inline image (not bs-fluid) has one only when the writer gave its size ({width=…}, docs/email-clients.md).
      const inlineImage = el.tagName === 'img' && !cls.includes('bs-fluid');
      if (/max-width:(?!0)/.test(style) && !attr(el, 'width') && !cls.includes('bs-container') && !inlineImage) {
        problems.push(`${name}: <${el.tagName} style="${style.slice(0, 60)}…"> relies on max-width`);
      }
      // Word paints bgcolor, not always background-color, and draws no rounded corners: a box or a button
      // carries its colour in the attribute.
      if ((el.tagName === 'td' || el.tagName === 'table') && /background-color:/.test(style) && !attr(el, 'bgcolor')) {
        problems.push(`${name}: <${el.tagName} class="${cls}"> has its background only in CSS`);
      }
    }
  }
  assert.deepEqual(problems.slice(0, 10), []);
});
