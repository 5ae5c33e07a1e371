#!/usr/bin/env node
// Writes the widget's styles in the two forms the package ships:
//   node tools/embed-css.mjs OUT.js A.css [B.css ...]
//     an ES module whose default export is the CSS files joined, for the widget's shadow root: a
//     module loads in every consumer (bundlers, plain pages, strict CSPs) where a CSS import or an
//     extra stylesheet request would not;
//   node tools/embed-css.mjs --light-dom OUT.css THEME.css ELEMENT.css
//     a stylesheet for a page whose <broadsheet-issue> holds a pre-rendered issue: the theme, and the
//     element's shadow-root rules rewritten for its light DOM before the element is defined, so the
//     issue looks the same (and nothing shifts) before and after the script runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const lightDom = args[0] === '--light-dom';
const [out, ...inputs] = lightDom ? args.slice(1) : args;
if (!out || inputs.length === 0 || (lightDom && inputs.length !== 2)) {
  console.error('usage: node tools/embed-css.mjs OUT.js A.css [B.css ...]\n       node tools/embed-css.mjs --light-dom OUT.css THEME.css ELEMENT.css');
  process.exit(2);
}
const generated = `Generated from ${inputs.map((f) => basename(f)).join(' and ')} by tools/embed-css.mjs; do not edit.`;

const HOST = 'broadsheet-issue';
const UNDEFINED = `${HOST}:not(:defined)`;

/** One shadow-root selector as it applies to the undefined element's light DOM. */
function lightSelector(selector) {
  const s = selector.trim();
  if (s.startsWith(':host(')) return s.replace(/^:host\(([^)]*)\)/, `${HOST}$1`);
  if (s.startsWith(':host')) return HOST + s.slice(':host'.length);
  if (s === '.frame') return UNDEFINED; // the frame's box: the element itself until the shadow root exists
  return `${UNDEFINED} ${s}`;
}

/** The shadow root's flat rule list (element.css has no at-rules) rewritten for the light DOM. */
function forLightDom(css) {
  const flat = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (/@/.test(flat)) throw new Error('element.css: at-rules are not rewritten for the light DOM; extend tools/embed-css.mjs');
  return flat.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors, body) =>
    `${selectors.split(',').map(lightSelector).join(',')}{${body.trim()}}\n`).replace(/\n{2,}/g, '\n').trim();
}

if (lightDom) {
  const [theme, element] = inputs.map((file) => readFileSync(file, 'utf8'));
  // The theme's :host selectors (the theme attribute, for one) name the element in the light DOM.
  const lightTheme = theme.replace(/:host\(([^)]*)\)/g, `${HOST}$1`).replace(/:host\b/g, HOST);
  writeFileSync(out, `/* ${generated} */\n${lightTheme.trim()}\n/* The widget's own rules, for its pre-rendered light DOM. */\n${forLightDom(element)}\n`);
} else {
  const css = inputs.map((file) => readFileSync(file, 'utf8')).join('\n');
  writeFileSync(out, `// ${generated}\nexport default ${JSON.stringify(css)};\n`);
}
