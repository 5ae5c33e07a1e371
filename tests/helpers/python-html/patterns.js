// The regular expressions of Python's html.parser and _markupbase (Python 3.11), and the two ways Python
// applies a pattern at a position. Used by parser.js and markup-base.js.
import { WS } from './text.js';

// `y` (sticky) stands for Python's pattern.match(s, pos); `g` with lastIndex
// for pattern.search(s, pos).
export const RE = {
  interesting: /[&<]/g,
  incomplete: /&[a-zA-Z#]/y,
  entityref: /&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]/y,
  charref: /&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]/y,
  starttagopen: /<[a-zA-Z]/y,
  piclose: />/g,
  commentclose: new RegExp(`--[${WS}]*>`, 'g'),
  tagfind: new RegExp(`([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:[${WS}]|/(?!>))*`, 'y'),
  attrfind: new RegExp(
    `((?<=['"${WS}/])[^${WS}/>][^${WS}/=>]*)([${WS}]*=+[${WS}]*` +
      `('[^']*'|"[^"]*"|(?!['"])[^>${WS}]*))?(?:[${WS}]|/(?!>))*`,
    'y',
  ),
  locatestarttagend: new RegExp(
    `<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*` + // tag name
      `(?:[${WS}/]*` + // optional whitespace before attribute name
      `(?:(?<=['"${WS}/])[^${WS}/>][^${WS}/=>]*` + // attribute name
      `(?:[${WS}]*=+[${WS}]*` + // value indicator
      `(?:'[^']*'|"[^"]*"|(?!['"])[^>${WS}]*)` + // quoted or bare value
      `[${WS}]*` +
      `)?(?:[${WS}]|/(?!>))*` +
      `)*` +
      `)?` +
      `[${WS}]*`, // trailing whitespace
    'y',
  ),
  endtagfind: new RegExp(`</[${WS}]*([a-zA-Z][-.a-zA-Z0-9:_]*)[${WS}]*>`, 'y'),
  declname: new RegExp(`[a-zA-Z][-_.a-zA-Z0-9]*[${WS}]*`, 'y'),
  markedsectionclose: new RegExp(`][${WS}]*][${WS}]*>`, 'g'),
  msmarkedsectionclose: new RegExp(`][${WS}]*>`, 'g'),
};

/** Python's pattern.match(s, pos): the match anchored at pos, or null. */
export function matchAt(re, s, pos) {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Python's pattern.search(s, pos): the first match at or after pos, or null. */
export function searchFrom(re, s, pos) {
  re.lastIndex = pos;
  return re.exec(s);
}
