// Shared paths and helpers for the node:test suites (not a test file).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const DIST_INDEX = join(DIST, 'index.js');
export const DIST_CLI = join(DIST, 'cli.js');
export const DIST_WASM = join(DIST, 'broadsheet.wasm');
export const NATIVE_CLI = join(ROOT, 'build', 'native', 'broadsheet');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const EXAMPLES = join(ROOT, 'examples');

/** Imports the built package, failing clearly when it has not been built. */
export async function loadBroadsheet() {
  for (const file of [DIST_INDEX, DIST_WASM, join(DIST, 'broadsheet-core.mjs')]) {
    if (!existsSync(file)) throw new Error(`${relative(ROOT, file)} is missing: run npm run build`);
  }
  return import(pathToFileURL(DIST_INDEX).href);
}

/** Fails clearly when the native twin has not been built. */
export function requireNativeCli() {
  if (!existsSync(NATIVE_CLI)) throw new Error(`${relative(ROOT, NATIVE_CLI)} is missing: run npm run build`);
  return NATIVE_CLI;
}

/** Every file under `dir` (recursively) whose name ends with `suffix`, sorted. */
export function filesUnder(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort();
}

/** The examples/*.md files, sorted. */
export function exampleFiles() {
  if (!existsSync(EXAMPLES)) return [];
  return readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort().map((f) => join(EXAMPLES, f));
}

export const readText = (file) => readFileSync(file, 'utf8');

/** Runs a command to completion; stdout stays a Buffer, stderr is text. */
export function run(command, args, { input, cwd = ROOT } = {}) {
  const r = spawnSync(command, args, { cwd, input, maxBuffer: 256 << 20, timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Runs the npm CLI from dist/. */
export const runCli = (args, options) => run(process.execPath, [DIST_CLI, ...args], options);

/** Runs the native CLI. */
export const runNative = (args, options) => run(requireNativeCli(), args, options);

/** A path relative to the repo root, for test names and CLI arguments. */
export const rel = (file) => relative(ROOT, file);
