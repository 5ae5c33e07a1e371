// The side panels and status bar: outline, problems (warnings and errors, each a button that moves the
// cursor there), and words / reading time / render time.
export function showOutline(list, outline, onPick) {
  list.replaceChildren(...outline.filter((entry) => entry.id).map((entry) => {
    const item = document.createElement('li');
    item.className = `outline-${entry.kind}`;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = entry.title || '(untitled)';
    button.dataset.id = entry.id;
    button.addEventListener('click', () => onPick(entry));
    item.append(button);
    return item;
  }));
}

/** problems: [{ line, column, message, severity }] */
export function showProblems(list, problems, onPick) {
  if (problems.length === 0) {
    const item = document.createElement('li');
    item.className = 'problem-none';
    item.textContent = 'No problems.';
    list.replaceChildren(item);
    return;
  }
  list.replaceChildren(...problems.map((problem) => {
    const item = document.createElement('li');
    item.className = `problem problem-${problem.severity}`;
    const button = document.createElement('button');
    button.type = 'button';
    const where = problem.line > 0 ? `${problem.line}:${problem.column}` : '';
    const place = document.createElement('span');
    place.className = 'problem-place';
    place.textContent = where;
    const label = document.createElement('span');
    label.className = 'problem-kind';
    label.textContent = problem.severity === 'error' ? 'Error' : 'Warning';
    button.append(label, ' ', place, ' ', problem.message);
    if (problem.line > 0) button.addEventListener('click', () => onPick(problem));
    else button.disabled = true;
    item.append(button);
    return item;
  }));
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/** Words as a reader counts them (CJK words too, where the browser can segment them). */
export function countWords(text) {
  if (!segmenter) return (text.match(/\S+/g) ?? []).length;
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words += 1;
  return words;
}

const WORD_SLICE = 16 * 1024;

/**
 * countWords over `text` a slice at a time, each slice in a task of its own (a 100 KiB draft in one go
 * was a long task after every pause in typing). Slices end at white space, so no word is cut in two.
 * Resolves to the count, or to null once `isStale()` says a newer draft replaced this one.
 */
export async function countWordsInSlices(text, isStale) {
  let words = 0;
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + WORD_SLICE);
    const space = to < text.length ? text.slice(to, to + 1024).search(/\s/) : -1;
    if (space >= 0) to += space;
    words += countWords(text.slice(from, to));
    from = to;
    if (from < text.length) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let a keystroke in
      if (isStale()) return null;
    }
  }
  return words;
}

export const WORDS_PER_MINUTE = 230;

export function showStatus(status, { words, ms }) {
  if (words !== undefined) {
    status.words.textContent = `${words.toLocaleString('en')} words`;
    status.reading.textContent = `${Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))} min read`;
  }
  if (ms !== undefined) status.render.textContent = `rendered in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
