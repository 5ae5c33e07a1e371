// HTML normaliser for the CommonMark spec tests: a JavaScript port of the
// behaviour of the spec repository's test/normalize.py (used by
// spec_tests.py), including the parts of Python's html.parser.HTMLParser
// (Python 3.11, convert_charrefs off) whose quirks decide its output.
//
// What normalisation does (see normalizeHtml below):
//  - whitespace runs collapse to one space, except inside <pre>;
//  - whitespace around block-level tags is dropped;
//  - self-closing tags become open tags (<br /> -> <br>);
//  - tag and attribute names are lower-cased, attributes sorted;
//  - character references become characters, except < > & " which are
//    written as entities (and unknown references, which stay as written).
//
// Behaviour is kept faithful on purpose, odd corners included (a stray "<"
// with no later ">" vanishes; a named reference is only decoded in text when
// it is an HTML 4 name; an attribute whose value is "href" or "src" crashes
// the Python original, so it throws here), so a score here means what it
// means for spec_tests.py.
import { decodeHTML } from 'entities';

// Python's str.isspace() / re's \s for str patterns (a different set from
// JavaScript's \s: it has U+001C..U+001F and U+0085, and lacks U+FEFF).
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_WS = new RegExp(`^[${WS}]+`);
const TRAILING_WS = new RegExp(`[${WS}]+$`);
const WS_RUN = new RegExp(`[${WS}]+`, 'g');
const lstrip = (s) => s.replace(LEADING_WS, '');
const rstrip = (s) => s.replace(TRAILING_WS, '');
const strip = (s) => rstrip(lstrip(s));

// --- Python html.parser / _markupbase regular expressions -----------------
// `y` (sticky) stands for Python's pattern.match(s, pos); `g` with lastIndex
// for pattern.search(s, pos).
const RE = {
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
  // html.unescape's reference pattern.
  unescape: /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g,
};

/** Python's pattern.match(s, pos): the match anchored at pos, or null. */
function matchAt(re, s, pos) {
  re.lastIndex = pos;
  return re.exec(s);
}

/** Python's pattern.search(s, pos): the first match at or after pos, or null. */
function searchFrom(re, s, pos) {
  re.lastIndex = pos;
  return re.exec(s);
}

// --- html.unescape (used on attribute values) ------------------------------

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
  return s.replace(RE.unescape, (whole, ref) =>
    // For a named reference the `entities` package's HTML5 table and
    // longest-legacy-prefix rule give what html.unescape gives.
    ref[0] === '#' ? unescapeNumeric(ref) : decodeHTML(whole),
  );
}

/** Python's html.escape(s, quote=True). */
function pyEscape(s) {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

// --- html.entities.name2codepoint: the HTML 4 entity set --------------------
const HTML4_ENTITIES = new Map(
  `AElig:c6 Aacute:c1 Acirc:c2 Agrave:c0 Alpha:391 Aring:c5 Atilde:c3 Auml:c4 Beta:392 Ccedil:c7
Chi:3a7 Dagger:2021 Delta:394 ETH:d0 Eacute:c9 Ecirc:ca Egrave:c8 Epsilon:395 Eta:397 Euml:cb
Gamma:393 Iacute:cd Icirc:ce Igrave:cc Iota:399 Iuml:cf Kappa:39a Lambda:39b Mu:39c Ntilde:d1 Nu:39d
OElig:152 Oacute:d3 Ocirc:d4 Ograve:d2 Omega:3a9 Omicron:39f Oslash:d8 Otilde:d5 Ouml:d6 Phi:3a6
Pi:3a0 Prime:2033 Psi:3a8 Rho:3a1 Scaron:160 Sigma:3a3 THORN:de Tau:3a4 Theta:398 Uacute:da Ucirc:db
Ugrave:d9 Upsilon:3a5 Uuml:dc Xi:39e Yacute:dd Yuml:178 Zeta:396 aacute:e1 acirc:e2 acute:b4
aelig:e6 agrave:e0 alefsym:2135 alpha:3b1 amp:26 and:2227 ang:2220 aring:e5 asymp:2248 atilde:e3
auml:e4 bdquo:201e beta:3b2 brvbar:a6 bull:2022 cap:2229 ccedil:e7 cedil:b8 cent:a2 chi:3c7 circ:2c6
clubs:2663 cong:2245 copy:a9 crarr:21b5 cup:222a curren:a4 dArr:21d3 dagger:2020 darr:2193 deg:b0
delta:3b4 diams:2666 divide:f7 eacute:e9 ecirc:ea egrave:e8 empty:2205 emsp:2003 ensp:2002
epsilon:3b5 equiv:2261 eta:3b7 eth:f0 euml:eb euro:20ac exist:2203 fnof:192 forall:2200 frac12:bd
frac14:bc frac34:be frasl:2044 gamma:3b3 ge:2265 gt:3e hArr:21d4 harr:2194 hearts:2665 hellip:2026
iacute:ed icirc:ee iexcl:a1 igrave:ec image:2111 infin:221e int:222b iota:3b9 iquest:bf isin:2208
iuml:ef kappa:3ba lArr:21d0 lambda:3bb lang:2329 laquo:ab larr:2190 lceil:2308 ldquo:201c le:2264
lfloor:230a lowast:2217 loz:25ca lrm:200e lsaquo:2039 lsquo:2018 lt:3c macr:af mdash:2014 micro:b5
middot:b7 minus:2212 mu:3bc nabla:2207 nbsp:a0 ndash:2013 ne:2260 ni:220b not:ac notin:2209
nsub:2284 ntilde:f1 nu:3bd oacute:f3 ocirc:f4 oelig:153 ograve:f2 oline:203e omega:3c9 omicron:3bf
oplus:2295 or:2228 ordf:aa ordm:ba oslash:f8 otilde:f5 otimes:2297 ouml:f6 para:b6 part:2202
permil:2030 perp:22a5 phi:3c6 pi:3c0 piv:3d6 plusmn:b1 pound:a3 prime:2032 prod:220f prop:221d
psi:3c8 quot:22 rArr:21d2 radic:221a rang:232a raquo:bb rarr:2192 rceil:2309 rdquo:201d real:211c
reg:ae rfloor:230b rho:3c1 rlm:200f rsaquo:203a rsquo:2019 sbquo:201a scaron:161 sdot:22c5 sect:a7
shy:ad sigma:3c3 sigmaf:3c2 sim:223c spades:2660 sub:2282 sube:2286 sum:2211 sup:2283 sup1:b9
sup2:b2 sup3:b3 supe:2287 szlig:df tau:3c4 there4:2234 theta:3b8 thetasym:3d1 thinsp:2009 thorn:fe
tilde:2dc times:d7 trade:2122 uArr:21d1 uacute:fa uarr:2191 ucirc:fb ugrave:f9 uml:a8 upsih:3d2
upsilon:3c5 uuml:fc weierp:2118 xi:3be yacute:fd yen:a5 yuml:ff zeta:3b6 zwj:200d zwnj:200c`
    .split(/\s+/)
    .map((pair) => {
      const [name, hex] = pair.split(':');
      return [name, parseInt(hex, 16)];
    }),
);

const BLOCK_TAGS = new Set([
  'article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li', 'map',
  'button', 'object', 'canvas', 'ol', 'caption', 'output', 'col', 'p', 'colgroup', 'pre', 'dd',
  'progress', 'div', 'section', 'dl', 'table', 'td', 'dt', 'tbody', 'embed', 'textarea',
  'fieldset', 'tfoot', 'figcaption', 'th', 'figure', 'thead', 'footer', 'tr', 'form', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'video', 'script', 'style',
]);

/** Compares two strings by code point, as Python does. */
function comparePy(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Python's sort of (name, value) tuples; value null is Python's None. */
function compareAttrs([k1, v1], [k2, v2]) {
  const byName = comparePy(k1, k2);
  if (byName !== 0) return byName;
  if (v1 === null && v2 === null) return 0;
  if (v1 === null || v2 === null) {
    throw new TypeError("normalize.py would fail: '<' between 'str' and 'NoneType'");
  }
  return comparePy(v1, v2);
}

/**
 * The tokenizer of Python's html.parser.HTMLParser (convert_charrefs off)
 * merged with normalize.py's MyHTMLParser handlers, which build `output`.
 */
class Normalizer {
  constructor() {
    this.rawdata = '';
    this.cdataElem = null; // inside <script> or <style>
    this.interesting = RE.interesting;
    this.output = '';
    this.last = 'starttag';
    this.lastTag = '';
    this.inPre = false;
  }

  feed(data) {
    this.rawdata += data;
    this.goahead(false);
  }

  close() {
    this.goahead(true);
  }

  // --- MyHTMLParser handlers ---

  handleData(data) {
    const afterTag = this.last === 'endtag' || this.last === 'starttag';
    const afterBlockTag = afterTag && BLOCK_TAGS.has(this.lastTag);
    if (afterTag && this.lastTag === 'br') data = data.replace(/^\n+/, '');
    if (!this.inPre) data = data.replace(WS_RUN, ' ');
    if (afterBlockTag && !this.inPre) {
      if (this.last === 'starttag') data = lstrip(data);
      else if (this.last === 'endtag') data = strip(data);
    }
    this.output += data;
    this.last = 'data';
  }

  handleEndtag(tag) {
    if (tag === 'pre') this.inPre = false;
    else if (BLOCK_TAGS.has(tag)) this.output = rstrip(this.output);
    this.output += '</' + tag + '>';
    this.lastTag = tag;
    this.last = 'endtag';
  }

  handleStarttag(tag, attrs) {
    if (tag === 'pre') this.inPre = true;
    if (BLOCK_TAGS.has(tag)) this.output = rstrip(this.output);
    this.output += '<' + tag;
    attrs.sort(compareAttrs);
    for (const [k, v] of attrs) {
      this.output += ' ' + k;
      if (v === 'href' || v === 'src') {
        // normalize.py calls the Python 2 urllib.quote here and dies.
        throw new Error(`normalize.py would fail on attribute ${k}="${v}"`);
      } else if (v !== null) {
        this.output += '="' + pyEscape(v) + '"';
      }
    }
    this.output += '>';
    this.lastTag = tag;
    this.last = 'starttag';
  }

  handleStartendtag(tag, attrs) {
    this.handleStarttag(tag, attrs);
    this.lastTag = tag;
    this.last = 'endtag';
  }

  handleComment(data) {
    this.output += '<!--' + data + '-->';
    this.last = 'comment';
  }

  handleDecl(data) {
    this.output += '<!' + data + '>';
    this.last = 'decl';
  }

  handlePi(data) {
    this.output += '<?' + data + '>';
    this.last = 'pi';
  }

  handleEntityref(name) {
    const cp = HTML4_ENTITIES.get(name);
    this.outputChar(cp === undefined ? null : String.fromCodePoint(cp), '&' + name + ';');
    this.last = 'ref';
  }

  handleCharref(name) {
    // Python: chr(int(name[1:], 16)) if name starts with a lower-case "x",
    // else chr(int(name)); a ValueError keeps the reference as written.
    const digits = name.startsWith('x') ? name.slice(1) : name;
    const valid = name.startsWith('x') ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
    let c = null;
    if (valid) {
      const n = BigInt(name.startsWith('x') ? '0x' + digits : digits);
      if (n > 0x7fffffffn) throw new RangeError(`normalize.py would fail: chr(${n}) overflows`);
      if (n <= 0x10ffffn) c = String.fromCodePoint(Number(n));
    }
    this.outputChar(c, '&' + name + ';');
    this.last = 'ref';
  }

  outputChar(c, fallback) {
    if (c === '<') this.output += '&lt;';
    else if (c === '>') this.output += '&gt;';
    else if (c === '&') this.output += '&amp;';
    else if (c === '"') this.output += '&quot;';
    else if (c === null) this.output += fallback;
    else this.output += c;
  }

  // --- HTMLParser tokenizer ---

  setCdataMode(elem) {
    this.cdataElem = elem;
    this.interesting = new RegExp(`</[${WS}]*${elem}[${WS}]*>`, 'gi');
  }

  clearCdataMode() {
    this.interesting = RE.interesting;
    this.cdataElem = null;
  }

  /** Handles rawdata as far as possible; at `end`, as if followed by EOF. */
  goahead(end) {
    const raw = this.rawdata;
    const n = raw.length;
    let i = 0;
    while (i < n) {
      const m = searchFrom(this.interesting, raw, i);
      let j;
      if (m) j = m.index;
      else if (this.cdataElem) break;
      else j = n;
      if (i < j) this.handleData(raw.slice(i, j));
      i = j;
      if (i === n) break;
      if (raw.startsWith('<', i)) {
        let k;
        if (matchAt(RE.starttagopen, raw, i)) k = this.parseStarttag(i);
        else if (raw.startsWith('</', i)) k = this.parseEndtag(i);
        else if (raw.startsWith('<!--', i)) k = this.parseComment(i);
        else if (raw.startsWith('<?', i)) k = this.parsePi(i);
        else if (raw.startsWith('<!', i)) k = this.parseHtmlDeclaration(i);
        else if (i + 1 < n) {
          this.handleData('<');
          k = i + 1;
        } else break;
        if (k < 0) {
          if (!end) break;
          k = raw.indexOf('>', i + 1);
          if (k < 0) {
            k = raw.indexOf('<', i + 1);
            if (k < 0) k = i + 1;
          } else k += 1;
          this.handleData(raw.slice(i, k));
        }
        i = k;
      } else if (raw.startsWith('&#', i)) {
        const cm = matchAt(RE.charref, raw, i);
        if (cm) {
          this.handleCharref(cm[0].slice(2, -1));
          let k = i + cm[0].length;
          if (raw[k - 1] !== ';') k -= 1;
          i = k;
          continue;
        }
        if (raw.indexOf(';', i) >= 0) {
          // bail out by consuming "&#"
          this.handleData(raw.slice(i, i + 2));
          i += 2;
        }
        break;
      } else if (raw.startsWith('&', i)) {
        const em = matchAt(RE.entityref, raw, i);
        if (em) {
          this.handleEntityref(em[1]);
          let k = i + em[0].length;
          if (raw[k - 1] !== ';') k -= 1;
          i = k;
          continue;
        }
        const im = matchAt(RE.incomplete, raw, i);
        if (im) {
          // at EOF an "&x" that ends the data loses its "&"
          if (end && im[0] === raw.slice(i)) i += 1;
          break;
        } else if (i + 1 < n) {
          this.handleData('&');
          i += 1;
        } else break;
      } else {
        throw new Error('interesting.search() lied');
      }
    }
    if (end && i < n && !this.cdataElem) {
      this.handleData(raw.slice(i, n));
      i = n;
    }
    this.rawdata = raw.slice(i);
  }

  parseHtmlDeclaration(i) {
    const raw = this.rawdata;
    if (raw.startsWith('<!--', i)) return this.parseComment(i);
    if (raw.startsWith('<![', i)) return this.parseMarkedSection(i);
    if (raw.slice(i, i + 9).toLowerCase() === '<!doctype') {
      const gt = raw.indexOf('>', i + 9);
      if (gt === -1) return -1;
      this.handleDecl(raw.slice(i + 2, gt));
      return gt + 1;
    }
    return this.parseBogusComment(i);
  }

  parseBogusComment(i) {
    const raw = this.rawdata;
    const pos = raw.indexOf('>', i + 2);
    if (pos === -1) return -1;
    this.handleComment(raw.slice(i + 2, pos));
    return pos + 1;
  }

  parsePi(i) {
    const raw = this.rawdata;
    const m = searchFrom(RE.piclose, raw, i + 2);
    if (!m) return -1;
    this.handlePi(raw.slice(i + 2, m.index));
    return m.index + m[0].length;
  }

  parseComment(i) {
    const raw = this.rawdata;
    const m = searchFrom(RE.commentclose, raw, i + 4);
    if (!m) return -1;
    this.handleComment(raw.slice(i + 4, m.index));
    return m.index + m[0].length;
  }

  /** _markupbase's parse_marked_section (a CDATA chunk never gets here). */
  parseMarkedSection(i) {
    const raw = this.rawdata;
    const [name, j] = this.scanName(i + 3, i);
    if (j < 0) return j;
    let close;
    if (['temp', 'cdata', 'ignore', 'include', 'rcdata'].includes(name)) {
      close = RE.markedsectionclose;
    } else if (['if', 'else', 'endif'].includes(name)) {
      close = RE.msmarkedsectionclose;
    } else {
      throw new Error(`normalize.py would fail: unknown status keyword in marked section ${raw.slice(i + 3, j)}`);
    }
    const m = searchFrom(close, raw, i + 3);
    if (!m) return -1;
    // unknown_decl, which normalize.py writes like a declaration
    this.handleDecl(raw.slice(i + 3, m.index));
    return m.index + m[0].length;
  }

  scanName(i, declStart) {
    const raw = this.rawdata;
    if (i === raw.length) return [null, -1];
    const m = matchAt(RE.declname, raw, i);
    if (!m) {
      throw new Error(`normalize.py would fail: expected name token at ${JSON.stringify(raw.slice(declStart, declStart + 20))}`);
    }
    if (i + m[0].length === raw.length) return [null, -1]; // end of buffer
    return [strip(m[0]).toLowerCase(), i + m[0].length];
  }

  /** Returns the end of a complete start tag at i, or -1 if incomplete. */
  checkForWholeStartTag(i) {
    const raw = this.rawdata;
    const m = matchAt(RE.locatestarttagend, raw, i);
    const j = i + m[0].length;
    const next = raw.slice(j, j + 1);
    if (next === '>') return j + 1;
    if (next === '/') {
      if (raw.startsWith('/>', j)) return j + 2;
      return -1; // "/" at the end of the buffer
    }
    if (next === '') return -1;
    if (/[a-zA-Z=/]/.test(next)) return -1;
    return j > i ? j : i + 1;
  }

  parseStarttag(i) {
    const endpos = this.checkForWholeStartTag(i);
    if (endpos < 0) return endpos;
    const raw = this.rawdata;
    const tm = matchAt(RE.tagfind, raw, i + 1);
    let k = i + 1 + tm[0].length;
    const tag = tm[1].toLowerCase();
    const attrs = [];
    while (k < endpos) {
      const am = matchAt(RE.attrfind, raw, k);
      if (!am) break;
      const [, name, rest] = am;
      let value = am[3];
      if (!rest) value = null;
      else if ((value[0] === "'" && value.at(-1) === "'") || (value[0] === '"' && value.at(-1) === '"')) {
        value = value.slice(1, -1);
      }
      if (value) value = pyUnescape(value);
      attrs.push([name.toLowerCase(), value]);
      k += am[0].length;
    }
    const endText = strip(raw.slice(k, endpos));
    if (endText !== '>' && endText !== '/>') {
      this.handleData(raw.slice(i, endpos));
      return endpos;
    }
    if (endText.endsWith('/>')) {
      this.handleStartendtag(tag, attrs); // XHTML-style empty tag
    } else {
      this.handleStarttag(tag, attrs);
      if (tag === 'script' || tag === 'style') this.setCdataMode(tag);
    }
    return endpos;
  }

  parseEndtag(i) {
    const raw = this.rawdata;
    const gt = raw.indexOf('>', i + 1);
    if (gt < 0) return -1;
    const gtpos = gt + 1;
    const m = matchAt(RE.endtagfind, raw, i);
    if (!m) {
      if (this.cdataElem !== null) {
        this.handleData(raw.slice(i, gtpos));
        return gtpos;
      }
      const nm = matchAt(RE.tagfind, raw, i + 2);
      if (!nm) {
        if (raw.startsWith('</>', i)) return i + 3;
        return this.parseBogusComment(i);
      }
      const tag = nm[1].toLowerCase();
      // ignore anything between the name and the next ">"
      const end = raw.indexOf('>', i + 2 + nm[0].length);
      this.handleEndtag(tag);
      return end + 1;
    }
    const elem = m[1].toLowerCase();
    if (this.cdataElem !== null && elem !== this.cdataElem) {
      this.handleData(raw.slice(i, gtpos));
      return gtpos;
    }
    this.handleEndtag(elem);
    this.clearCdataMode();
    return gtpos;
  }
}

// normalize.py splits the input into CDATA sections, tags and text, feeds
// each piece to one parser and copies CDATA sections straight to the output.
// Characters none of the three match (a "<" with no later ">") are dropped.
// Python's "." does not match "\n" only.
const CHUNK = /<!\[CDATA\[[^\n]*?\]\]>|<[^>]*>|[^<]+/g;

/** Normalises HTML the way the CommonMark spec tests do before comparing. */
export function normalizeHtml(html) {
  const parser = new Normalizer();
  for (const [chunk] of html.matchAll(CHUNK)) {
    if (chunk.startsWith('<![CDATA')) parser.output += chunk;
    else parser.feed(chunk);
  }
  parser.close();
  return parser.output;
}
