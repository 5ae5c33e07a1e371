// Pieces of <broadsheet-issue> and <broadsheet-archive> that do not depend on either element: their
// shadow roots' styles and status line, the table of contents built from a render's outline, the source
// excerpt shown under an error, and inline-Markdown dedent.

const sheets = new Map(); // css text -> one constructed stylesheet shared by every shadow root using it

/** A `<p role="status">` (part `status`) saying `text`, for an element's frame while it loads or is empty. */
export function statusParagraph(document, text) {
  const status = document.createElement('p');
  status.className = 'status';
  status.part = 'status';
  status.setAttribute('role', 'status');
  status.textContent = text;
  return status;
}

/** Gives a shadow root `css`: a shared constructed stylesheet where supported, else a <style>. */
export function adoptStyles(root, css) {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/**
 * A <nav> listing the outline's sections (level 2) with their stories (level 3) nested, or null
 * when there is nothing to list. No heading inside, so the heading order is unchanged.
 */
export function tableOfContents(document, outline, { label, labelLang = '' }) {
  const entries = outline.filter((entry) => entry.id && (entry.level === 2 || entry.level === 3));
  if (!entries.some((entry) => entry.level === 2)) return null;
  const nav = document.createElement('nav');
  nav.className = 'toc';
  nav.part = 'toc';
  const heading = document.createElement('p');
  heading.className = 'toc-label';
  heading.id = 'broadsheet-toc-label';
  heading.textContent = label;
  if (labelLang) heading.lang = labelLang;
  nav.setAttribute('aria-labelledby', heading.id);
  const list = document.createElement('ol');
  let section = null; // the <li> of the latest section, where stories nest
  for (const entry of entries) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${encodeURIComponent(entry.id)}`;
    link.textContent = entry.title;
    item.append(link);
    if (entry.level === 2) {
      list.append(item);
      section = item;
    } else if (section) {
      let stories = section.querySelector(':scope > ol');
      if (!stories) section.append((stories = document.createElement('ol')));
      stories.append(item);
    }
  }
  nav.append(heading, list);
  return nav;
}

/** The source line of an error with a caret under its column, numbered like an editor. */
export function sourceExcerpt(markdown, line, column) {
  const text = markdown.split(/\r\n|\r|\n/)[line - 1];
  if (text === undefined) return '';
  const gutter = `${line} | `;
  const caret = column > 0 ? `\n${' '.repeat(gutter.length + Math.min(column - 1, text.length))}^` : '';
  return `${gutter}${text}${caret}`;
}

/**
 * Inline Markdown as written inside HTML: the blank first and last lines dropped and the
 * indentation common to every line removed, so indenting the <script> does not turn the
 * issue into a code block.
 */
export function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines.at(-1).trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)[0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n') + '\n';
}
