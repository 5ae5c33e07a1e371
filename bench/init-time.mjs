// Cold start of one peer, in a fresh process: import + initialisation until it can render, then the
// first render (which includes the engine's lazy compilation of the code it runs). The first render is
// of one line of Markdown, or with `issue` of the example issue (examples/full.md: front matter,
// directives, sections), which runs much more of a newsletter renderer's code.
// Prints JSON; run by bench/run.mjs once per sample.
//   node bench/init-time.mjs PEER [line|issue]
import { readFileSync } from 'node:fs';
import { peerNamed } from './peers.mjs';

const peer = peerNamed(process.argv[2]);
const sample = process.argv[3] === 'issue'
  ? readFileSync(new URL('../examples/full.md', import.meta.url), 'utf8')
  : '# Hello\n\nSome *Markdown* with a [link](https://example.com).\n';
const start = performance.now();
const fns = await peer.load();
const ready = performance.now();
fns.newsletter(sample);
const rendered = performance.now();
process.stdout.write(JSON.stringify({ initMs: ready - start, firstRenderMs: rendered - ready }));
