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

// BroadsheetError (broadsheet-error.js), which must exist before the ES module loads: its CommonJS copy, made
// by the build. render()'s errors come from the ES module's class; `instanceof` accepts them as well as errors
// made with this constructor.
const { BroadsheetError } = require('./broadsheet-error.cjs');
const ownInstance = Function.prototype[Symbol.hasInstance];
Object.defineProperty(BroadsheetError, Symbol.hasInstance, {
  value(value) {
    return ownInstance.call(this, value) || (esm !== null && value instanceof esm.BroadsheetError);
  },
});

module.exports = { createRenderer, BroadsheetError };
