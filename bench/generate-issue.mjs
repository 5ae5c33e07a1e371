// Generated newsletter issues of a chosen size, built from the shipped examples (examples/*.md): the
// front matter and intro of full.md, then the `## ` sections of every example, cycled until the issue
// reaches the size. Nothing big is committed: the benchmark builds these on the fly, and
// `node bench/generate-issue.mjs DIR` writes them to DIR for the native benchmark.
import { mkdtempSync, readFileSync, readdirSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

export const ISSUE_SIZES = [2 * 1024, 50 * 1024, 500 * 1024, 5 * 1024 * 1024];

/** Splits an example into its front matter + intro and its `## ` sections. */
function split(markdown) {
  const starts = [...markdown.matchAll(/^## /gm)].map((m) => m.index);
  if (starts.length === 0) return { head: markdown, sections: [] };
  const sections = starts.map((start, i) => markdown.slice(start, starts[i + 1] ?? markdown.length));
  return { head: markdown.slice(0, starts[0]), sections };
}

function examples() {
  return readdirSync(examplesDir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => split(readFileSync(join(examplesDir, f), 'utf8')));
}

/** An issue of about `bytes` bytes (never less): whole sections, the shortest first for small sizes. */
export function generateIssue(bytes) {
  const parts = examples();
  const head = parts.find((p) => p.head.startsWith('---') && p.sections.length > 2)?.head ?? parts[0].head;
  const sections = parts.flatMap((p) => p.sections).sort((a, b) => a.length - b.length);
  const encoder = new TextEncoder();
  const chunks = [head];
  let size = encoder.encode(head).length;
  for (let round = 1; size < bytes; round++) {
    for (const section of sections) {
      if (size >= bytes) break;
      // Later rounds number their headings so sections stay distinct, as in a long archive page.
      const text = round === 1 ? section : section.replace(/^(##+ .*)$/gm, `$1 (part ${round})`);
      chunks.push(text);
      size += encoder.encode(text).length;
    }
  }
  return chunks.join('');
}

/** The archive benchmarks' (build.mjs, search.mjs) issue sizes, cycled. */
export const ARCHIVE_SIZES = [2 * 1024, 8 * 1024, 16 * 1024];

/** The archive benchmarks' options: `--issues N` (default 1,000) and `--keep DIR`. */
export function archiveOptions(argv) {
  const option = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { count: Number(option('--issues') ?? '1000'), keep: option('--keep') };
}

/** Issue `n` of the generated archive: the generated body under its own front matter, one issue a week. */
export function benchIssue(n, body) {
  const date = new Date(Date.UTC(2007, 0, 4) + (n - 1) * 7 * 86400e3).toISOString().slice(0, 10);
  return body
    .replace(/^title: .*$/m, `title: Generated issue ${n}`)
    .replace(/^issue: .*$/m, `issue: ${n}`)
    .replace(/^date: .*$/m, `date: ${date}`)
    .replace(/^canonical_url: .*\n/m, '')
    .replace(/^## /m, '::: recent Recent issues\n:::\n\n## ');
}

/**
 * Writes the archive benchmarks' `count` issues (sizes cycling ARCHIVE_SIZES) into DIR/issues, DIR being
 * `keep` (emptied first) or a new temporary folder named after `name`; `change(n, text)` may alter each.
 * Returns { dir, input, out: DIR/site, bytes: the Markdown written }.
 */
export function writeArchive({ count, keep, name, change = (n, text) => text }) {
  const dir = keep ?? mkdtempSync(join(tmpdir(), `broadsheet-bench-${name}-`));
  const input = join(dir, 'issues');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  const bodies = ARCHIVE_SIZES.map((bytes) => generateIssue(bytes));
  let bytes = 0;
  for (let n = 1; n <= count; n++) {
    const text = change(n, benchIssue(n, bodies[n % ARCHIVE_SIZES.length]));
    bytes += Buffer.byteLength(text);
    writeFileSync(join(input, `issue-${String(n).padStart(4, '0')}.md`), text);
  }
  return { dir, input, out: join(dir, 'site'), bytes };
}

export function issueName(bytes) {
  return bytes >= 1024 * 1024 ? `issue-${bytes / (1024 * 1024)}mb.md` : `issue-${bytes / 1024}kb.md`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/generate-issue.mjs OUTPUT_DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const bytes of ISSUE_SIZES) writeFileSync(join(dir, issueName(bytes)), generateIssue(bytes));
}
