import { createRenderer } from '../../dist/index.js';

// Drafts up to this size render on the main thread, in the same task as the keystroke, so the editor and
// the preview change in the same frame; larger ones go to the worker so typing never waits for a render.
export const MAIN_THREAD_LIMIT = 48 * 1024;

/** Renders on the main thread; answers in the worker's shape. */
export async function createLocalRenderer() {
  const renderer = await createRenderer();
  return (markdown, options) => {
    try {
      const start = performance.now();
      const result = renderer.render(markdown, options);
      const ms = performance.now() - start;
      return { ok: true, output: result.output, outline: result.outline, warnings: result.warnings, meta: result.meta, ms };
    } catch (error) {
      return { ok: false, error: { message: error.reason ?? error.message, line: error.line ?? 0, column: error.column ?? 0 } };
    }
  };
}

// Talks to the render worker. While a render runs, newer requests replace each other: only the latest
// draft is rendered next, so a fast typist never queues up stale work.
export class RenderClient {
  #worker = new Worker(new URL('./render-worker.js', import.meta.url), { type: 'module' });
  #nextId = 1;
  #busy = null;      // { id, resolve }
  #pending = null;   // { markdown, options, resolve }

  constructor() {
    this.#worker.onmessage = ({ data }) => {
      const busy = this.#busy;
      this.#busy = null;
      if (busy && busy.id === data.id) busy.resolve(data);
      this.#startPending();
    };
    this.#worker.onerror = (event) => {
      const busy = this.#busy;
      this.#busy = null;
      busy?.resolve({ ok: false, error: { message: `the render worker failed: ${event.message}`, line: 0, column: 0 } });
      this.#startPending();
    };
  }

  /** Resolves to the worker's answer, or to null when a newer request replaced this one. */
  render(markdown, options) {
    return new Promise((resolve) => {
      this.#pending?.resolve(null);
      this.#pending = { markdown, options, resolve };
      if (!this.#busy) this.#startPending();
    });
  }

  #startPending() {
    const next = this.#pending;
    if (!next) return;
    this.#pending = null;
    const id = this.#nextId++;
    this.#busy = { id, resolve: next.resolve };
    this.#worker.postMessage({ id, markdown: next.markdown, options: next.options });
  }
}
