// Broadsheet: Markdown newsletters rendered by a C++ core (md4c) compiled to
// WebAssembly. This is the package entry; it runs in Node >= 18, browsers
// and workers. See index.d.ts for the documented API.
//
// The Emscripten glue is always given a WebAssembly.Module compiled here
// (through its instantiateWasm hook): the glue cannot load a file path in
// Node, and holding the compiled module lets a crashed core be re-created.
// The glue is imported by createRenderer, while the engine compiles the wasm
// in the background: the two overlap instead of adding up at start-up.

import { BroadsheetError } from './broadsheet-error.js';
import { createLazyRenderer } from './lazy-core.js';
import { compileLocalFile, isNode } from './local-file.js';

export { BroadsheetError };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// ---------------------------------------------------------------------------
// Loading the wasm

// A core is a wasm and its Emscripten glue, built together. This entry's is the full core (every format);
// web.js names the web core (web HTML only) the same way. Each remembers its compiled default module
// and its glue's factory (a restart after a crash needs it synchronously); a failed load is forgotten
// so a later call can retry.
const FULL_CORE = {
  // Both written out in full so bundlers can see and emit (or inline) them.
  glue: () => import('./broadsheet-core.mjs'),
  wasmUrl: () => new URL('./broadsheet.wasm', import.meta.url),
};

export function loadGlue(core) {
  core.gluePromise ??= core.glue().then((m) => (core.factory = m.default), (error) => {
    core.gluePromise = null;
    throw error;
  });
  return core.gluePromise;
}

/** An error's message, with the underlying network or system code if any. */
function reasonOf(error) {
  const code = error?.cause?.code ?? error?.code;
  const message = error?.message ?? String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

/** Describes a `wasm` option for error messages. */
function describeSource(source, core) {
  if (source === undefined) return `${core.wasmUrl().href} (the default)`;
  if (typeof source === 'string' || source instanceof URL) return String(source);
  if (typeof Response === 'function' && source instanceof Response) return `a Response from ${source.url || 'an unknown URL'}`;
  if (source instanceof WebAssembly.Module) return 'a WebAssembly.Module';
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return `${source.byteLength} bytes given as ${source.constructor.name}`;
  return `a value of type ${typeof source}`;
}

/** Resolves a string to a URL: an absolute URL, else a path (Node) or a page-relative URL. */
function toUrl(source) {
  if (source instanceof URL) return source;
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) return new URL(source);
  if (isNode) return null; // a file path
  return new URL(source, globalThis.location?.href);
}

/** Compiles a Response, streaming when the server sent application/wasm. */
async function compileResponse(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  const type = response.headers.get('content-type') || '';
  if (typeof WebAssembly.compileStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

async function compileFrom(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  // Strings and URLs (the default) are handled before `Response` is looked at: in Node, the first
  // access to the global Response loads the whole fetch implementation (about 20 ms of start-up).
  if (typeof source !== 'string' && !(source instanceof URL)) {
    if (typeof Response === 'function' && source instanceof Response) return compileResponse(source);
    throw new TypeError('options.wasm must be a URL, a string, bytes, a Response or a WebAssembly.Module');
  }
  const url = toUrl(source);
  return (await compileLocalFile(source, url)) ?? compileResponse(await fetch(url));
}

/** Compiles the core from `source`, rejecting with an Error that says what and where. */
async function loadWasm(source, core) {
  if (source === undefined && core.module) return core.module;
  const pending = compileFrom(source ?? core.wasmUrl()).catch((cause) => {
    if (source === undefined) core.module = null;
    throw new Error(`Broadsheet: could not load the WebAssembly core from ${describeSource(source, core)}: ${reasonOf(cause)}`, { cause });
  });
  if (source === undefined) core.module = pending;
  return pending;
}

// ---------------------------------------------------------------------------
// Instantiating the Emscripten module

/**
 * Runs the glue over a compiled module. With `sync`, the instance is made
 * synchronously and the ready Module returned at once (used to recover
 * after a crash, inside a synchronous render call); otherwise a Promise.
 */
function instantiate(factory, wasmModule, sync) {
  let failure = null;
  let fail = (error) => { failure ??= error; };
  // The glue (Emscripten 3.1.6, MODULARIZE) builds the Module on this very
  // object. The build only reads the hooks below from it
  // (INCOMING_MODULE_JS_API), so no other hook may be relied on.
  const moduleArgs = {
    instantiateWasm(imports, receive) {
      // The glue swallows errors thrown here and would then wait forever:
      // catch them and reject instead.
      try {
        if (sync) receive(new WebAssembly.Instance(wasmModule, imports), wasmModule);
        else WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule)).catch((e) => fail(e));
      } catch (error) {
        fail(error);
      }
      return {};
    },
    onAbort(what) {
      fail(new Error(`the core aborted: ${what}`));
    },
  };
  const settled = factory(moduleArgs);
  if (sync) {
    settled.catch(() => {}); // failures are reported by the throw below
    if (failure) throw failure;
    // With a synchronous instance the runtime is up before the factory returns.
    if (typeof moduleArgs.render !== 'function' || !moduleArgs.HEAPU8) {
      throw new Error('the core did not start synchronously');
    }
    return moduleArgs;
  }
  return new Promise((resolve, reject) => {
    if (failure) reject(failure);
    fail = reject; // later failures reject directly
    settled.then(resolve, reject);
  });
}

// ---------------------------------------------------------------------------
// Rendering

// The core's render flags and result words (src/bindings/embind.cpp, the same names there as kCommonMark…;
// tests/js/boundary-declared.test.js fails if the two sides differ): bits for the booleans, the format's
// number above. The formats and their numbers come from the core (formats(), its one list of formats).
const COMMON_MARK = 1;
const STANDALONE = 2;
const ALLOW_HTML = 4;
const NO_LINT = 8;
const SUMMARY_ONLY = 16;
const FORMAT_SHIFT = 8;
const OK = 0;
const OUTPUT_POINTER = 1;
const OUTPUT_LENGTH = 2;
const SIDECAR_POINTER = 3;
const SIDECAR_LENGTH = 4;

/**
 * Checks the options and packs them as the core takes them: flags as one number, and the two strings.
 * `formatNumbers` maps each format the core renders to its number.
 */
function coreOptions(options, formatNumbers) {
  const o = options ?? {};
  const format = o.format ?? 'html';
  if (typeof format !== 'string' || !formatNumbers.has(format)) {
    throw new TypeError(`Unknown format ${JSON.stringify(format)}: expected one of ${[...formatNumbers.keys()].join(', ')}`);
  }
  const maxInputBytes = byteLimit(o, 'maxInputBytes');
  const maxOutputBytes = byteLimit(o, 'maxOutputBytes');
  const lint = o.lint === undefined ? true : Boolean(o.lint);
  const flags = (o.commonmark ? COMMON_MARK : 0) | (o.standalone ? STANDALONE : 0) | (o.allowHtml ? ALLOW_HTML : 0) |
    (lint ? 0 : NO_LINT) | (o.summaryOnly ? SUMMARY_ONLY : 0) | (formatNumbers.get(format) << FORMAT_SHIFT);
  // The string options as one string, in the order the core reads them (setStrings in embind.cpp).
  const strings = [o.idPrefix, o.unsubscribeUrl, o.defaultLang, o.defaultCanonicalUrl, o.defaultSlug]
    .map((s) => textOption(s).replaceAll('\x1f', '')).join('\x1f');
  return { flags, strings, maxInputBytes, maxOutputBytes, labels: packLabels(o.labels), recent: packRecent(o.recent) };
}

/**
 * A string option as the core takes it: a lone surrogate (half of a UTF-16 pair) becomes U+FFFD here, as
 * the Markdown's do in encodeInto; the bindings' own conversion would swallow the character after it.
 */
const textOption = (value) => decoder.decode(encoder.encode(String(value ?? '')));

/**
 * The `recent` option (the issues before this one, newest first: { url, title, number, date }) as the one
 * string the core takes: each field followed by U+001F. The core decides how each is shown and linked.
 */
function packRecent(recent) {
  if (recent === undefined || recent === null) return '';
  if (!Array.isArray(recent)) throw new TypeError('recent must be a list of { url, title, number, date }');
  let packed = '';
  for (const issue of recent) {
    const fields = [issue?.url, issue?.title, issue?.number, issue?.date];
    packed += fields.map((f) => (typeof f === 'string' || typeof f === 'number' ? textOption(f).replaceAll('\x1f', '') : '')).join('\x1f') + '\x1f';
  }
  return packed;
}

/** A size cap option (maxInputBytes, maxOutputBytes): a whole number of bytes, 0 (the default) for the core's own. */
function byteLimit(o, name) {
  const value = o[name] ?? 0;
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`${name} must be a whole number of bytes (0 for the default limit)`);
  }
  return value;
}

/**
 * The `labels` option ({ in_this_issue: 'Inside', … }) as the one string the core takes: each key and
 * value followed by U+001F. Unknown keys are the core's to report (as warnings).
 */
function packLabels(labels) {
  if (labels === undefined || labels === null) return '';
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    throw new TypeError('labels must be an object of label keys and strings, e.g. { in_this_issue: "Inside" }');
  }
  let packed = '';
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value !== 'string') throw new TypeError(`labels.${key} must be a string`);
    packed += `${textOption(key).replaceAll('\x1f', '')}\x1f${textOption(value).replaceAll('\x1f', '')}\x1f`;
  }
  return packed;
}

/**
 * Copies `markdown` as UTF-8 into the core's input buffer with encodeInto; returns its length in bytes.
 * The buffer is first sized for ASCII (one byte per UTF-16 unit). Text with other characters continues
 * into a buffer regrown for the rest, estimated from the bytes per unit so far, so a big input takes
 * about its own size in wasm memory rather than three times it.
 */
function encodeInput(module, markdown) {
  let capacity = markdown.length + 16;
  let input = module.inputBuffer(capacity);
  let { read, written } = encoder.encodeInto(markdown, module.HEAPU8.subarray(input, input + capacity));
  while (read < markdown.length) {
    const rest = markdown.length - read;
    capacity = written + Math.ceil(rest * Math.max(1.5, (1.25 * written) / Math.max(read, 1))) + 16;
    input = module.inputBuffer(capacity); // keeps the bytes written so far
    const more = encoder.encodeInto(markdown.slice(read), module.HEAPU8.subarray(input + written, input + capacity));
    read += more.read;
    written += more.written;
  }
  return written;
}

/**
 * A started core: the module instance (one engine, bound as functions), the string options it holds
 * (sent on change), and the pieces of big HTML output it hands over while it renders (decoded at once,
 * so the output is never whole in wasm memory).
 */
function newCore(module) {
  const formatNumbers = new Map(module.formats().split(' ').map((name, number) => [name, number]));
  const core = {
    module, formatNumbers, strings: '\x1f\x1f\x1f\x1f', labels: '', recent: '', pieces: [], pieceDecoder: new TextDecoder(),
  };
  module.setOutputSink((pointer, length) => {
    core.pieces.push(core.pieceDecoder.decode(module.HEAPU8.subarray(pointer, pointer + length), { stream: true }));
  });
  return core;
}

/** A render's output, with the sidecar JSON parsed on first use. */
class RenderResult {
  #sidecar; // the sidecar's JSON text (a string costs less to make than a copy of the bytes), or the parsed object
  constructor(output, sidecar) {
    this.output = output;
    this.#sidecar = sidecar;
  }
  #parsed() {
    if (typeof this.#sidecar === 'string') this.#sidecar = JSON.parse(this.#sidecar);
    return this.#sidecar;
  }
  get meta() { return this.#parsed().meta ?? {}; }
  get outline() { return this.#parsed().outline ?? []; }
  get warnings() { return this.#parsed().warnings ?? []; }
  get labels() { return this.#parsed().labels ?? {}; }
  get summary() { return this.#parsed().summary ?? null; }
  toJSON() {
    return { output: this.output, meta: this.meta, outline: this.outline, warnings: this.warnings };
  }
}

class Renderer {
  #wasmModule;
  #factory; // the glue's factory, for restarts
  #core = null; // newCore()

  constructor(wasmModule, module, factory) {
    this.#wasmModule = wasmModule;
    this.#factory = factory;
    this.#core = module ? newCore(module) : null; // null: started by the first call (rendererOf)
  }

  /** Renders Markdown; see index.d.ts. */
  render(markdown, options) {
    if (typeof markdown !== 'string') throw new TypeError('render() expects the Markdown as a string');
    const core = this.#ensureCore();
    const opts = coreOptions(options, core.formatNumbers);
    const { module } = core;
    let output;
    let sidecar;
    let ok;
    try {
      if (opts.strings !== core.strings) {
        module.setStrings(opts.strings);
        core.strings = opts.strings;
      }
      if (opts.recent !== core.recent) {
        module.setRecent(opts.recent);
        core.recent = opts.recent;
      }
      if (opts.labels !== core.labels) {
        module.setLabels(opts.labels);
        core.labels = opts.labels;
      }
      const length = encodeInput(module, markdown);
      if (core.pieces.length) core.pieces = [];
      const at = module.render(length, opts.flags, opts.maxInputBytes, opts.maxOutputBytes) >>> 2;
      const words = module.HEAPU32; // read after the call: memory may have grown
      ok = words[at + OK] === 1;
      const heap = module.HEAPU8;
      const outputPointer = words[at + OUTPUT_POINTER];
      const sidecarPointer = words[at + SIDECAR_POINTER];
      const tail = heap.subarray(outputPointer, outputPointer + words[at + OUTPUT_LENGTH]);
      if (!ok) output = '';
      else if (core.pieces.length === 0) output = decoder.decode(tail);
      else {
        core.pieces.push(core.pieceDecoder.decode(tail)); // ends the stream
        output = core.pieces.join('');
        core.pieces = [];
      }
      sidecar = decoder.decode(heap.subarray(sidecarPointer, sidecarPointer + words[at + SIDECAR_LENGTH]));
    } catch (cause) {
      this.#discardCore();
      throw new Error(`Broadsheet: the WebAssembly core crashed while rendering (${reasonOf(cause)}); it will be restarted for the next call`, { cause });
    }
    if (!ok) throw errorFrom(sidecar);
    return new RenderResult(output, sidecar);
  }


  /** The formats this core renders: see index.d.ts. */
  get formats() {
    return [...this.#ensureCore().formatNumbers.keys()];
  }

  /** The core's memory, for diagnostics: see index.d.ts. */
  memoryUsage() {
    const { module } = this.#ensureCore();
    return { heapBytes: module.heapBytes(), memoryBytes: module.HEAPU8.length };
  }

  /** Frees the core's memory; the renderer cannot be used afterwards. */
  dispose() {
    this.#core = null; // the instance and its memory go with it
    this.#wasmModule = null;
  }

  #restarting = null; // an asynchronous restart, when a synchronous one was refused

  #ensureCore() {
    if (this.#core) return this.#core;
    if (!this.#wasmModule) throw new Error('Broadsheet: this renderer has been disposed');
    if (this.#restarting) throw new Error('Broadsheet: the WebAssembly core is restarting; try again shortly');
    try {
      const module = instantiate(this.#factory, this.#wasmModule, true);
      this.#core = newCore(module);
      return this.#core;
    } catch (cause) {
      // Some hosts refuse synchronous instantiation: restart in the background.
      const wasmModule = this.#wasmModule;
      this.#restarting = instantiate(this.#factory, wasmModule, false).then(
        (module) => {
          if (this.#wasmModule === wasmModule) this.#core = newCore(module);
        },
        () => {},
      ).finally(() => { this.#restarting = null; });
      throw new Error(`Broadsheet: could not restart the WebAssembly core at once (${reasonOf(cause)}); retrying in the background`, { cause });
    }
  }

  #discardCore() {
    this.#core = null;
  }
}

/** Builds the BroadsheetError for a failed render from its sidecar JSON. */
function errorFrom(sidecar) {
  let error = null;
  try {
    error = JSON.parse(sidecar).error;
  } catch {
    /* reported below */
  }
  if (!error) return new BroadsheetError('the core reported a failure but no error');
  return new BroadsheetError(String(error.message ?? 'unknown error'), Number(error.line) || 0, Number(error.column) || 0);
}

/** Loads the core and resolves to a Renderer; see index.d.ts. */
export function createRenderer(options = {}) {
  // In Node, the web core renders html and the full core starts when first needed (lazy-core.js).
  if (options?.wasm === undefined && isNode) return createLazyRenderer(FULL_CORE);
  return createRendererWith(FULL_CORE, options);
}

/** A Renderer on the full core from the start (every format and lint), for a caller that knows it needs
 * it, e.g. the CLI; not documented. */
export function createFullRenderer() {
  return createRendererWith(FULL_CORE);
}

/** A Renderer on a compiled module, its instance made synchronously by its first call; for lazy-core.js. */
export function rendererOf(wasmModule, factory) {
  return new Renderer(wasmModule, null, factory);
}

/**
 * Starts a renderer on `core` ({ glue, wasmUrl }, as FULL_CORE above). For the package's other
 * entries (web.js); not part of the documented API.
 */
export async function createRendererWith(core, options = {}) {
  const [wasmModule, factory] = await Promise.all([loadWasm(options?.wasm, core), loadGlue(core)]);
  let module;
  try {
    module = await instantiate(factory, wasmModule, false);
  } catch (cause) {
    throw new Error(`Broadsheet: could not start the WebAssembly core from ${describeSource(options?.wasm, core)}: ${reasonOf(cause)}`, { cause });
  }
  return new Renderer(wasmModule, module, factory);
}

/** The compiled module of `core` (from `source`, or its default wasm), shared; for web.js, not documented. */
export function compileCore(core, source) {
  return loadWasm(source, core);
}
