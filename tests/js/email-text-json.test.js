// The email, text and JSON formats of examples/full.md through the wasm package: the email's structure
// checked by parsing it (parse5), the text's wrapping and links, the JSON against its shipped schema
// (ajv), and the CLI's --format email|text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import Ajv from 'ajv';
import { DIST, EXAMPLES, FIXTURES, ROOT, exampleFiles, filesUnder, loadBroadsheet, readText, runCli } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const FULL = join(EXAMPLES, 'full.md');
const source = readText(FULL);

/** Every element under `node`, depth first. */
function elements(node, out = []) {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) out.push(child);
    elements(child.content ?? child, out);
  }
  return out;
}
const attr = (el, name) => el.attrs.find((a) => a.name === name)?.value;
// Text content, with a space at each element boundary (as a reader sees table cells apart).
const textOf = (node) =>
  (node.childNodes ?? []).map((c) => (c.nodeName === '#text' ? c.value
    : c.tagName === 'img' ? ` ${attr(c, 'alt') ?? ''} ` : ` ${textOf(c)} `)).join('');

/** Words of the body a reader must find (as in the C++ no-text-lost check, simplified). */
function bodyWords(markdown) {
  const body = markdown.slice(markdown.indexOf('\n---\n', 3) + 5)
    .replace(/^\s*:{3,}\s*([A-Za-z][\w-]*)?\s*(.*?)\s*(\{.*\})?\s*$/gm, '$2')
    .replace(/\]\([^)]*\)/g, ']').replace(/\{\.button\}/g, '').replace(/\[![A-Z]+\]/g, '')
    .replace(/^(\s*[-*+]\s+)\[[ xX]\]/gm, '$1').replace(/^(\s*)\d+[.)](\s)/gm, '$1$2').replace(/^(\s*)```.*$/gm, '$1');
  return body.match(/[A-Za-z0-9\u0080-\uffff]+/g);
}
function missingWords(expected, text) {
  // A code block's indentation is non-breaking spaces (email_body.cpp): a space to a reader.
  const got = text.replace(/\u00a0/g, ' ').match(/[A-Za-z0-9\u0080-\uffff]+/g) ?? [];
  const missing = [];
  let j = 0;
  for (const word of expected) {
    let k = j;
    while (k < got.length && got[k] !== word) k++;
    if (k === got.length) missing.push(word);
    else j = k + 1;
  }
  return missing;
}

describe('email', () => {
  const { output, warnings } = renderer.render(source, { format: 'email' });
  const doc = parse(output);
  const all = elements(doc);

  test('is one whole document with lang, dir and the colour-scheme metas', () => {
    assert.ok(output.startsWith('<!doctype html>'));
    const html = all.find((e) => e.tagName === 'html');
    assert.equal(attr(html, 'lang'), 'en');
    assert.equal(attr(html, 'dir'), 'ltr');
    const metas = all.filter((e) => e.tagName === 'meta').map((e) => `${attr(e, 'name')}=${attr(e, 'content')}`);
    assert.ok(metas.includes('color-scheme=light dark'), metas.join('; '));
    assert.ok(metas.includes('supported-color-schemes=light dark'), metas.join('; '));
  });

  test('has nothing inboxes strip or refuse', () => {
    for (const tag of ['script', 'link', 'section', 'aside', 'article', 'form', 'input', 'iframe']) {
      assert.equal(all.filter((e) => e.tagName === tag).length, 0, `<${tag}> found`);
    }
    assert.deepEqual(all.filter((e) => attr(e, 'id') !== undefined).map((e) => e.tagName), [], 'elements with an id');
    assert.equal(all.filter((e) => e.tagName === 'style').length, 1);
    const css = textOf(all.find((e) => e.tagName === 'style'));
    // The <style> holds only media queries, the colour-scheme declaration and Outlook.com's dark-mode
    // rules (keyed on the data-ogsb/data-ogsc attributes it sets in dark mode).
    const outside = css.replace(/@media[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}/g, '').replace(/:root\{[^}]*\}/, '')
      .replace(/^\[data-ogs[bc]\] \.[\w-]+\{[^{}]*\}$/gm, '').trim();
    assert.equal(outside, '', `rules outside media queries: ${outside}`);
    assert.match(css, /prefers-color-scheme:dark/);
  });

  test('is laid out in role="presentation" tables, fluid up to 600 px (fixed 600 for Outlook), data tables excepted', () => {
    const tables = all.filter((e) => e.tagName === 'table');
    assert.ok(tables.length > 10);
    for (const t of tables) {
      const data = elements(t).some((e) => e.tagName === 'th');
      assert.ok(data || attr(t, 'role') === 'presentation', 'a layout table without role="presentation"');
    }
    const container = tables.find((t) => attr(t, 'class') === 'bs-container');
    assert.equal(attr(container, 'width'), '100%');
    assert.match(attr(container, 'style'), /width:100%;max-width:600px/);
    assert.match(output, /<!--\[if mso\]><table role="presentation" width="600"/);
  });

  test('styles every visible block inline', () => {
    for (const tag of ['p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'pre', 'a', 'img', 'td', 'th']) {
      for (const e of all.filter((x) => x.tagName === tag)) {
        if (tag === 'a' && attr(e, 'name') !== undefined) continue; // a named anchor shows nothing
        if (tag === 'td' && elements(e).every((c) => c.tagName === 'img' || c.tagName === 'table' || c.tagName === 'p')) continue;
        assert.ok(attr(e, 'style'), `<${tag}> without a style attribute: ${textOf(e).slice(0, 40)}`);
      }
    }
  });

  test('starts with the hidden, padded preheader', () => {
    const body = all.find((e) => e.tagName === 'body');
    const first = elements(body)[0];
    assert.equal(first.tagName, 'div');
    assert.match(attr(first, 'style'), /display:none/);
    const text = textOf(first);
    assert.ok(text.trim().startsWith('Night buses are back, fare caps spread'), text.slice(0, 60));
    assert.ok(text.length >= 150, `preheader padded to ${text.length} characters`);
  });

  test('has the header, the hero sized, the sponsor labelled, buttons, anchors and the unsubscribe link', () => {
    const text = textOf(doc);
    for (const part of ['Curbside Weekly', 'The quiet return of the night bus', 'Issue 87', '26 November 2026',
      'View this issue in your browser', 'In this issue', 'Sponsored', 'Unsubscribe']) {
      assert.ok(text.includes(part), part);
    }
    const hero = all.find((e) => e.tagName === 'img');
    assert.equal(attr(hero, 'width'), '600');
    assert.ok(attr(hero, 'alt').startsWith('A double-deck bus'));
    for (const img of all.filter((e) => e.tagName === 'img').slice(1)) assert.equal(attr(img, 'width'), '536');
    const buttons = all.filter((e) => e.tagName === 'td' && attr(e, 'class') === 'bs-button');
    assert.equal(buttons.length, 2);
    assert.equal(attr(buttons[0], 'bgcolor'), '#0b57a4');
    const names = all.filter((e) => e.tagName === 'a' && attr(e, 'name')).map((e) => attr(e, 'name'));
    const links = all.filter((e) => e.tagName === 'a' && attr(e, 'href')?.startsWith('#')).map((e) => attr(e, 'href').slice(1));
    assert.equal(links.length, 9);
    for (const id of links) assert.ok(names.includes(id), `#${id} has no <a name>`);
    assert.ok(all.some((e) => e.tagName === 'a' && attr(e, 'href') === '{{unsubscribe_url}}'));
  });

  test('loses no text of the body', () => {
    assert.deepEqual(missingWords(bodyWords(source), textOf(doc)), []);
    // The check can fail: without the last section, words are missing.
    assert.notDeepEqual(missingWords(bodyWords(source), textOf(parse(output.slice(0, output.indexOf('<a name="recent-issues">'))))), []);
  });

  test('is under the 102 KB Gmail clips at, with no warning but the unknown-key hint', () => {
    assert.ok(Buffer.byteLength(output) < 102 * 1024, `${Buffer.byteLength(output)} bytes`);
    assert.deepEqual(warnings.filter((w) => !w.hint), []);
  });

  test('checks URLs and escapes like the web HTML', () => {
    const bad = renderer.render('[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n![y](data:text/html,z)\n', { format: 'email' }).output;
    const els = elements(parse(bad));
    assert.deepEqual(els.filter((e) => e.attrs.some((a) => a.name.startsWith('on'))), []);
    assert.deepEqual(els.filter((e) => /^(javascript|data):/i.test(attr(e, 'href') ?? attr(e, 'src') ?? '')), []);
    assert.match(textOf(parse(bad)), /<img src=x onerror=alert\(1\)>/); // shown as text
  });
});

describe('text', () => {
  const { output } = renderer.render(source, { format: 'text' });
  const width = (line) => [...line].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

  test('wraps at 78 columns, counting wide characters as two', () => {
    for (const line of output.split('\n')) {
      assert.ok(width(line) <= 78 || !/\S\s+\S/.test(line.trim()), `too wide (${width(line)}): ${line}`);
    }
    assert.ok(output.split('\n').some((line) => /[\u4e00-\u9fff]/.test(line)), 'the CJK text is there');
  });

  test('keeps every link as a numbered reference and loses no text', () => {
    const refs = [...output.matchAll(/^\[(\d+)\] (\S+)/gm)].map((m) => m[2]);
    for (const url of ['https://example.com/subscribe?ref=forwarded', 'https://example.com/issues/86-the-bus-stop-is-a-public-space',
      'https://example.com/archive', 'https://example.org/photographers/lena-hartmann']) {
      assert.ok(refs.includes(url), url);
    }
    assert.match(output, /Subscribe to Curbside \[\d+\]/);
    assert.deepEqual(missingWords(bodyWords(source), output), []);
    assert.doesNotMatch(output, /<\/?[a-z][^>]*>/);
  });
});

describe('json', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'schema', 'broadsheet.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  const inputs = [...exampleFiles(), ...filesUnder(FIXTURES, '.md').filter((f) => !f.includes('/errors/'))];

  test('the schema ships in dist/', () => {
    assert.ok(existsSync(join(DIST, 'broadsheet.schema.json')));
    assert.deepEqual(JSON.parse(readFileSync(join(DIST, 'broadsheet.schema.json'), 'utf8')), schema);
  });

  test('examples/full.md has nine sections in its outline and per-section statistics', () => {
    const doc = JSON.parse(renderer.render(source, { format: 'json' }).output);
    assert.equal(doc.outline.filter((e) => e.kind === 'section').length, 9);
    assert.equal(doc.stats.sections.length, 9);
    assert.ok(doc.stats.sections.every((s) => s.words > 0 && s.reading_minutes >= 1));
    assert.ok(doc.stats.words >= doc.stats.sections.reduce((n, s) => n + s.words, 0));
  });

  test('every example and fixture validates against the schema', () => {
    for (const file of inputs) {
      let output;
      try {
        output = renderer.render(readText(file), { format: 'json' }).output;
      } catch {
        continue; // inputs that fail to render have no JSON
      }
      assert.ok(validate(JSON.parse(output)), `${file}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  test('the schema rejects what it should (so the check can fail)', () => {
    const doc = JSON.parse(renderer.render(source, { format: 'json' }).output);
    assert.equal(validate({ ...doc, version: 2 }), false);
    assert.equal(validate({ ...doc, document: { type: 'nonsense' } }), false);
    assert.equal(validate({ ...doc, stats: { words: 1 } }), false);
  });
});

describe('cli --format email|text', () => {
  test('npm CLI renders email and text', () => {
    const email = runCli(['render', '--format', 'email', 'examples/full.md']);
    assert.equal(email.status, 0, email.stderr);
    assert.ok(email.stdout.toString().startsWith('<!doctype html>'));
    assert.match(email.stderr, /hint: unknown front-matter key `edition_note`/);
    const text = runCli(['render', '--format=text', '--unsubscribe-url', '*|UNSUB|*', 'examples/full.md']);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout.toString(), /Unsubscribe: \*\|UNSUB\|\*/);
    const quiet = runCli(['render', '--format', 'text', '--no-lint', 'examples/full.md']);
    assert.equal(quiet.stderr, '');
  });
});
