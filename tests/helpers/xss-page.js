// The in-page half of the XSS suite (not a test file): functions passed to page.evaluate, so they must not
// use anything from the enclosing module.

/** Installed in every frame before any of its content runs: dialogs are recorded, never shown. */
export function trapDialogs() {
  const record = (kind) => (message) => {
    try {
      (window.top.__fired ??= []).push(`${window.name || 'top'}: ${kind}(${String(message)})`);
    } catch { /* a cross-origin top: the dialog event listener still sees it */ }
  };
  window.alert = record('alert');
  window.confirm = record('confirm');
  window.prompt = record('prompt');
}

/**
 * Mounts each case in its own iframe (all at once), lets events fire, and returns the problems found:
 * [{ name, problem }]. `cases` is [{ name, kind, output }] with kind 'html' | 'page' | 'email' | 'json' | 'text'.
 * An email is a page whose elements carry inline styles (checked for URLs and script instead of refused)
 * and whose head has the metas inboxes read. Plain text is never parsed as HTML: nothing to mount.
 */
export async function mountAndCheck(cases) {
  const FORBIDDEN = ['script', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'style', 'link', 'frame',
    'frameset', 'svg', 'math', 'template', 'noscript'];
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'cite', 'poster', 'background', 'srcset', 'data',
    'xlink:href', 'ping', 'longdesc'];
  const HEAD_ALLOWED = new Set(['meta', 'title', 'style', 'link']);
  const PAGE_METAS = ['viewport', 'description', 'generator'];
  const EMAIL_METAS = ['viewport', 'x-apple-disable-message-reformatting', 'format-detection', 'color-scheme',
    'supported-color-schemes'];
  // Inline CSS that could load or run anything: the email's styles are colours, sizes and borders only.
  const DANGEROUS_CSS = /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:|-moz-binding/i;
  const formElement = document.createElement('form');
  const problems = [];

  // The browser's own URL parser decides the scheme.
  const urlProblem = (element, attribute, value) => {
    let protocol;
    try {
      protocol = new URL(value, 'https://base.example/').protocol;
    } catch {
      return null; // not a URL the browser could follow
    }
    if (['http:', 'https:', 'mailto:', 'tel:'].includes(protocol)) return null;
    if (protocol === 'data:' && element === 'img' && attribute === 'src' &&
        /^\s*data:image\/(png|gif|jpeg|webp)[;,]/i.test(value)) return null;
    return `${element} ${attribute}="${value}" has the scheme ${protocol}`;
  };

  const checkDocument = (name, doc, kind) => {
    const report = (problem) => problems.push({ name, problem });
    for (const element of doc.querySelectorAll('*')) {
      const tag = element.localName;
      const inHead = element.closest('head') !== null;
      const isPage = kind === 'page' || kind === 'email';
      if (isPage && inHead) {
        if (!HEAD_ALLOWED.has(tag) && tag !== 'head') report(`<${tag}> in the head`);
        if (tag === 'link' && element.getAttribute('rel') !== 'canonical') report('a <link> other than canonical');
        if (tag === 'meta' && !(element.hasAttribute('charset') ||
            (kind === 'email' ? EMAIL_METAS : PAGE_METAS).includes(element.getAttribute('name')))) report(`${element.outerHTML} in the head`);
        if (tag === 'style' && DANGEROUS_CSS.test(element.textContent)) report('the <style> holds CSS that loads or runs something');
      } else if (element.closest('body') && FORBIDDEN.includes(tag)) {
        report(`a <${tag}> element survived`);
      }
      for (const { name: attribute, value } of element.attributes) {
        if (attribute.startsWith('on')) report(`<${tag}> has the event handler ${attribute}`);
        if (attribute === 'style' && (kind !== 'email' || DANGEROUS_CSS.test(value))) report(`<${tag}> has a style attribute "${value}"`);
        if (URL_ATTRIBUTES.includes(attribute)) {
          const problem = urlProblem(tag, attribute, value);
          if (problem) report(problem);
        }
        if ((attribute === 'id' || attribute === 'name') && (value in doc || value in formElement)) {
          report(`<${tag} ${attribute}="${value}"> clobbers a DOM property`);
        }
      }
    }
    if ((kind === 'page' || kind === 'email') && doc.querySelectorAll('style').length !== 1) report('the page should hold exactly one <style>, ours');
    // DOMPurify, run over the body (the whole fragment, or the page's article), must find nothing to remove.
    // `fetchpriority` (the hero's fetch hint: no script, no URL) is HTML's, newer than DOMPurify's allowlist.
    window.DOMPurify.sanitize(doc.body.innerHTML, { ADD_ATTR: ['fetchpriority'] });
    for (const removed of window.DOMPurify.removed) {
      // Outlook's conditional comments hold our own layout tables; DOMPurify drops every comment with markup.
      const node = removed.element;
      if (kind === 'email' && node?.nodeType === Node.COMMENT_NODE && /^\[if (!?mso|gte mso \d+)\]|^\[endif\]|<!\[endif\]$/.test(node.data)) continue;
      const what = removed.attribute ? `attribute ${removed.attribute.name}="${removed.attribute.value}" of <${removed.from?.localName}>`
        : `element <${removed.element?.localName}>`;
      report(`DOMPurify removed the ${what}`);
    }
  };

  const checkJson = (name, output) => {
    let model;
    try {
      model = JSON.parse(output);
    } catch (error) {
      problems.push({ name, problem: `invalid JSON: ${error.message}` });
      return;
    }
    const walk = (value, key, parentType) => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, key, parentType));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k, value.type ?? parentType);
      else if (typeof value === 'string' && (key === 'href' || key === 'src' || key === 'url' || key.endsWith('_url'))) {
        const problem = urlProblem(key === 'src' ? 'img' : 'a', key, value);
        if (problem) problems.push({ name, problem: `JSON ${problem}` });
      }
    };
    walk(model, '', null);
  };

  const frames = [];
  for (const [index, c] of cases.entries()) {
    if (c.kind === 'json') {
      checkJson(c.name, c.output);
      continue;
    }
    if (c.kind === 'text') continue;
    const frame = document.createElement('iframe');
    frame.name = `case-${index}`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = c.kind === 'page' || c.kind === 'email' ? c.output
      : `<!doctype html><html><head><meta charset="utf-8"><title>case</title></head><body>${c.output}</body></html>`;
    document.body.append(frame);
    frames.push({ c, frame, loaded });
  }
  await Promise.all(frames.map((f) => f.loaded));
  await new Promise((resolve) => setTimeout(resolve, 150)); // image errors, focus and toggle events
  for (const { c, frame } of frames) {
    const doc = frame.contentDocument;
    // A fragment's wrapper head is ours; checkDocument looks for forbidden elements in the body only.
    if (!doc) problems.push({ name: c.name, problem: 'the frame has no document' });
    else checkDocument(c.name, doc, c.kind);
    frame.remove();
  }
  return problems;
}

/** Every all-lower-case property name of document and a form element, as the core's list holds them. */
export function domPropertyNames() {
  const names = new Set();
  const collect = (object) => {
    for (let o = object; o; o = Object.getPrototypeOf(o)) for (const k of Object.getOwnPropertyNames(o)) names.add(k);
    for (const k in object) names.add(k);
  };
  collect(document);
  collect(document.createElement('form'));
  return [...names].filter((k) => /^[a-z_][a-z0-9_-]*$/.test(k)).sort();
}
