// Broken input never crashes or loses text: the input-size cap, invalid UTF-8 and NUL bytes in every
// format (native and wasm), recovery after the core runs out of memory, a flat heap over 10,000 renders,
// and renderers in parallel worker threads that agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import {
  DIST_WASM, FIXTURES, exampleFiles, filesUnder, loadBroadsheet, readText, requireNativeCli, runNative,
} from '../helpers/repo.js';
import { FORMATS } from '../helpers/formats.js';
import { withMemoryMaximum } from '../helpers/wasm-memory-limit.js';

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const REPLACEMENT = '\uFFFD';

test('input over maxInputBytes is refused with a clear error; at the limit it renders', () => {
  const input = 'x'.repeat(1000);
  assert.equal(renderer.render(input, { maxInputBytes: 1000 }).output.includes('x'.repeat(1000)), true);
  assert.throws(() => renderer.render(`${input}y`, { maxInputBytes: 1000 }), (error) => {
    assert.ok(error instanceof BroadsheetError);
    assert.equal(error.message, 'the input is 1001 bytes, over the limit of 1000 (option maxInputBytes)');
    return true;
  });
  // The limit counts UTF-8 bytes, not UTF-16 code units.
  assert.throws(() => renderer.render('é'.repeat(501), { maxInputBytes: 1000 }), /1002 bytes, over the limit of 1000/);
});

test('the default cap is 32 MiB', () => {
  const limit = 32 * 1024 * 1024;
  assert.throws(() => renderer.render('a'.repeat(limit + 1)), /over the limit of 33554432 \(option maxInputBytes\)/);
  assert.ok(renderer.render('a'.repeat(1024)).output.length > 0); // the renderer is still usable
});

test('NUL and lone surrogates become U+FFFD in every format (wasm)', () => {
  const markdown = '---\ntitle: "T\\0x"\n---\n\n# Head\0ing \uD800\n\nText\0 with \uDC00 bad [li\0nk](/a\0b) `co\0de`\n';
  for (const format of FORMATS) {
    const { output } = renderer.render(markdown, format.options);
    assert.ok(output.isWellFormed(), `${format.name}: output has lone surrogates`);
    assert.ok(!output.includes('\0'), `${format.name}: a NUL reached the output`);
    assert.ok(output.includes(REPLACEMENT), `${format.name}: no U+FFFD`);
    assert.ok(output.includes('Text'), `${format.name}: text was lost`);
  }
});

test('invalid UTF-8 bytes and NULs become U+FFFD in every format (native)', () => {
  requireNativeCli();
  const markdown = Buffer.concat([
    Buffer.from('# Title \xff\n\nOverlong \xc0\xaf, surrogate \xed\xa0\x80, truncated \xe2\x82', 'latin1'),
    Buffer.from([0]), Buffer.from(' `co', 'latin1'), Buffer.from([0]), Buffer.from('de` end, too high \xf5\x80\x80\x80 [a\xfe](/u\xff)\n', 'latin1'),
  ]);
  for (const format of FORMATS) {
    const r = runNative(['render', '-', ...format.cli], { input: markdown });
    assert.equal(r.status, 0, `${format.name}: ${r.stderr}`);
    const text = strictUtf8.decode(r.stdout); // throws on invalid UTF-8
    assert.ok(text.includes(REPLACEMENT) && text.includes('end') && !text.includes('\0'), format.name);
    assert.match(r.stderr, /not valid UTF-8; invalid bytes were replaced by U\+FFFD/);
  }
});

test('a core that runs out of memory throws a clear error and the renderer recovers', async () => {
  // The real core, with its memory capped at 64 MiB: a 12 MB issue cannot be rendered in that.
  const tight = await createRenderer({ wasm: withMemoryMaximum(readFileSync(DIST_WASM), 1024) });
  const before = tight.render('# Before\n').output;
  // An ordinary issue (within the node budget, which refuses denser input before memory runs out).
  const body = readText(exampleFiles().find((f) => f.endsWith('full.md'))).replace(/^---[\s\S]*?---\n/, '');
  const big = body.repeat(Math.ceil((40 << 20) / body.length));
  // Where memory runs out decides the error: inside the parser the core reports it and stays up (a
  // BroadsheetError saying so); anywhere else the instance traps and is restarted.
  assert.throws(() => tight.render(big, { maxInputBytes: 64 << 20 }), (error) => {
    if (error instanceof BroadsheetError) {
      assert.match(error.message, /ran out of memory/);
    } else {
      assert.match(error.message, /^Broadsheet: the WebAssembly core crashed while rendering \(.+\); it will be restarted for the next call$/);
      assert.ok(error.cause, 'the underlying trap is kept as the cause');
    }
    return true;
  });
  // The next call gets a fresh core and renders exactly as before.
  assert.equal(tight.render('# Before\n').output, before);
  assert.equal(tight.render('Fine *again*.\n').output, renderer.render('Fine *again*.\n').output);
});

test('the wasm heap stays flat over 10,000 renders', (t) => {
  const local = renderer;
  const issue = readText(exampleFiles().find((f) => f.endsWith('full.md')));
  const formats = FORMATS.map((f) => f.options);
  for (let i = 0; i < 100; i++) local.render(issue, formats[i % formats.length]); // warm up every format
  const start = local.memoryUsage();
  for (let i = 0; i < 10_000; i++) local.render(issue, formats[i % formats.length]);
  const end = local.memoryUsage();
  t.diagnostic(`heap after warm-up ${start.heapBytes} B, after 10,000 more renders ${end.heapBytes} B; memory ${start.memoryBytes} -> ${end.memoryBytes} B`);
  assert.equal(end.heapBytes, start.heapBytes, 'allocated bytes grew: a leak');
  assert.equal(end.memoryBytes, start.memoryBytes, 'the wasm memory grew');
});

test('renderers in parallel worker threads agree with each other and with this thread', async () => {
  const inputs = [...filesUnder(FIXTURES, '.md'), ...exampleFiles()].map(readText);
  const digest = (results) => createHash('sha256').update(JSON.stringify(results)).digest('hex');
  const renderAllHere = () => inputs.flatMap((md) => FORMATS.map((f) => {
    try {
      return renderer.render(md, f.options).output;
    } catch (error) {
      return `error: ${error.message}`;
    }
  }));
  const expected = digest(renderAllHere());
  const workerSource = `
    import { parentPort, workerData } from 'node:worker_threads';
    import { createHash } from 'node:crypto';
    const { createRenderer } = await import(workerData.index);
    const renderer = await createRenderer();
    const results = workerData.inputs.flatMap((md) => workerData.formats.map((options) => {
      try { return renderer.render(md, options).output; } catch (error) { return 'error: ' + error.message; }
    }));
    parentPort.postMessage(createHash('sha256').update(JSON.stringify(results)).digest('hex'));
  `;
  const { pathToFileURL } = await import('node:url');
  const { DIST_INDEX } = await import('../helpers/repo.js');
  const workers = Array.from({ length: 4 }, () => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(workerSource)}`), {
      workerData: { index: pathToFileURL(DIST_INDEX).href, inputs, formats: FORMATS.map((f) => f.options) },
    });
    worker.once('message', (hash) => { resolve(hash); worker.terminate(); });
    worker.once('error', reject);
  }));
  const hashes = await Promise.all(workers);
  assert.deepEqual(hashes, Array(4).fill(expected));
});
