// <broadsheet-issue>'s WebAssembly path: the web core's renderer on the main thread for small issues and a
// worker for big ones, one compiled core shared by both and by every widget on the page. element.js imports
// this file only when it must render Markdown itself, so a page showing pre-rendered or published issues
// never downloads it, the core's glue or the wasm. tools/build.sh bundles it (with web.js, index.js and the
// glue) into dist/element-render.js.
import { BroadsheetError, compileWebCore, createRenderer } from './web.js';

let options = {}; // configure()'s, from element.js
let prefetched = null; // a Promise<Response> of the wasm, started by element.js with this file's download
let sharedModule = null;
let sharedRenderer = null;
let sharedWorker = null;
let workerUnavailable = false; // the worker script could not start (say, a bundler left it behind)

/**
 * Takes the page's options (`{ wasm, worker }`, see element.js's configure) and the wasm's download if
 * element.js already started it; forgets any core, renderer and worker made with earlier options.
 */
export function start(newOptions, wasmResponse = null) {
  options = newOptions;
  prefetched = wasmResponse;
  workerUnavailable = false;
  sharedModule = null;
  sharedRenderer = null;
  sharedWorker?.terminate();
  sharedWorker = null;
}

/** The compiled core, compiled as it streams in (a failure is forgotten, for a retry). */
export function compiledCore() {
  if (!sharedModule) {
    const download = prefetched;
    prefetched = null;
    // A download that failed outright is retried the usual way, whose error says what and where.
    const compiled = download ? download.then((response) => compileWebCore(response), () => compileWebCore(options.wasm)) : compileWebCore(options.wasm);
    sharedModule = compiled.catch((error) => {
      sharedModule = null;
      throw error;
    });
  }
  return sharedModule;
}

/** The main thread's renderer (the index's `::: recent` filling uses it too). */
export function renderer() {
  sharedRenderer ??= compiledCore().then((wasm) => createRenderer({ wasm })).catch((error) => {
    sharedRenderer = null; // let a later render retry
    throw error;
  });
  return sharedRenderer;
}

/** Renders `markdown` in the shared worker; resolves to { output, outline, meta, warnings, labels }. */
function renderInWorker(module, markdown, renderOptions) {
  if (!sharedWorker) {
    // Written out in full so bundlers can see the worker and bundle it; configure({ worker }) overrides it.
    const worker = options.worker
      ? new Worker(options.worker, { type: 'module', name: 'broadsheet-issue' })
      : new Worker(new URL('./element-worker.js', import.meta.url), { type: 'module', name: 'broadsheet-issue' });
    sharedWorker = { worker, pending: new Map(), next: 0, terminate: () => worker.terminate() };
    const fail = (message) => {
      for (const { reject } of sharedWorker?.pending.values() ?? []) reject(Object.assign(new Error(message), { workerFailed: true }));
      sharedWorker = null; // the next big issue starts a new worker
      worker.terminate();
    };
    worker.onmessage = ({ data }) => {
      const job = sharedWorker?.pending.get(data.id);
      if (!job) return;
      sharedWorker.pending.delete(data.id);
      if (data.ok) job.resolve(data);
      else {
        const { name, message, reason, line, column } = data.error;
        job.reject(name === 'BroadsheetError' ? new BroadsheetError(reason ?? message, line, column) : new Error(message));
      }
    };
    worker.onerror = (event) => { event.preventDefault?.(); fail(`Broadsheet: the render worker failed: ${event.message ?? 'could not start'}`); };
  }
  const { worker, pending } = sharedWorker;
  const id = ++sharedWorker.next;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, module, markdown, options: renderOptions });
  });
}

/**
 * Renders on the main thread or, from `workerFrom` UTF-16 units up (element.js's WORKER_THRESHOLD), in
 * the worker; resolves to a result-like object.
 */
export async function renderMarkdown(markdown, workerFrom, renderOptions) {
  if (markdown.length >= workerFrom && typeof Worker === 'function' && !workerUnavailable) {
    const module = await compiledCore();
    try {
      return await renderInWorker(module, markdown, renderOptions);
    } catch (error) {
      if (!error.workerFailed) throw error;
      workerUnavailable = true; // render on the main thread from now on, rather than not at all
      console.warn(`${error.message}; rendering on the main thread (see configure({ worker }))`);
    }
  }
  return (await renderer()).render(markdown, renderOptions);
}
