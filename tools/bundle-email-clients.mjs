// Bundles web/src/email-clients.js (with caniemail's data, parse5 and the triage) into one module,
// dist/email-clients.js, that runs in Node (`broadsheet check`) and in a browser (the preview's email
// view) with no dependency installed: caniemail and parse5 are development dependencies.
// caniemail reads its JSON with node:module's createRequire, and its glob matcher (micromatch, used only
// with exact client names here) reaches for Node's path, util and process: the bundle imports the JSON
// and gets browser stand-ins for those three.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const nodeStandIns = {
  name: 'caniemail-in-any-runtime',
  setup(b) {
    b.onLoad({ filter: /caniemail[\\/]dist[\\/]json\.js$/ }, (args) => ({
      contents: "import data from '../data/caniemail.json';\nexport const caniEmailJson = data;\n",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
    b.onResolve({ filter: /^(path|util)$/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({
      contents: args.path === 'path'
        ? "module.exports = { sep: '/', basename: (p) => p.slice(p.lastIndexOf('/') + 1) };"
        : 'module.exports = { inspect: (value) => JSON.stringify(value) };',
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(ROOT, 'web/src/email-clients.js')],
  outfile: process.argv[2] ?? join(ROOT, 'dist/email-clients.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  define: { 'process.platform': '"browser"', 'process.version': '"v20.0.0"' },
  plugins: [nodeStandIns],
  logLevel: 'warning',
  logOverride: { 'package.json': 'silent' },  // the package's own export conditions, as in tools/build.sh
});
