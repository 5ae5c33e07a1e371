// The preview server's email, text and JSON views of each example.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { exampleFiles, loadBroadsheet, readText } from './helpers.js';

const { createRenderer } = await loadBroadsheet();
const { startDevServer } = await import('../../web/dev-server.mjs');

let server;
let base;
before(async () => {
  ({ server, url: base } = await startDevServer({ port: 0 }));
});
after(() => new Promise((ok) => server.close(ok)));

test('the index links the email, text and json views', async () => {
  const body = await (await fetch(base)).text();
  for (const file of exampleFiles()) {
    const name = basename(file, '.md');
    for (const suffix of ['.email.html', '.txt', '.json']) assert.ok(body.includes(`href="/${name}${suffix}"`), name + suffix);
  }
});

test('each view is the render in that format, with its content type', async () => {
  const renderer = await createRenderer();
  const views = [['.email.html', 'email', /^text\/html/], ['.txt', 'text', /^text\/plain/], ['.json', 'json', /^application\/json/]];
  for (const file of exampleFiles()) {
    for (const [suffix, format, type] of views) {
      const res = await fetch(new URL(`${basename(file, '.md')}${suffix}`, base));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type'), type);
      assert.equal(await res.text(), renderer.render(readText(file), { format }).output);
    }
  }
  assert.equal((await fetch(new URL('nope.txt', base))).status, 404);
});
