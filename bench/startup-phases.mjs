#!/usr/bin/env node
// Where a Node program's first render goes, step by step: why `npm run bench:startup`'s ratios are what
// they are. Each sample is a fresh Node process that times, for one core and one format, importing
// index.js, importing the core's glue, reading and compiling its wasm, starting the instance, a first
// render of examples/full.md and a second one (wall and CPU time of the process, all its threads), and
// markdown-wasm's import (which compiles its embedded module) and first render beside them. The same
// processes run again under `--liftoff-only` (V8 optimises no hot function in background jobs): a library
// cannot ask for that, but it shows how much of a first render is the optimising tier competing for the
// machine's cores.
//   node bench/startup-phases.mjs [ROUNDS=9]
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ISSUE = `${ROOT}examples/full.md`;
const CORES = {
  web: { glue: 'broadsheet-web-core.mjs', wasm: 'broadsheet-web.wasm', format: 'html' },
  full: { glue: 'broadsheet-core.mjs', wasm: 'broadsheet.wasm', format: 'email' },
};

/** One sample, in this (fresh) process: the steps' [wall ms, CPU ms] for `variant`. */
async function child(variant) {
  const markdown = readFileSync(ISSUE, 'utf8');
  const steps = {};
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const step = (name) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    steps[name] = [now - wall, (used.user + used.system) / 1000];
    wall = now;
    cpu = process.cpuUsage();
  };
  if (variant === 'markdown-wasm') {
    const mdw = createRequire(import.meta.url)('markdown-wasm/dist/markdown.node.js');
    await mdw.ready;
    step('import, compile, start');
    mdw.parse(markdown);
    step('first render');
    mdw.parse(markdown);
    step('second render');
    return steps;
  }
  const core = CORES[variant];
  const dist = pathToFileURL(`${ROOT}dist/`);
  const { rendererOf } = await import(new URL('index.js', dist).href);
  step('import index.js');
  const factory = (await import(new URL(core.glue, dist).href)).default;
  step('import the glue');
  const wasmModule = await WebAssembly.compile(readFileSync(new URL(core.wasm, dist)));
  step('read, compile');
  const renderer = rendererOf(wasmModule, factory);
  renderer.memoryUsage(); // makes the instance
  step('start the instance');
  renderer.render(markdown, { format: core.format });
  step('first render');
  renderer.render(markdown, { format: core.format });
  step('second render');
  return steps;
}

if (process.argv[2] === '--child') {
  process.stdout.write(JSON.stringify(await child(process.argv[3])));
} else {
  const rounds = Number(process.argv[2] ?? 9);
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  const variants = ['markdown-wasm', 'web', 'full'];
  const modes = { default: [], 'Liftoff only': ['--liftoff-only'] };
  const samples = {};
  for (let round = 0; round < rounds; round++) {
    for (const [mode, flags] of Object.entries(modes)) {
      for (const variant of round % 2 ? [...variants].reverse() : variants) {
        const steps = JSON.parse(execFileSync(process.execPath, [...flags, fileURLToPath(import.meta.url), '--child', variant], { encoding: 'utf8' }));
        for (const [name, value] of Object.entries(steps)) (samples[`${mode}|${variant}|${name}`] ??= []).push(value);
      }
    }
  }
  const size = (file) => `${(statSync(`${ROOT}${file}`).size / 1024).toFixed(0)} KiB`;
  console.log(`First render of examples/full.md in fresh Node ${process.version} processes, median of ${rounds}: wall ms / CPU ms (all threads)`);
  console.log(`wasm: markdown-wasm ${size('node_modules/markdown-wasm/dist/markdown.wasm')}, web core ${size('dist/broadsheet-web.wasm')} (html), full core ${size('dist/broadsheet.wasm')} (email)\n`);
  for (const mode of Object.keys(modes)) {
    console.log(mode);
    for (const variant of variants) {
      const names = [...new Set(Object.keys(samples).filter((k) => k.startsWith(`${mode}|${variant}|`)).map((k) => k.split('|')[2]))];
      let total = 0;
      const parts = names.filter((n) => n !== 'second render').map((name) => {
        const xs = samples[`${mode}|${variant}|${name}`];
        const w = median(xs.map((x) => x[0]));
        total += w;
        return `${name} ${w.toFixed(1)}/${median(xs.map((x) => x[1])).toFixed(1)}`;
      });
      const second = median(samples[`${mode}|${variant}|second render`].map((x) => x[0]));
      console.log(`  ${variant.padEnd(14)} ${total.toFixed(1).padStart(6)} ms to the first output: ${parts.join(', ')}; second render ${second.toFixed(1)}`);
    }
  }
}
