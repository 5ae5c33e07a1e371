// <broadsheet-issue>'s worker: renders big issues off the page's main thread. The page hands over the
// compiled core (a WebAssembly.Module), so nothing is fetched or compiled twice. One message in
// ({ id, module, markdown, options }), one out ({ id, ok, output, outline, meta, warnings, labels }
// or { id, ok, error }).
import { createRenderer } from './web.js';

let ready = null;

self.onmessage = async ({ data }) => {
  const { id, module, markdown, options } = data;
  try {
    ready ??= createRenderer({ wasm: module }).catch((error) => {
      ready = null; // a later message may retry
      throw error;
    });
    const result = (await ready).render(markdown, options);
    self.postMessage({
      id, ok: true, output: result.output, outline: result.outline, meta: result.meta, warnings: result.warnings, labels: result.labels,
    });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: { name: error?.name, message: error?.message ?? String(error), reason: error?.reason, line: error?.line ?? 0, column: error?.column ?? 0 },
    });
  }
};
