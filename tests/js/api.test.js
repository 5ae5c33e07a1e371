// The JavaScript API surface of dist/index.js.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DIST_WASM, loadBroadsheet } from '../helpers/repo.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();

const ISSUE = `---
title: Hello readers
date: 2026-11-26
---

# Weekly issue

Intro paragraph with *emphasis*, é and 日本 and 🎉.

## First story

Text of the first story.

## Second story

- one
- two
`;

describe('createRenderer', () => {
  test('resolves to a renderer', async () => {
    const r = await createRenderer();
    assert.equal(typeof r.render, 'function');
    assert.equal(typeof r.dispose, 'function');
    r.dispose();
  });

  test('accepts the wasm as an ArrayBuffer', async () => {
    const bytes = readFileSync(DIST_WASM);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const r = await createRenderer({ wasm: buffer });
    assert.equal(r.render(ISSUE).output, renderer.render(ISSUE).output);
  });

  test('accepts the wasm as a typed array', async () => {
    const r = await createRenderer({ wasm: new Uint8Array(readFileSync(DIST_WASM)) });
    assert.equal(r.render(ISSUE).output, renderer.render(ISSUE).output);
  });

  test('accepts a compiled WebAssembly.Module', async () => {
    const module = await WebAssembly.compile(readFileSync(DIST_WASM));
    const r = await createRenderer({ wasm: module });
    assert.equal(r.render(ISSUE).output, renderer.render(ISSUE).output);
  });

  test('accepts a Response, with or without the wasm MIME type', async () => {
    const bytes = readFileSync(DIST_WASM);
    for (const type of ['application/wasm', 'application/octet-stream']) {
      const r = await createRenderer({ wasm: new Response(bytes, { headers: { 'content-type': type } }) });
      assert.equal(r.render(ISSUE).output, renderer.render(ISSUE).output);
    }
  });

  test('accepts a file URL and a file path', async () => {
    const url = new URL('../../dist/broadsheet.wasm', import.meta.url);
    for (const wasm of [url, url.href, DIST_WASM]) {
      const r = await createRenderer({ wasm });
      assert.equal(r.render(ISSUE).output, renderer.render(ISSUE).output);
    }
  });

  test('rejects a missing file with a message naming it', async () => {
    await assert.rejects(createRenderer({ wasm: 'file:///nonexistent.wasm' }), (error) => {
      assert.match(error.message, /could not load the WebAssembly core/);
      assert.match(error.message, /nonexistent\.wasm/);
      assert.match(error.message, /ENOENT/);
      return true;
    });
  });

  test('rejects bytes that are not WebAssembly', async () => {
    await assert.rejects(createRenderer({ wasm: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) }), (error) => {
      assert.match(error.message, /could not load the WebAssembly core from 8 bytes/);
      return true;
    });
  });

  test('rejects a valid wasm module that is not the core, without hanging', async () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    await assert.rejects(createRenderer({ wasm: empty }), /could not start the WebAssembly core/);
  });

  test('rejects an unreachable URL', async () => {
    // Port 9 (discard) on loopback: nothing listens there in the test environment.
    await assert.rejects(createRenderer({ wasm: 'http://127.0.0.1:9/broadsheet.wasm' }), /127\.0\.0\.1:9/);
  });

  test('rejects an unsupported wasm option', async () => {
    await assert.rejects(createRenderer({ wasm: 42 }), /options\.wasm must be/);
  });
});

describe('render', () => {
  test('returns output, meta, outline and warnings', () => {
    const result = renderer.render(ISSUE);
    assert.equal(typeof result.output, 'string');
    assert.ok(result.output.length > 0);
    assert.equal(typeof result.meta, 'object');
    assert.ok(Array.isArray(result.outline));
    assert.ok(Array.isArray(result.warnings));
    assert.deepEqual(Object.keys(result.toJSON()).sort(), ['meta', 'outline', 'output', 'warnings']);
  });

  test('renders an HTML fragment by default, keeping Unicode intact', () => {
    const { output } = renderer.render(ISSUE);
    assert.ok(!/^<!doctype/i.test(output));
    assert.match(output, /<em>emphasis<\/em>/);
    assert.match(output, /é and 日本 and 🎉/);
    assert.match(output, /First story/);
  });

  test('outline entries have id, title, level and kind', () => {
    const { outline } = renderer.render(ISSUE);
    assert.ok(outline.length >= 2, JSON.stringify(outline));
    for (const entry of outline) {
      assert.equal(typeof entry.id, 'string');
      assert.ok(entry.id.length > 0);
      assert.equal(typeof entry.title, 'string');
      assert.ok(Number.isInteger(entry.level) && entry.level >= 1 && entry.level <= 6);
      assert.equal(typeof entry.kind, 'string');
    }
    const titles = outline.map((e) => e.title);
    assert.ok(titles.includes('First story') && titles.includes('Second story'), titles.join(', '));
  });

  test('outline ids appear in the HTML', () => {
    const { output, outline } = renderer.render(ISSUE);
    for (const { id } of outline) assert.ok(output.includes(`id="${id}"`), `id ${id} not in output`);
  });

  test('idPrefix prefixes the generated ids', () => {
    const { outline } = renderer.render(ISSUE, { idPrefix: 'nl-' });
    assert.ok(outline.length > 0);
    for (const { id } of outline) assert.ok(id.startsWith('nl-'), id);
  });

  test('meta comes from the front matter', () => {
    const { meta } = renderer.render(ISSUE);
    assert.equal(meta.title, 'Hello readers');
  });

  test('json format parses and carries meta and outline', () => {
    const { output } = renderer.render(ISSUE, { format: 'json' });
    const doc = JSON.parse(output);
    assert.ok('meta' in doc, Object.keys(doc).join(', '));
    assert.ok('outline' in doc, Object.keys(doc).join(', '));
    assert.equal(doc.meta.title, 'Hello readers');
  });

  test('standalone html is a whole page', () => {
    const { output } = renderer.render(ISSUE, { standalone: true });
    assert.ok(output.startsWith('<!doctype html>'), output.slice(0, 60));
  });

  test('email format is a whole email document', () => {
    const { output, warnings } = renderer.render(ISSUE, { format: 'email' });
    assert.ok(output.startsWith('<!doctype html>'), output.slice(0, 60));
    assert.match(output, /<meta name="color-scheme" content="light dark">/);
    assert.match(output, /href="\{\{unsubscribe_url\}\}"/);
    assert.ok(warnings.some((w) => w.rule === 'preheader'), JSON.stringify(warnings));
  });

  test('text format is plain text with the title underlined', () => {
    const { output } = renderer.render(ISSUE, { format: 'text' });
    assert.match(output, /^Hello readers\n=============\n/);
    assert.match(output, /First story\n===========\n/);
    assert.doesNotMatch(output, /<[a-z]/);
  });

  test('unsubscribeUrl replaces the placeholder; an unsafe one is refused', () => {
    const { output } = renderer.render(ISSUE, { format: 'email', unsubscribeUrl: '{{{ pm:unsubscribe }}}' });
    assert.match(output, /href="\{\{\{ pm:unsubscribe \}\}\}"/);
    assert.throws(() => renderer.render(ISSUE, { format: 'email', unsubscribeUrl: 'javascript:alert(1)' }), BroadsheetError);
  });

  test('lint warnings carry their rule, and lint: false leaves them out', () => {
    const md = '---\ntitle: T\npreheader: P\n---\n\n![](a.png) [click here](http://example.com)\n';
    const rules = renderer.render(md).warnings.map((w) => w.rule).sort();
    assert.deepEqual(rules, ['http-link', 'image-alt', 'lang', 'link-text']);
    assert.deepEqual(renderer.render(md, { lint: false }).warnings, []);
  });

  test('meta, outline and warnings stay right after later renders', () => {
    const first = renderer.render(ISSUE);
    renderer.render('---\ntitle: Other\n---\n\n## Other heading\n');
    assert.equal(first.meta.title, 'Hello readers');
    assert.ok(first.outline.some((e) => e.title === 'First story'));
  });

  test('an empty document renders', () => {
    assert.equal(typeof renderer.render('').output, 'string');
  });

  test('an unknown format throws TypeError', () => {
    assert.throws(() => renderer.render('x', { format: 'pdf' }), TypeError);
  });

  test('a non-string input throws TypeError', () => {
    assert.throws(() => renderer.render(Buffer.from('x')), TypeError);
  });

  test('a front-matter error throws BroadsheetError with its position', () => {
    assert.throws(
      () => renderer.render('---\ntitle: [unclosed\n---\n\nBody\n'),
      (error) => {
        assert.ok(error instanceof BroadsheetError);
        assert.ok(error instanceof Error);
        assert.equal(error.name, 'BroadsheetError');
        assert.ok(error.line > 0 && error.column > 0, `${error.line}:${error.column}`);
        assert.ok(error.message.startsWith(`${error.line}:${error.column}: `), error.message);
        return true;
      },
    );
  });

  test('input over maxInputBytes throws BroadsheetError without a position', () => {
    assert.throws(
      () => renderer.render('x'.repeat(100), { maxInputBytes: 10 }),
      (error) => {
        assert.ok(error instanceof BroadsheetError);
        assert.equal(error.line, 0);
        assert.ok(!/^\d+:\d+: /.test(error.message), error.message);
        return true;
      },
    );
    // The renderer keeps working afterwards.
    assert.match(renderer.render('ok').output, /ok/);
  });

  test('many renders in a row give identical output', () => {
    const first = renderer.render(ISSUE).output;
    const firstJson = renderer.render(ISSUE, { format: 'json' }).output;
    for (let i = 0; i < 300; i++) {
      const json = i % 2 === 1;
      const out = renderer.render(ISSUE, { format: json ? 'json' : 'html' }).output;
      assert.equal(out, json ? firstJson : first, `render ${i} differs`);
    }
  });

  test('a 1 MB input renders (memory growth)', () => {
    const before = renderer.render(ISSUE).output;
    const paragraph = 'Some *text* with [a link](https://example.com/) and é日本.\n\n';
    const block = '## Heading\n\n' + paragraph.repeat(50);
    const big = block.repeat(Math.ceil((1 << 20) / block.length)) + '## The last heading\n';
    assert.ok(big.length > 1 << 20);
    const { output } = renderer.render(big);
    assert.ok(output.length > big.length / 2);
    assert.match(output, /The last heading/);
    // Still right after the heap grew.
    assert.equal(renderer.render(ISSUE).output, before);
  });

  test('dispose frees the renderer', async () => {
    const r = await createRenderer();
    r.render('x');
    r.dispose();
    assert.throws(() => r.render('x'), /disposed/);
    r.dispose(); // twice is harmless
  });
});
