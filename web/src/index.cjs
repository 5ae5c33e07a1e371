// CommonJS entry of the package: `require('broadsheet')`. The implementation is the ES module
// index.js, loaded by dynamic import inside createRenderer (no top-level await, no bundled copy).
'use strict';

let loading = null;
let esm = null;
function load() {
  loading ??= import('./index.js').then((module) => (esm = module), (error) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** Loads and starts the WebAssembly core; see index.d.cts. */
async function createRenderer(options) {
  return (await load()).createRenderer(options);
}

/**
 * Thrown by render() for front-matter errors and oversized input. The errors come from the ES
 * module's class; `instanceof` accepts them as well as errors made with this constructor.
 */
class BroadsheetError extends Error {
  constructor(reason, line = 0, column = 0) {
    super(line > 0 ? `${line}:${column}: ${reason}` : reason);
    this.name = 'BroadsheetError';
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  static [Symbol.hasInstance](value) {
    return Function.prototype[Symbol.hasInstance].call(this, value)
      || (esm !== null && value instanceof esm.BroadsheetError);
  }
}

module.exports = { createRenderer, BroadsheetError };
