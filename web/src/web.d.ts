/**
 * `broadsheet/web`: the renderer for pages that only need web HTML (the one `<broadsheet-issue>`
 * uses). It loads the web core (`broadsheet-web.wasm`): the web renderer, front matter, directives,
 * meta and outline. For email, plain text, JSON or lint warnings, use `broadsheet`'s `createRenderer`.
 *
 * @example
 * ```js
 * import { createRenderer } from 'broadsheet/web';
 * const renderer = await createRenderer();
 * shadowRoot.innerHTML = renderer.render(markdown).output;
 * ```
 *
 * @packageDocumentation
 */
import type { BroadsheetError, CreateRendererOptions, RenderOptions, RenderResult } from './index.js';

export { BroadsheetError };

/** Options of {@link WebRenderer.render}: those of `broadsheet`, web HTML only and without lint. */
export type WebRenderOptions = Omit<RenderOptions, 'format' | 'lint'> & { format?: 'html'; lint?: false };

/** A renderer of web HTML on the web core. */
export interface WebRenderer {
  /** Renders Markdown to web HTML. Throws a TypeError for another format or `lint: true`. */
  render(markdown: string, options?: WebRenderOptions): RenderResult;
  /** The core's memory, for diagnostics. */
  memoryUsage(): { heapBytes: number; memoryBytes: number };
  /** Frees the core's memory; the renderer cannot be used afterwards. */
  dispose(): void;
}

/** Loads the web core (`broadsheet-web.wasm` next to this module unless `wasm` says otherwise). */
export declare function createRenderer(options?: CreateRendererOptions): Promise<WebRenderer>;

/**
 * Starts fetching and compiling the web core (streaming) and resolves to the compiled module, shared
 * with createRenderer; hand it to a worker with `postMessage` and `createRenderer({ wasm: module })`.
 */
export declare function compileWebCore(source?: CreateRendererOptions['wasm']): Promise<WebAssembly.Module>;
