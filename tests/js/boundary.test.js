// The JS/wasm boundary: the input is encoded into wasm memory in one step for ASCII and in two when other
// characters need more room, options travel as numbers, and the two string options (id prefix,
// unsubscribe URL) are only re-sent on change.
// Every case is checked against the native CLI, byte for byte.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadBroadsheet, runNative } from '../helpers/repo.js';
import { generateIssue } from '../../bench/generate-issue.mjs';

// The CLI renders a whole page unless told --fragment; the JS API renders a fragment unless `standalone`.
const native = (markdown, args = ['--fragment']) =>
  runNative(['render', '-', ...args], { input: markdown }).stdout.toString('utf8');

describe('the render boundary', () => {
  let renderer;
  before(async () => {
    const { createRenderer } = await loadBroadsheet();
    renderer = await createRenderer();
  });

  const cases = {
    'ASCII only': '# Title\n\nPlain *text* with a [link](https://example.com).\n',
    'non-ASCII after a long ASCII run': `${'a'.repeat(5000)}\n\nCafé, naïve, 日本語の段落。\n`,
    'non-ASCII from the start': '## Überblick\n\nЖурнал — 東京 — Ελλάδα\n',
    'astral characters across the first buffer size': `${'b'.repeat(30)}😀😀😀 and 𝒳 ${'c'.repeat(10)}\n`,
    'only astral characters': '😀'.repeat(400),
    'a lone surrogate (encoded as U+FFFD)': 'before \ud800 after\n',
  };
  for (const [name, markdown] of Object.entries(cases)) {
    test(`${name}: same bytes as the native core`, () => {
      assert.equal(renderer.render(markdown).output, native(markdown));
      assert.equal(renderer.render(markdown, { commonmark: true }).output, native(markdown, ['--commonmark']));
    });
  }

  test('a big non-ASCII input after a big ASCII one (buffers are reused and regrown)', () => {
    const ascii = 'word '.repeat(300_000);
    const wide = 'слово '.repeat(300_000);
    assert.equal(renderer.render(ascii).output, native(ascii));
    assert.equal(renderer.render(wide).output, native(wide));
  });

  test('big HTML handed over in pieces is the same as the native core renders it', () => {
    // Several MB of issue (over 1 MiB): the core hands the HTML to JS in pieces of about 64 KB while it writes it.
    const issue = generateIssue(3 * 1024 * 1024);
    for (const [options, args] of [
      [{}, ['--fragment']],
      [{ standalone: true }, []],
      [{ allowHtml: true }, ['--fragment', '--allow-html']],
      [{ commonmark: true }, ['--commonmark']],
    ]) {
      const output = renderer.render(issue, options).output;
      assert.ok(output.length > 1_000_000);
      assert.equal(output, native(issue, args), args.join(' '));
    }
  });

  test('the id prefix follows each call, including going back to none', () => {
    const issue = '## One\n\ntext\n';
    const plain = renderer.render(issue).output;
    assert.match(renderer.render(issue, { idPrefix: 'a-' }).output, /id="a-one"/);
    assert.match(renderer.render(issue, { idPrefix: 'b-' }).output, /id="b-one"/);
    assert.equal(renderer.render(issue).output, plain);
    assert.equal(plain, native(issue));
    assert.equal(renderer.render(issue, { idPrefix: 'b-' }).output, native(issue, ['--fragment', '--id-prefix', 'b-']));
  });

  test('every option combination reaches the core', () => {
    const issue = '---\ntitle: T\n---\n\n<b>x</b> [a](javascript:x)\n';
    for (const commonmark of [false, true])
      for (const standalone of [false, true])
        for (const allowHtml of [false, true]) {
          const args = [...(commonmark ? ['--commonmark'] : []), ...(standalone ? [] : ['--fragment']), ...(allowHtml ? ['--allow-html'] : [])];
          assert.equal(renderer.render(issue, { commonmark, standalone, allowHtml }).output, native(issue, args), args.join(' '));
        }
    for (const format of ['json', 'email', 'text'])
      assert.equal(renderer.render(issue, { format }).output, native(issue, ['--format', format]), format);
  });

  test('lint follows each call', () => {
    const issue = '---\ntitle: T\n---\n\n![](https://example.com/a.png)\n\n[click here](https://example.com)\n';
    const rules = (options) => renderer.render(issue, options).warnings.map((w) => w.rule).filter(Boolean);
    assert.ok(rules().length > 0, 'lint is on by default');
    assert.deepEqual(rules({ lint: false }), []);
    assert.deepEqual(rules(), rules({ lint: true }));
  });

  test('the unsubscribe URL follows each call, including going back to none', () => {
    const issue = '---\ntitle: T\n---\n\nHello.\n';
    const url = 'https://example.com/unsubscribe?u=1';
    const withUrl = renderer.render(issue, { format: 'email', unsubscribeUrl: url }).output;
    assert.ok(withUrl.includes('https://example.com/unsubscribe?u=1'));
    assert.equal(withUrl, native(issue, ['--format', 'email', '--unsubscribe-url', url]));
    const without = renderer.render(issue, { format: 'email' }).output;
    assert.ok(without.includes('{{unsubscribe_url}}') && !without.includes(url));
    assert.equal(without, native(issue, ['--format', 'email']));
  });
});
