// A worker thread of `broadsheet build`: starts a renderer from the compiled module the main thread
// sends, then renders the issues it is given (build-issue.js), one message each.
import { parentPort, workerData } from 'node:worker_threads';
import { createRenderer } from './index.js';
import { problemOf, renderIssue } from './build-issue.js';

const renderer = await createRenderer({ wasm: workerData.wasmModule });

parentPort.on('message', ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: renderIssue(renderer, job) });
  } catch (error) {
    parentPort.postMessage({ id, error: problemOf(error) });
  }
});
parentPort.postMessage({ ready: true });
