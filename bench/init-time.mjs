// Cold start of one peer, in a fresh process: import + initialisation until it can render, then the
// first render of a small issue (which includes the engine's lazy compilation of the code it runs).
// Prints JSON; run by bench/run.mjs once per sample.
import { peerNamed } from './peers.mjs';

const peer = peerNamed(process.argv[2]);
const sample = '# Hello\n\nSome *Markdown* with a [link](https://example.com).\n';
const start = performance.now();
const fns = await peer.load();
const ready = performance.now();
fns.newsletter(sample);
const rendered = performance.now();
process.stdout.write(JSON.stringify({ initMs: ready - start, firstRenderMs: rendered - ready }));
