// Builds the draft preview page (web/preview) with Vite into build/preview: CodeMirror, the render
// worker, the package from dist/ and its wasm, all bundled so the page needs nothing from the network.
// Skips the build when build/preview is newer than every input.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'web/preview');
const OUT = join(ROOT, 'build/preview');
const INPUTS = [
  ...readdirSync(SOURCE).map((f) => join(SOURCE, f)),
  ...['index.js', 'broadsheet-core.mjs', 'broadsheet.wasm', 'element-styles.js', 'email-clients.js', 'email-check-report.js']
    .map((f) => join(ROOT, 'dist', f)),
  join(ROOT, 'package-lock.json'),
];

const newest = Math.max(...INPUTS.filter(existsSync).map((f) => statSync(f).mtimeMs));
const built = join(OUT, 'index.html');
if (existsSync(built) && statSync(built).mtimeMs >= newest && !process.argv.includes('--force')) {
  console.log('[build] preview page is up to date in build/preview');
  process.exit(0);
}

const { build } = await import('vite');
await build({
  root: SOURCE,
  base: './',
  configFile: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: { outDir: OUT, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048, reportCompressedSize: false },
});
const files = readdirSync(join(OUT, 'assets'));
const bytes = files.reduce((sum, f) => sum + statSync(join(OUT, 'assets', f)).size, statSync(built).size);
console.log(`[build] preview page built in build/preview: ${files.length + 1} files, ${Math.round(bytes / 1024)} KiB`);
