// `npm run bench:build`: `broadsheet build` over 1,000 generated issues (bench/generate-issue.mjs; sizes
// cycling 2, 8 and 16 KB, each with `::: recent` and no canonical_url), each step a fresh
// `node dist/cli.js build` process timed from spawn to exit: from scratch, again with nothing changed,
// after editing one issue's text, after renaming one issue (its neighbours and the recent lists that
// name it change too), after adding a new issue, and with --force. Prints a table and writes
// build/bench/build.json. `--dist DIR` builds with another dist/ (an older build, for a before/after).
//   node bench/build.mjs [--issues N] [--keep DIR] [--no-search] [--dist DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_SIZES, archiveOptions, benchIssue, generateIssue, writeArchive } from './generate-issue.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const distAt = process.argv.indexOf('--dist');
const CLI = join(distAt > 0 ? process.argv[distAt + 1] : join(ROOT, 'dist'), 'cli.js');
const { count: COUNT, keep } = archiveOptions(process.argv.slice(2));
// `--no-search` passed on to every build: the figures without the search index (bench/search.mjs measures it).
const EXTRA = process.argv.includes('--no-search') ? ['--no-search'] : [];
const BASE_URL = 'https://example.com/news/';

function build(input, out, flags = []) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'build', input, '--out', out, '--base-url', BASE_URL, ...EXTRA, ...flags], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(0, 2000)}`);
  const m = /(\d+) rendered, (\d+) unchanged/.exec(r.stdout);
  return { seconds, rendered: Number(m?.[1]), unchanged: Number(m?.[2]) };
}

const { dir, input, out, bytes } = writeArchive({ count: COUNT, keep, name: 'build' });

const middle = join(input, `issue-${String(Math.ceil(COUNT / 2)).padStart(4, '0')}.md`);
const steps = [];
const step = (name, change, flags) => {
  change?.();
  steps.push({ name, ...build(input, out, flags) });
};
step('from scratch');
step('nothing changed');
step('one issue\'s text edited', () => writeFileSync(middle, readFileSync(middle, 'utf8') + '\nOne more paragraph, added by the benchmark.\n'));
step('one issue renamed', () => writeFileSync(middle, readFileSync(middle, 'utf8').replace(/^title: .*$/m, 'title: A renamed issue')));
step('one issue added', () => writeFileSync(join(input, 'issue-new.md'), benchIssue(COUNT + 1, generateIssue(ARCHIVE_SIZES[0]))));
step('everything again (--force)', null, ['--force']);

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadavg: loadavg()[0],
  issues: COUNT,
  megabytes: bytes / 1e6,
  steps,
};
console.log(`broadsheet build${EXTRA.length ? ' --no-search' : ''}, ${COUNT} generated issues (${results.megabytes.toFixed(1)} MB of Markdown), ${results.cpus} cores, Node ${process.version}, load ${results.loadavg.toFixed(2)}`);
console.log('\n| step | seconds | pages rendered | unchanged |\n|:--|--:|--:|--:|');
for (const s of steps) console.log(`| ${s.name} | ${s.seconds.toFixed(2)} | ${s.rendered} | ${s.unchanged} |`);
mkdirSync(join(ROOT, 'build', 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'build', 'bench', 'build.json'), JSON.stringify(results, null, 1));
if (!keep) rmSync(dir, { recursive: true, force: true });
