// Every WebAssembly.Memory that instances created from now on export, newest last (not a test file).
// Instances made both ways are seen: createRenderer's (WebAssembly.instantiate) and the cores that
// `broadsheet` starts inside a render call (new WebAssembly.Instance, lazy-core.js); the latter exist only
// after that render, so read the list after it.
// Importing this module installs the hook, so import it before the package creates a renderer. Wasm
// memory never shrinks: a fresh renderer's memory size after a render is that render's peak. Shared by the
// budget tests and bench/memory.mjs, bench/family-memory.mjs (a measurement hook: the package is not changed).
export const memories = [];

const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async function (...args) {
  const result = await instantiate.apply(this, args);
  const instance = result.instance ?? result;
  record(instance);
  return result;
};
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args, newTarget) {
    const instance = Reflect.construct(target, args, newTarget);
    record(instance);
    return instance;
  },
});

function record(instance) {
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) memories.push(value);
}
