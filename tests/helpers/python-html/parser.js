// The tokenizer of Python's html.parser.HTMLParser (Python 3.11, convert_charrefs off), whose quirks
// decide normalize.py's output. A subclass supplies the handlers (handleData, handleStarttag,
// handleStartendtag, handleEndtag, handleCharref, handleEntityref, handleComment, handleDecl, handlePi),
// as Python's subclasses of HTMLParser do.
import { MarkupBase } from './markup-base.js';
import { RE, matchAt, searchFrom } from './patterns.js';
import { WS, strip } from './text.js';
import { pyUnescape } from './escape.js';

export class HtmlParser extends MarkupBase {
  constructor() {
    super();
    this.rawdata = '';
    this.cdataElem = null; // inside <script> or <style>
    this.interesting = RE.interesting;
  }

  feed(data) {
    this.rawdata += data;
    this.goahead(false);
  }

  close() {
    this.goahead(true);
  }

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
