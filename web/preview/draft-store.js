// Keeps the draft across reloads in localStorage: written shortly after each change and at once when the
// page is hidden, so closing the tab mid-sentence loses nothing.
const KEY = 'broadsheet:draft';
const DELAY_MS = 250;

export class DraftStore {
  #timer = 0;
  #pending = null;
  #onSaved;

  constructor(onSaved = () => {}) {
    this.#onSaved = onSaved;
    const flush = () => this.flush();
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
  }

  /** The saved draft, or null when there is none. */
  load() {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null; // storage disabled: start from the example
    }
  }

  save(text) {
    this.#pending = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), DELAY_MS);
  }

  flush() {
    clearTimeout(this.#timer);
    if (this.#pending === null) return;
    const text = this.#pending;
    this.#pending = null;
    try {
      localStorage.setItem(KEY, text);
      this.#onSaved(null);
    } catch (error) {
      this.#onSaved(error); // quota exceeded or storage disabled: say so, keep working
    }
  }
}
