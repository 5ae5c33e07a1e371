// Python's idea of whitespace, strip() and string order, for the port of the CommonMark spec's
// normalize.py (tests/helpers/normalize-html.js), whose output depends on them.

// Python's str.isspace() / re's \s for str patterns (a different set from
// JavaScript's \s: it has U+001C..U+001F and U+0085, and lacks U+FEFF).
export const WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_WS = new RegExp(`^[${WS}]+`);
const TRAILING_WS = new RegExp(`[${WS}]+$`);
export const WS_RUN = new RegExp(`[${WS}]+`, 'g');
export const lstrip = (s) => s.replace(LEADING_WS, '');
export const rstrip = (s) => s.replace(TRAILING_WS, '');
export const strip = (s) => rstrip(lstrip(s));

/** Compares two strings by code point, as Python does. */
export function comparePy(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
