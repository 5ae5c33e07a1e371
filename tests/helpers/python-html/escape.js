// Python's html.escape and html.unescape (the latter is used on attribute values), for the port of the
// CommonMark spec's normalize.py (tests/helpers/normalize-html.js).
import { decodeHTML } from 'entities';

// html.unescape's reference pattern.
const REFERENCE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g;

// Numeric references to these code points decode to nothing.
function isInvalidCodePoint(n) {
  return (
    (n >= 0x1 && n <= 0x8) || n === 0xb || (n >= 0xe && n <= 0x1f) ||
    (n >= 0x7f && n <= 0x9f) || (n >= 0xfdd0 && n <= 0xfdef) ||
    (n & 0xfffe) === 0xfffe
  );
}

const windows1252 = new TextDecoder('windows-1252');

function unescapeNumeric(ref) {
  const hex = ref[1] === 'x' || ref[1] === 'X';
  const digits = ref.slice(hex ? 2 : 1).replace(/;$/, '');
  const big = BigInt(hex ? '0x' + digits : digits);
  if (big > 0x10ffffn) return '\ufffd';
  const n = Number(big);
  if (n === 0) return '\ufffd';
  if (n === 0x0d) return '\r';
  // 0x80..0x9F are read as Windows-1252, as html.unescape's table does.
  if (n >= 0x80 && n <= 0x9f) return windows1252.decode(new Uint8Array([n]));
  if (n >= 0xd800 && n <= 0xdfff) return '\ufffd';
  if (isInvalidCodePoint(n)) return '';
  return String.fromCodePoint(n);
}

/**
 * Python's html.unescape: HTML5 named references (the longest name valid
 * without ";" when the full one is unknown) and numeric references.
 */
export function pyUnescape(s) {
  if (!s.includes('&')) return s;
  return s.replace(REFERENCE, (whole, ref) =>
    // For a named reference the `entities` package's HTML5 table and
    // longest-legacy-prefix rule give what html.unescape gives.
    ref[0] === '#' ? unescapeNumeric(ref) : decodeHTML(whole),
  );
}

/** Python's html.escape(s, quote=True). */
export function pyEscape(s) {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}
