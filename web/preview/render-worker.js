// Renders drafts off the main thread, so typing stays smooth on large issues. One message in
// ({ id, markdown, options }), one out ({ id, ok, output, outline, warnings, meta, error, ms }).
import { createRenderer } from '../../dist/index.js';

const ready = createRenderer();

self.onmessage = async ({ data }) => {
  const { id, markdown, options } = data;
  try {
    const renderer = await ready;
    const start = performance.now();
    const result = renderer.render(markdown, options);
    const ms = performance.now() - start;
    self.postMessage({ id, ok: true, output: result.output, outline: result.outline, warnings: result.warnings, meta: result.meta, ms });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      error: { message: error.reason ?? error.message, line: error.line ?? 0, column: error.column ?? 0 },
    });
  }
};
