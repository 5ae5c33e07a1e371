// The pages of `broadsheet build`, rendered by worker threads (each with its own instance of the core,
// compiled once and shared), or on the calling thread when there are only a few.
import { Worker } from 'node:worker_threads';
import { problemOf, renderIssue } from './build-issue.js';

// Below this many pages to render, starting worker threads costs more than it saves.
const MAIN_THREAD_JOBS = 8;

/**
 * Renders the jobs (build-issue.js) and resolves to one result per job, in order: { warnings, files } or
 * { error }. `workers`: at most this many threads; `onProgress(done, total)` after each page.
 */
export async function renderPages(jobs, { wasmModule, renderer, workers: count, onProgress }) {
  const results = new Array(jobs.length);
  let done = 0;
  const finished = () => onProgress?.(++done, jobs.length);
  onProgress?.(0, jobs.length);
  if (jobs.length <= MAIN_THREAD_JOBS || count === 1) {
    jobs.forEach((job, i) => {
      try {
        results[i] = renderIssue(renderer, job);
      } catch (error) {
        results[i] = { error: problemOf(error) };
      }
      finished();
    });
    return results;
  }
  const workerUrl = new URL('./build-worker.js', import.meta.url);
  let next = 0;
  const workers = [];
  const running = Array.from({ length: Math.min(count, jobs.length) }, () => new Promise((ok, fail) => {
    const worker = new Worker(workerUrl, { workerData: { wasmModule } });
    workers.push(worker);
    const give = () => {
      if (next >= jobs.length) return ok();
      const id = next++;
      worker.postMessage({ id, job: jobs[id] });
    };
    worker.on('message', (message) => {
      if (message.ready) return give();
      results[message.id] = message.error ? { error: message.error } : message.result;
      finished();
      give();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a build worker stopped (exit code ${code})`))); // ignored once settled
  }));
  try {
    await Promise.all(running);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
