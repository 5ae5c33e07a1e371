// The formats are listed once, in the core (src/render/formats.cpp): the JS layer reads them (and the
// numbers it sends) from the core at start-up, both CLIs check --format against them, and the
// TypeScript Format type must name the same formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, loadBroadsheet, readText, runCli, runNative } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

test('the renderer lists the formats the core renders', () => {
  assert.deepEqual(renderer.formats, ['html', 'json', 'email', 'text']);
});

test('each listed format renders in its own shape', () => {
  const shapes = { html: /^<article class="bs-issue">/, json: /^\{"version":/, email: /^<!doctype html>/, text: /^Hello\n=/ };
  for (const format of renderer.formats) {
    assert.match(renderer.render('# Hello\n\nBody\n', { format }).output, shapes[format], format);
  }
});

test('an unknown format names the formats the core has', () => {
  assert.throws(() => renderer.render('x', { format: 'pdf' }), { name: 'TypeError', message: /html, json, email, text/ });
  assert.throws(() => renderer.render('x', { format: 1 }), TypeError);
});

test('the TypeScript Format type names exactly the core\'s formats', () => {
  const declared = /export type Format = ([^;]+);/.exec(readText(join(ROOT, 'web', 'src', 'index.d.ts')))[1];
  assert.deepEqual(declared.split('|').map((s) => s.trim().replace(/'/g, '')), renderer.formats);
});

test('both CLIs take the formats from the core', () => {
  const npm = runCli(['render', 'x.md', '--format', 'pdf']);
  assert.equal(npm.status, 2);
  assert.match(npm.stderr, /unknown format: pdf \(expected html, json, email, text\)/);
  const native = runNative(['render', 'x.md', '--format', 'pdf']);
  assert.equal(native.status, 2);
  assert.match(native.stderr, /\[--format html\|json\|email\|text\]/);
});
