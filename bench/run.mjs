// `npm run bench`: Broadsheet against markdown-wasm, md4w, markdown-it, marked and commonmark.js, in one
// process, string in and string out. Prints tables and writes build/bench/results.json.
// The last two rows are the ceiling: md4c itself built with Broadsheet's flags (bench/ceiling/).
//   node bench/run.mjs [--quick] [--rounds N] [--peers a,b] [--no-ceiling] [--out FILE]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PEERS, CEILING, BASELINE, root } from './peers.mjs';
import { realWorldFiles, issueFiles } from './corpus.mjs';
import { timeFiles, summarise, geomeanRatio, median } from './measure.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const rounds = Number(option('--rounds', quick ? 3 : 7));
const only = option('--peers', null)?.split(',');
const out = option('--out', join(root, 'build/bench/results.json'));
const here = dirname(fileURLToPath(import.meta.url));

/** Builds the ceiling module (md4c with the core's flags) in build/wasm; false if that cannot be done. */
function buildCeiling() {
  const env = { ...process.env, NODE_PATH: ['/usr/share/nodejs', process.env.NODE_PATH].filter(Boolean).join(':') };
  try {
    execFileSync('cmake', ['--build', join(root, 'build/wasm'), '--target', 'md4c_ceiling'], { env, stdio: 'pipe' });
    return true;
  } catch (error) {
    console.warn(`bench: the md4c ceiling rows are left out (could not build them: ${String(error.stderr || error.message).trim().split('\n').at(-1)})`);
    return false;
  }
}

const ceiling = !args.includes('--no-ceiling') && buildCeiling() ? CEILING : [];
const peers = [...PEERS, ...ceiling].filter((p) => !only || only.includes(p.name) || p.name === BASELINE || p.ceiling);

const withBytes = (files) => files.map((f) => ({ ...f, bytes: Buffer.byteLength(f.text) }));
const gzipKiB = (files) => files.reduce((s, f) => s + gzipSync(readFileSync(join(root, f)), { level: 9 }).length, 0) / 1024;

/** Medians over fresh processes: init, the first render of one line, the first render of the example issue. */
function coldStart(name, samples) {
  const run = (sample) => JSON.parse(execFileSync(process.execPath, [join(here, 'init-time.mjs'), name, sample], { encoding: 'utf8' }));
  const line = [];
  const issue = [];
  for (let i = 0; i < samples; i++) {
    line.push(run('line'));
    issue.push(run('issue'));
  }
  return {
    initMs: median([...line, ...issue].map((r) => r.initMs)),
    firstRenderMs: median(line.map((r) => r.firstRenderMs)),
    firstIssueMs: median(issue.map((r) => r.firstRenderMs)),
  };
}

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`,
    ...cells.slice(1).map(line)].join('\n');
}

const fixed = (digits) => (x) => x.toFixed(digits);
const f1 = fixed(1);
const f2 = fixed(2);

// --- load and describe the peers
const loaded = {};
const info = {};
for (const peer of peers) {
  loaded[peer.name] = await peer.load();
  info[peer.name] = { gzipKiB: gzipKiB(peer.files), ...coldStart(peer.name, quick ? 3 : 5) };
}

// --- throughput
const realWorld = withBytes(realWorldFiles());
const issues = withBytes(issueFiles());
const modes = [
  { mode: 'newsletter', corpus: 'real-world', files: realWorld, fn: 'newsletter' },
  { mode: 'commonmark', corpus: 'real-world', files: realWorld, fn: 'commonmark' },
  { mode: 'newsletter', corpus: 'generated issues', files: issues, fn: 'newsletter' },
];
const report = {
  node: process.version,
  date: new Date().toISOString(),
  rounds,
  corpus: {
    realWorld: { files: realWorld.length, bytes: realWorld.reduce((s, f) => s + f.bytes, 0) },
    issues: issues.map((f) => ({ name: f.name, bytes: f.bytes })),
  },
  peers: info,
  modes: [],
};

for (const { mode, corpus, files, fn } of modes) {
  const renderers = Object.fromEntries(peers.map((p) => [p.name, loaded[p.name][fn]]));
  const timings = timeFiles(renderers, files, { rounds: files === issues ? Math.min(rounds, 3) : rounds });
  const base = summarise(timings[BASELINE]);
  const rows = [];
  const entry = { mode, corpus, peers: {} };
  for (const peer of peers) {
    const s = summarise(timings[peer.name]);
    const ratio = s.mbPerSec / base.mbPerSec;
    const geoRatio = geomeanRatio(timings[peer.name], timings[BASELINE]);
    entry.peers[peer.name] = { ...s, ratioTotal: ratio, ratioGeomean: geoRatio, perFile: timings[peer.name] };
    rows.push([peer.name, f1(s.mbPerSec), Math.round(s.opsPerSec), f1(s.geomeanMbPerSec), `${f2(ratio)}×`, `${f2(geoRatio)}×`,
      f1(info[peer.name].initMs), f1(info[peer.name].firstRenderMs), f1(info[peer.name].firstIssueMs), f1(info[peer.name].gzipKiB)]);
  }
  report.modes.push(entry);
  const bytes = files.reduce((s, f) => s + f.bytes, 0);
  console.log(`\n${mode} mode, ${corpus} (${files.length} files, ${(bytes / 1e6).toFixed(2)} MB)\n`);
  console.log(table(['peer', 'MB/s', 'ops/s', 'geomean MB/s', `× ${BASELINE}`, '× geomean', 'init ms', '1st render ms', '1st issue ms', 'gzip KiB'], rows));
}

// --- linear scaling: cost per byte of a 50 KB issue against a 5 MB one
const issueTimings = report.modes[2].peers;
const scaling = {};
const scaleRows = [];
for (const peer of peers) {
  const perFile = issueTimings[peer.name].perFile;
  const nsPerByte = (name) => { const t = perFile.find((x) => x.file === name); return (t.ms * 1e6) / t.bytes; };
  const small = nsPerByte('issue-50kb.md');
  const large = nsPerByte('issue-5mb.md');
  scaling[peer.name] = { nsPerByte50KB: small, nsPerByte5MB: large, ratio: large / small };
  scaleRows.push([peer.name, f2(small), f2(large), `${f2(large / small)}×`]);
}
report.scaling = scaling;
console.log('\nlinear scaling (newsletter mode): cost per byte\n');
console.log(table(['peer', 'ns/byte at 50 KB', 'ns/byte at 5 MB', '5 MB / 50 KB'], scaleRows));

// --- peak wasm memory
const memory = JSON.parse(execFileSync(process.execPath, [join(here, 'memory.mjs')], { encoding: 'utf8' }));
report.memory = memory;
console.log(`\npeak wasm memory after a ${(memory.inputBytes / 1e6).toFixed(1)} MB render: ` +
  `${(memory.peakMemoryBytes / 1048576).toFixed(1)} MiB (${f1(memory.peakOverInput)}× the input; ` +
  `${(memory.memoryBeforeBytes / 1048576).toFixed(1)} MiB before); a second render ` +
  `${memory.grewOnSecondRender ? 'grew it again' : 'reused it (no growth)'}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));
console.log(`\nJSON: ${out}`);
