// Python's _markupbase.ParserBase (Python 3.11): the comment, marked-section and name scanning that
// html.parser's HTMLParser (parser.js) inherits. A subclass supplies rawdata, handleComment and handleDecl.
import { RE, matchAt, searchFrom } from './patterns.js';
import { strip } from './text.js';

export class MarkupBase {
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
}
