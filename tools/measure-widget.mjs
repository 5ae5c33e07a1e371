#!/usr/bin/env node
// Measures how long <broadsheet-issue> takes to show an issue in headless Chromium: from navigation
// start to the broadsheet-render event (performance.now() in the page), over fresh browser contexts
// (cold cache: module, wasm and Markdown all fetched from a loopback server). Prints the median.
//   node tools/measure-widget.mjs [RUNS]        (needs dist/: npm run build)
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startStaticServer, stopServer } from '../tests/helpers/browser-harness.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[2] ?? 9);
const page = (example) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>load time</title></head>
<body><main><broadsheet-issue src="/examples/${example}" toc></broadsheet-issue></main>
<script type="module">
  document.addEventListener('broadsheet-render', () => { window.__shownAt = performance.now(); });
  document.addEventListener('broadsheet-error', (e) => { window.__failed = e.detail.message; });
  import('/dist/element.js');
</script></body></html>`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { server, origin } = await startStaticServer(ROOT, { '/full.html': { body: page('full.md') }, '/minimal.html': { body: page('minimal.md') } });
const browser = await launchChromium();
try {
  for (const name of ['minimal', 'full']) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort()); // the remote images
      const tab = await context.newPage();
      for (const times of [cold, warm]) { // first visit, then a reload with the HTTP cache filled
        if (times === cold) await tab.goto(`${origin}/${name}.html`); else await tab.reload();
        await tab.waitForFunction(() => window.__shownAt || window.__failed, null, { timeout: 30_000 });
        const { shownAt, failed } = await tab.evaluate(() => ({ shownAt: window.__shownAt, failed: window.__failed }));
        if (failed) throw new Error(failed);
        times.push(shownAt);
      }
      await context.close();
    }
    console.log(`${name}.md: navigation to broadsheet-render, median of ${runs}: cold ${median(cold).toFixed(1)} ms, `
      + `reload ${median(warm).toFixed(1)} ms (cold runs: ${cold.map((t) => t.toFixed(0)).join(' ')})`);
  }
} finally {
  await browser.close();
  await stopServer(server);
}
