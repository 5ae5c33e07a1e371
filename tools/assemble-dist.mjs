#!/usr/bin/env node
// Assembles dist/ from the list in tools/dist-files.mjs, once the WebAssembly build is done (tools/build.sh):
// makes each file as the list says, then deletes any other file from dist/, so nothing stale is packed.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DIST_FILES, ELEMENT_BUNDLES } from './dist-files.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAGE = join(ROOT, 'build/element-src'); // the element's sources and the generated modules it imports
const at = (path) => join(ROOT, path);
const tool = (script, ...args) => execFileSync(process.execPath, [at(script), ...args], { cwd: ROOT, stdio: 'inherit' });

const make = {
  copy: (entry, out) => copyFileSync(at(entry.copy), out),
  glue: (entry, out) => {
    copyFileSync(at(entry.glue), out);
    tool('tools/strip-glue-wasm-url.mjs', out);
  },
  tool: (entry, out) => {
    const args = entry.args ?? [];
    tool(entry.tool, ...args.filter((a) => a.startsWith('-')), out, ...args.filter((a) => !a.startsWith('-')).map(at));
  },
  commonjs: (entry, out) => build({
    entryPoints: [at(entry.commonjs)], outfile: out, format: 'cjs', platform: 'node', logLevel: 'warning',
    logOverride: { 'package.json': 'silent' }, // the package's own export conditions, read for consumers' bundlers
  }),
  node: (entry, out) => build({ entryPoints: [at(entry.node)], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'error' }),
};

mkdirSync(DIST, { recursive: true });
const elements = DIST_FILES.filter((entry) => entry.element);
for (const entry of DIST_FILES.filter((e) => !e.element)) {
  const how = Object.keys(make).find((key) => key in entry);
  if (!how) throw new Error(`tools/dist-files.mjs: ${entry.file} does not say how it is made`);
  await make[how](entry, join(DIST, entry.file));
}

await bundleElement(elements);
for (const entry of DIST_FILES.filter((e) => e.executable)) chmodSync(join(DIST, entry.file), 0o755);
const listed = new Set(DIST_FILES.map((entry) => entry.file));
for (const name of readdirSync(DIST).filter((f) => !listed.has(f))) {
  console.log(`[build] dist/${name} is no longer in tools/dist-files.mjs: removed`);
  rmSync(join(DIST, name), { recursive: true, force: true });
}

/**
 * The element's bundles, built from a stage: web/src's modules and the generated ones they import (the glue,
 * the embedded styles). The staged modules define elements when imported: the stage's package.json says so,
 * else esbuild would read the package's own "sideEffects" list (written for consumers' bundlers, naming dist/
 * files) and drop `import './archive.js'`.
 */
async function bundleElement(entries) {
  for (const entry of entries) {
    if (basename(entry.element) !== entry.file) throw new Error(`tools/dist-files.mjs: ${entry.file} is not named after ${entry.element}`);
  }
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  writeFileSync(join(STAGE, 'package.json'), '{ "sideEffects": true }\n');
  for (const name of readdirSync(at('web/src')).filter((f) => f.endsWith('.js'))) copyFileSync(at(`web/src/${name}`), join(STAGE, name));
  for (const entry of DIST_FILES.filter((e) => (e.glue || e.tool) && /\.m?js$/.test(e.file))) copyFileSync(join(DIST, entry.file), join(STAGE, entry.file));
  await build({
    entryPoints: entries.map((entry) => join(STAGE, entry.file)),
    outdir: DIST,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    external: ELEMENT_BUNDLES.external,
    define: ELEMENT_BUNDLES.define,
    logLevel: 'warning',
    logOverride: { 'package.json': 'silent' }, // as above
  });
  for (const entry of entries) {
    const text = readFileSync(join(DIST, entry.file), 'utf8');
    if (entry.file === 'element.js' && text.includes('broadsheet-web-core')) fail(`dist/element.js: the core's glue got into the element script`);
    if (/\bnode:/.test(text)) fail(`dist/${entry.file}: imports a Node built-in (${text.match(/.{0,40}\bnode:.{0,40}/)[0]})`);
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}
