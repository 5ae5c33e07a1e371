// The benchmark corpus: real-world Markdown that ships with the devDependencies (every installed
// package's README and the CommonMark spec text) plus generated newsletter issues of 2 KB to 5 MB.
// `node bench/corpus.mjs DIR` writes the corpus files to DIR (used by the native benchmark).
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIssue, issueName, ISSUE_SIZES } from './generate-issue.mjs';

const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url));

function packageDirs() {
  const dirs = [];
  for (const name of readdirSync(nodeModules).sort()) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(nodeModules, name)).sort()) dirs.push(join(name, sub));
    } else dirs.push(name);
  }
  return dirs;
}

/** [{name, text}]: each package's README (duplicates dropped) and the CommonMark spec. */
export function realWorldFiles() {
  const files = [];
  const seen = new Set();
  for (const dir of packageDirs()) {
    const readme = readdirSync(join(nodeModules, dir)).find((f) => /^readme\.(md|markdown)$/i.test(f));
    if (!readme) continue;
    const text = readFileSync(join(nodeModules, dir, readme), 'utf8');
    if (text.trim().length === 0 || seen.has(text)) continue;
    seen.add(text);
    files.push({ name: `${dir}/${readme}`, text });
  }
  const spec = join(nodeModules, 'commonmark-spec', 'spec.txt');
  if (existsSync(spec)) files.push({ name: 'commonmark-spec/spec.txt', text: readFileSync(spec, 'utf8') });
  return files;
}

/** [{name, text, bytes}]: the generated issues, smallest first. */
export function issueFiles(sizes = ISSUE_SIZES) {
  return sizes.map((bytes) => ({ name: issueName(bytes), text: generateIssue(bytes), bytes }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node bench/corpus.mjs OUTPUT_DIR  (writes real-world/ and issues/ under it)');
    process.exit(2);
  }
  for (const [sub, files] of [['real-world', realWorldFiles()], ['issues', issueFiles()]]) {
    mkdirSync(join(dir, sub), { recursive: true });
    for (const file of files) writeFileSync(join(dir, sub, file.name.replace(/[\\/]/g, '__')), file.text);
  }
}
