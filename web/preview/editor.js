// The Markdown editor: CodeMirror 6 with Markdown highlighting, wrapped in the few operations the preview
// page needs (text in and out, change and scroll notifications, moving the cursor, line ⇄ scroll position).
import { EditorView } from 'codemirror';
import { EditorState } from '@codemirror/state';
import {
  crosshairCursor, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap,
  lineNumbers, rectangularSelection,
} from '@codemirror/view';
import { bracketMatching, codeFolding, defaultHighlightStyle, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { lintKeymap } from '@codemirror/lint';
import { markdown } from '@codemirror/lang-markdown';

// CodeMirror's basicSetup, as its documentation says to adjust it, without the fold gutter: on every
// keystroke that gutter asked the syntax tree whether each visible line starts a foldable range, walking
// the document's top-level blocks from the first each time, the largest part of a keystroke's script in a
// 10 KiB draft (docs/performance.md, issue 28). Folding stays, from the keyboard (foldKeymap).
const setup = [
  lineNumbers(),
  highlightActiveLineGutter(),
  highlightSpecialChars(),
  history(),
  codeFolding(),
  drawSelection(),
  dropCursor(),
  EditorState.allowMultipleSelections.of(true),
  indentOnInput(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  bracketMatching(),
  closeBrackets(),
  autocompletion(),
  rectangularSelection(),
  crosshairCursor(),
  highlightActiveLine(),
  highlightSelectionMatches(),
  keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
];

export function createEditor(parent, { doc = '', onChange = () => {}, onScroll = () => {} } = {}) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        setup,
        markdown(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Markdown of the issue' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  view.scrollDOM.addEventListener('scroll', () => onScroll(), { passive: true });
  // Keyboard users can reach the scroll area (axe: scrollable-region-focusable).
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', 'Markdown editor scroll area');

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
      view.scrollDOM.scrollTop = 0;
    },
    focus: () => view.focus(),
    /** Puts the cursor at a 1-based line and column (in code points) and scrolls it into view. */
    goTo(line, column = 1, { y = 'center' } = {}) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(1, line), doc.lines));
      const chars = [...target.text].slice(0, Math.max(0, column - 1)).join('').length;
      const pos = target.from + Math.min(chars, target.length);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y }) });
      view.focus();
    },
    /** The 1-based line at the top of the visible area. */
    topLine() {
      const rect = view.scrollDOM.getBoundingClientRect();
      const block = view.lineBlockAtHeight(view.scrollDOM.scrollTop);
      return rect.height > 0 ? view.state.doc.lineAt(block.from).number : 1;
    },
    /** Scrolls so that a 1-based line is at the top. */
    scrollToLine(line) {
      const doc = view.state.doc;
      const target = doc.line(Math.min(Math.max(1, line), doc.lines));
      view.dispatch({ effects: EditorView.scrollIntoView(target.from, { y: 'start' }) });
    },
  };
}
