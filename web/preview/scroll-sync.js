// Editor and preview scroll together by section: each outline entry (a section, story or heading) pairs a
// source line with an element; between two anchors, the position is interpolated. Whichever side the
// writer scrolls leads; the other follows without echoing back.
const ECHO_MS = 120;
// After an outline click both panes scroll on their own (the editor's scroll lands a few frames later):
// neither follows the other for this long.
const REVEAL_MS = 400;

export class ScrollSync {
  #editor;
  #scroller;
  #find;
  #anchors = [];  // [{ id, line }], by line
  #leader = null;
  #leaderUntil = 0; // until then, the other side's scrolls are echoes of the leader's
  enabled = true;

  constructor(editor, scroller, find) {
    this.#editor = editor;
    this.#scroller = scroller;
    this.#find = find;
    scroller.addEventListener('scroll', () => this.#follow('preview'), { passive: true });
  }

  setAnchors(outline) {
    this.#anchors = outline.filter((entry) => entry.id && entry.line > 0).sort((a, b) => a.line - b.line);
  }

  /** Called when the editor scrolls. */
  editorScrolled() {
    this.#follow('editor');
  }

  /** Scrolls both panes to an outline entry. */
  reveal(entry) {
    const element = this.#find(entry.id);
    this.#lead('outline', REVEAL_MS);
    if (element) this.#settle(element, 8);
    this.#editor.scrollToLine(entry.line);
  }

  /**
   * Brings `element` to the top, and keeps it there for `frames` frames: in a big draft the sections far
   * from view have estimated sizes until they are laid out (content-visibility), which happens in the
   * frames after the scroll brings them near.
   */
  #settle(element, frames) {
    const top = this.#top(element);
    if (Math.abs(top - this.#scroller.scrollTop) > 2) this.#scroller.scrollTop = top;
    if (frames > 0) requestAnimationFrame(() => this.#settle(element, frames - 1));
  }

  #lead(side, ms = ECHO_MS) {
    this.#leader = side;
    this.#leaderUntil = performance.now() + ms;
  }

  #follow(side) {
    if (!this.enabled) return;
    const now = performance.now();
    if (this.#leader && this.#leader !== side && now < this.#leaderUntil) return; // our own echo
    this.#lead(side);
    if (side === 'editor') this.#previewFollows();
    else this.#editorFollows();
  }

  #top(element) {
    return element.getBoundingClientRect().top - this.#scroller.getBoundingClientRect().top + this.#scroller.scrollTop;
  }

  /** Anchors with their element positions, in document order. */
  #placed() {
    const placed = [];
    for (const anchor of this.#anchors) {
      const element = this.#find(anchor.id);
      if (element) placed.push({ line: anchor.line, top: this.#top(element) });
    }
    return placed;
  }

  #previewFollows() {
    const line = this.#editor.topLine();
    const placed = [{ line: 1, top: 0 }, ...this.#placed()];
    let i = placed.length - 1;
    while (i > 0 && placed[i].line > line) i -= 1;
    const from = placed[i];
    const to = placed[i + 1] ?? { line: from.line + 1, top: this.#scroller.scrollHeight };
    const fraction = Math.min(1, Math.max(0, (line - from.line) / Math.max(1, to.line - from.line)));
    this.#scroller.scrollTop = from.top + fraction * (to.top - from.top);
  }

  #editorFollows() {
    const top = this.#scroller.scrollTop;
    const placed = [{ line: 1, top: 0 }, ...this.#placed()];
    let i = placed.length - 1;
    while (i > 0 && placed[i].top > top + 1) i -= 1;
    const from = placed[i];
    const to = placed[i + 1];
    if (!to) {
      this.#editor.scrollToLine(from.line);
      return;
    }
    const fraction = Math.min(1, Math.max(0, (top - from.top) / Math.max(1, to.top - from.top)));
    this.#editor.scrollToLine(Math.round(from.line + fraction * (to.line - from.line)));
  }
}
