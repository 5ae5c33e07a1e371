// `createRenderer()` from `broadsheet`, in Node: two cores, each started when first needed. The web core
// (web HTML, front matter, directives, outline; built for size, so its first render compiles less code)
// renders `html`; the full core (every format, CommonMark mode, lint) starts only when one of those is first
// asked for. Node compiles and instantiates a module synchronously, so the full core can start inside the
// render call that needs it. Both cores write the same bytes (tests/js/lazy-core.test.js). An html render
// comes from the web core, and what only the full core has (the lint warnings, the publication's summary
// and words) from the full core when first read; once the full core runs, it renders everything, so nothing is done
// twice again.
import { compileCore, loadGlue, rendererOf } from './index.js';
import { WEB_CORE } from './web.js';

// The web core is built for size: on the README corpus it renders at about 0.75× the full core's speed
// (147 against 110 ms for 3.2 MB, docs/performance.md). Once it has rendered this much Markdown (UTF-16
// units), starting the full core (30–100 ms with its first render's compiling) has paid for itself, so a
// program rendering in bulk gets the full core's throughput, and one rendering a few issues never waits for it.
const WEB_CORE_UNITS = 4 * 1024 * 1024;

const compiled = new WeakMap(); // a core → its module compiled here, shared by every renderer of the process

/**
 * Whether the web core renders these options: web HTML in newsletter mode, which is all it carries (a
 * publication's summary is the full core's).
 */
const webRenders = (o) => (o.format === undefined || o.format === 'html') && !o.commonmark && !o.summaryOnly;

/** Starts the split renderer over `full` (index.js's FULL_CORE): see the top of this file. */
export async function createLazyRenderer(full) {
  // A computed name: bundlers for the browser (esbuild) must not try to resolve a Node built-in.
  const fsName = ['node:fs'].join('');
  const [{ readFileSync }, webFactory, fullFactory, webModule] = await Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ fsName), loadGlue(WEB_CORE), loadGlue(full), compileCore(WEB_CORE),
  ]);
  // The full core is compiled from its file when first needed, not in the background meanwhile: a render
  // that needs it before such a compile is done would compile it again (a compile cannot be waited for
  // inside a render call), and that made the first email render 20 ms slower (docs/performance.md).
  const startFull = () => {
    if (!compiled.has(full)) {
      try {
        compiled.set(full, new WebAssembly.Module(readFileSync(full.wasmUrl())));
      } catch (cause) {
        throw new Error(`Broadsheet: could not load the WebAssembly core from ${full.wasmUrl().href}: ${cause.message}`, { cause });
      }
    }
    return rendererOf(compiled.get(full), fullFactory);
  };
  return new LazyRenderer(() => rendererOf(webModule, webFactory), startFull);
}

class LazyRenderer {
  #web = null; // a Renderer on the web core, once an html render needed it
  #full = null; // a Renderer on the full core, once something needed it
  #startWeb;
  #startFull;
  #webUnits = 0; // Markdown the web core has rendered, against WEB_CORE_UNITS

  constructor(startWeb, startFull) {
    this.#startWeb = startWeb;
    this.#startFull = startFull;
  }

  #fullCore() {
    this.#full ??= this.#startFull();
    return this.#full;
  }

  /** Renders Markdown; see index.d.ts. */
  render(markdown, options) {
    const o = options ?? {};
    if (this.#full || !webRenders(o) || this.#webUnits >= WEB_CORE_UNITS) return this.#fullCore().render(markdown, options);
    this.#web ??= this.#startWeb();
    this.#webUnits += markdown.length;
    const lint = o.lint === undefined || Boolean(o.lint);
    const result = this.#web.render(markdown, lint ? { ...o, lint: false } : options);
    let full = null;
    for (const key of lint ? ['warnings', 'summary', 'labels'] : ['summary', 'labels']) {
      Object.defineProperty(result, key, {
        get: () => (full ??= this.#fullCore().render(markdown, options))[key],
        enumerable: false,
        configurable: true,
      });
    }
    return result;
  }

  /** Every format the package renders (the full core's list). */
  get formats() {
    return this.#fullCore().formats;
  }

  /** Both cores' memory, added up (a core not started has none). */
  memoryUsage() {
    const cores = [this.#web, this.#full].filter(Boolean).map((core) => core.memoryUsage());
    return { heapBytes: cores.reduce((sum, m) => sum + m.heapBytes, 0), memoryBytes: cores.reduce((sum, m) => sum + m.memoryBytes, 0) };
  }

  dispose() {
    this.#web?.dispose();
    this.#full?.dispose();
    this.#startWeb = this.#startFull = () => { throw new Error('Broadsheet: this renderer has been disposed'); };
  }
}
