// Every output the core supports, in one place (not a test file). The hardening suites (XSS corpus,
// UTF-8 validity, native/wasm parity) run over all of these; adding a format is one line here.
//
// kind says how a browser test mounts the output: 'html' (a fragment inside a page), 'page' (a whole
// document: its body must be clean, its head may hold the theme's <style> and meta tags), 'email' (a page
// with inline styles, checked for URLs and script), 'json' (the document model: its URL fields are
// checked) or 'text' (never parsed as HTML). `trusted` marks the CommonMark conformance mode,
// which keeps raw HTML as the spec requires and is documented as for trusted input only: it is checked
// for UTF-8 and parity, not for script.
export const FORMATS = [
  { name: 'html', options: { format: 'html' }, cli: ['--fragment'], kind: 'html' },
  { name: 'html-standalone', options: { format: 'html', standalone: true }, cli: [], kind: 'page' },
  { name: 'json', options: { format: 'json' }, cli: ['--format', 'json'], kind: 'json' },
  { name: 'email', options: { format: 'email' }, cli: ['--format', 'email'], kind: 'email' },
  { name: 'text', options: { format: 'text' }, cli: ['--format', 'text'], kind: 'text' },
  { name: 'commonmark', options: { commonmark: true }, cli: ['--commonmark', '--fragment'], kind: 'html', trusted: true },
];

/** Each format with and without allowHtml (the raw-HTML allowlist), as { name, options, cli, kind }. */
export function formatVariants() {
  return FORMATS.flatMap((f) => [
    f,
    ...(f.trusted ? [] : [{ ...f, name: `${f.name}+allowHtml`, options: { ...f.options, allowHtml: true }, cli: [...f.cli, '--allow-html'] }]),
  ]);
}
