// HTML normaliser for the CommonMark spec tests: a JavaScript port of the
// behaviour of the spec repository's test/normalize.py (used by
// spec_tests.py). The parts of Python's standard library whose quirks decide
// its output (html.parser's tokenizer, html.escape/unescape, the HTML 4 entity
// names, str.isspace) are ported apart, in python-html/.
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
import { HTML4_ENTITIES } from './python-html/entities.js';
import { pyEscape } from './python-html/escape.js';
import { HtmlParser } from './python-html/parser.js';
import { WS_RUN, comparePy, lstrip, rstrip, strip } from './python-html/text.js';

const BLOCK_TAGS = new Set([
  'article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li', 'map',
  'button', 'object', 'canvas', 'ol', 'caption', 'output', 'col', 'p', 'colgroup', 'pre', 'dd',
  'progress', 'div', 'section', 'dl', 'table', 'td', 'dt', 'tbody', 'embed', 'textarea',
  'fieldset', 'tfoot', 'figcaption', 'th', 'figure', 'thead', 'footer', 'tr', 'form', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'video', 'script', 'style',
]);

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

/** normalize.py's MyHTMLParser: its handlers build `output` from what the tokenizer finds. */
class Normalizer extends HtmlParser {
  constructor() {
    super();
    this.output = '';
    this.last = 'starttag';
    this.lastTag = '';
    this.inPre = false;
  }

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
