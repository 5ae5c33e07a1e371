#!/usr/bin/env node
// Writes the seed corpora of the fuzz targets into DIR/<target>/: the examples, the fixtures, the
// CommonMark spec examples and the XSS corpus. The render target's first byte chooses the options, so
// each document is written once per option byte of interest.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node fuzz/make-seeds.mjs DIR');
  process.exit(2);
}
const require = createRequire(import.meta.url);

const mdFiles = (dir) => existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(dir, f), 'utf8'))
  : [];
const documents = [...mdFiles(join(ROOT, 'examples')), ...mdFiles(join(ROOT, 'tests', 'fixtures'))];
const specExamples = require('commonmark-spec').tests.map((t) => t.markdown.replaceAll('→', '\t'));
const xssFile = join(ROOT, 'tests', 'fixtures', 'xss', 'vectors.json');
const xss = existsSync(xssFile) ? JSON.parse(readFileSync(xssFile, 'utf8')).vectors.map((v) => v.markdown) : [];

function write(target, name, content) {
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), content);
}

// Option bytes (see render_fuzzer.cpp): html fragment, json, standalone, allowHtml, commonmark.
const OPTION_BYTES = [0x00, 0x01, 0x10, 0x20, 0x0e];
documents.forEach((doc, i) => OPTION_BYTES.forEach((b) => write('render_fuzzer', `doc-${i}-${b}`, Buffer.concat([Buffer.from([b]), Buffer.from(doc)]))));
specExamples.forEach((md, i) => write('render_fuzzer', `spec-${i}`, Buffer.concat([Buffer.from([i % 2 ? 0x20 : 0x00]), Buffer.from(md)])));
xss.forEach((md, i) => write('render_fuzzer', `xss-${i}`, Buffer.concat([Buffer.from([0x20]), Buffer.from(md)])));

// Issue 15's families (tests/helpers/families.js), small enough for -max_len, in html, json, text and email.
const { FAMILIES } = await import(new URL('../tests/helpers/families.js', import.meta.url).href);
const FAMILY_OPTION_BYTES = [0x00, 0x01, 0x06, 0x0a];
FAMILIES.forEach((family, i) => FAMILY_OPTION_BYTES.forEach((b) =>
  write('render_fuzzer', `family-${i}-${b}`, Buffer.concat([Buffer.from([b]), Buffer.from(family.make(12000))]))));
write('render_fuzzer', 'alias-bomb', Buffer.concat([Buffer.from([0x01]), Buffer.from(FAMILIES.aliasBomb)]));

// The front matter target wraps its input in --- fences: seed it with the YAML of every document.
documents.forEach((doc, i) => {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(doc);
  if (m) write('front_matter_fuzzer', `fm-${i}`, m[1]);
});

// The alias bomb and reversed keys (issue 15).
write('front_matter_fuzzer', 'alias-bomb', /^---\n([\s\S]*?)---\n/.exec(FAMILIES.aliasBomb)[1]);
write('front_matter_fuzzer', 'reverse-keys', /^---\n([\s\S]*?)---\n/.exec(FAMILIES.find((f) => f.name.startsWith('front-matter keys')).make(12000))[1]);

// The sanitizer target: the spec's raw HTML examples and the XSS corpus.
require('commonmark-spec').tests.filter((t) => /HTML/i.test(t.section)).forEach((t, i) => write('sanitize_fuzzer', `spec-${i}`, t.markdown));
xss.forEach((md, i) => write('sanitize_fuzzer', `xss-${i}`, md));
