#!/usr/bin/env node
// npm run bench:startup: how long a Node program waits for its first issue. Each sample is a fresh Node
// process (bench/startup-child.mjs) that imports the package, creates a renderer and renders one issue,
// timed inside the process; the variants take turns within each round, so a busy moment hits all of them.
// Side by side with markdown-wasm (its HTML; it has no email). Also `broadsheet render FILE` (the CLI,
// html page with lint, and without it on the web core; the whole process) against a Node process that only starts (node -e 0).
//   node bench/startup.mjs [ROUNDS=11] [--baseline DIR]   (DIR: another build's dist/, e.g. before a change)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 11);
const baseline = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : null;
const ISSUES = { 'full.md (14 KB)': `${ROOT}examples/full.md`, 'minimal.md (1.3 KB)': `${ROOT}examples/minimal.md` };
const CHILD = `${ROOT}bench/startup-child.mjs`;

const variants = [
  { name: 'markdown-wasm', args: ['markdown-wasm'] },
  { name: 'broadsheet html', args: ['html'] },
  { name: 'broadsheet email', args: ['email'] },
  { name: 'full core alone, html', args: ['html-full'] },
  { name: 'full core alone, email', args: ['email-full'] },
  ...(baseline ? [
    { name: `baseline html`, args: ['html', '-', baseline] },
    { name: `baseline email`, args: ['email', '-', baseline] },
  ] : []),
];
const cli = [
  { name: 'node -e 0 (Node\'s own start)', command: ['-e', '0'] },
  { name: 'broadsheet render full.md', command: [`${ROOT}dist/cli.js`, 'render', `${ROOT}examples/full.md`] },
  { name: 'broadsheet render --no-lint full.md', command: [`${ROOT}dist/cli.js`, 'render', '--no-lint', `${ROOT}examples/full.md`] },
  ...(baseline ? [
    { name: 'baseline broadsheet render full.md', command: [`${baseline}/cli.js`, 'render', `${ROOT}examples/full.md`] },
    { name: 'baseline render --no-lint full.md', command: [`${baseline}/cli.js`, 'render', '--no-lint', `${ROOT}examples/full.md`] },
  ] : []),
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sample = ([variant, , dist], file) => JSON.parse(execFileSync(process.execPath, [CHILD, variant, file, ...(dist ? [dist] : [])], { encoding: 'utf8' })).ms;
const wall = (command) => {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, command, { stdio: ['ignore', 'ignore', 'ignore'] });
  return Number(process.hrtime.bigint() - start) / 1e6;
};

const times = {};
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...variants].reverse() : variants; // neither end always goes first
  for (const [issue, file] of Object.entries(ISSUES)) {
    for (const v of order) (times[`${issue}|${v.name}`] ??= []).push(sample(v.args, file));
  }
  for (const c of round % 2 ? [...cli].reverse() : cli) (times[`cli|${c.name}`] ??= []).push(wall(c.command));
}

console.log(`Start-up in fresh Node ${process.version} processes: import + createRenderer + first render, median of ${rounds} (min in brackets)\n`);
for (const issue of Object.keys(ISSUES)) {
  const reference = median(times[`${issue}|markdown-wasm`]);
  console.log(issue);
  for (const v of variants) {
    const xs = times[`${issue}|${v.name}`];
    console.log(`  ${v.name.padEnd(26)} ${median(xs).toFixed(1).padStart(7)} ms  (${Math.min(...xs).toFixed(1).padStart(5)})  ${(median(xs) / reference).toFixed(2)}× markdown-wasm`);
  }
}
console.log('\nThe CLI, whole process (wall time, Node\'s start-up included)');
for (const c of cli) {
  const xs = times[`cli|${c.name}`];
  console.log(`  ${c.name.padEnd(36)} ${median(xs).toFixed(1).padStart(7)} ms  (${Math.min(...xs).toFixed(1).padStart(5)})`);
}
