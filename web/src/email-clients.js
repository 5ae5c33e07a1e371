// What each mail client keeps of an email, from caniemail's data (the `caniemail` package, never a copied
// table): for every client below, the email as that client shows it (what it drops removed) and a list of
// what it drops or only partly supports. Used by `broadsheet check`, the preview's email view and the
// client-matrix test (tests/browser/email-matrix.test.js), so the rule is written once.
import { caniemail, getAllFeatures, parseCss, rawData } from 'caniemail';
import { parse, serialize } from 'parse5';
import { TRIAGE } from './email-triage.js';

const PHONE = [320, 375];
const DESKTOP = [600, 1024];

/**
 * The clients checked: caniemail's client id, a name, the screen widths to render at. `dropsStyle`
 * removes <style> whatever the data says for the client's own accounts (Gmail's apps with a non-Google
 * account: caniemail's note 2 on `<style>`). `markupOnly`: laid out by Word, which Chromium cannot
 * imitate; its markup is checked instead (tests/browser/email-matrix.test.js). Windows Mail is one: it
 * renders with Word for every account type and reads `<!--[if mso]>` (Email on Acid, "Coding for
 * Windows 10 Mail App").
 */
export const CLIENTS = [
  { id: 'gmail.desktop-webmail', name: 'Gmail (web)', widths: DESKTOP },
  { id: 'gmail.ios', name: 'Gmail (iOS)', widths: PHONE },
  { id: 'gmail.android', name: 'Gmail (Android)', widths: PHONE },
  { id: 'gmail.mobile-webmail', name: 'Gmail (mobile web)', widths: PHONE },
  { id: 'gmail.android', key: 'gmail.android+other', name: 'Gmail app, non-Google account', widths: PHONE, dropsStyle: true },
  { id: 'outlook.windows', name: 'Outlook (Windows)', widths: DESKTOP, markupOnly: true },
  { id: 'outlook.windows-mail', name: 'Windows Mail', widths: DESKTOP, markupOnly: true },
  { id: 'outlook.macos', name: 'Outlook (macOS)', widths: DESKTOP },
  { id: 'outlook.ios', name: 'Outlook (iOS)', widths: PHONE },
  { id: 'outlook.android', name: 'Outlook (Android)', widths: PHONE },
  { id: 'outlook.outlook-com', name: 'Outlook.com', widths: DESKTOP },
  { id: 'apple-mail.macos', name: 'Apple Mail (macOS)', widths: DESKTOP },
  { id: 'apple-mail.ios', name: 'Apple Mail (iOS)', widths: PHONE },
  { id: 'yahoo.desktop-webmail', name: 'Yahoo Mail (web)', widths: DESKTOP },
  { id: 'aol.desktop-webmail', name: 'AOL (web)', widths: DESKTOP },
  { id: 'samsung-email.android', name: 'Samsung Email', widths: PHONE },
  { id: 'protonmail.desktop-webmail', name: 'Proton Mail (web)', widths: DESKTOP },
  { id: 'fastmail.desktop-webmail', name: 'Fastmail', widths: DESKTOP },
  { id: 'hey.desktop-webmail', name: 'HEY', widths: DESKTOP },
  { id: 'thunderbird.macos', name: 'Thunderbird', widths: DESKTOP },
].map((client) => ({ key: client.id, ...client }));

const CLIENT_IDS = [...new Set(CLIENTS.map((c) => c.id))];

/** Gmail clips a message's HTML past this many bytes ("[Message clipped] View entire message"). */
export const GMAIL_CLIP_BYTES = 102 * 1024;

// caniemail's verdicts, cached per snippet: Map client id -> { none: Set, partial: Set, notes: Map, unknown }.
const verdicts = new Map();

/**
 * What caniemail says of one snippet (`{ css }` or `{ html }`) for every client. The data lacks some
 * entries (thunderbird.macos has no `table-layout`, samsung-email.android no `word-wrap`): that client's
 * verdict on this snippet is `unknown` (nothing is removed on a guess).
 */
function judge(kind, snippet) {
  const key = `${kind}\0${snippet}`;
  let result = verdicts.get(key);
  if (result) return result;
  result = new Map();
  // The package throws on the first client whose data lacks a matched feature: that client's verdict is
  // `unknown`, and the others are asked again without it.
  let clients = CLIENT_IDS;
  let issues = null;
  while (!issues && clients.length) {
    try {
      issues = caniemail({ clients, [kind]: snippet }).issues;
    } catch (error) {
      const lacking = /not found on "([^"]+)"/.exec(error.message)?.[1];
      if (!lacking || !clients.includes(lacking)) throw error;
      result.set(lacking, { none: new Set(), partial: new Set(), notes: new Map(), unknown: true });
      clients = clients.filter((id) => id !== lacking);
    }
  }
  for (const id of clients) {
    const verdict = { none: new Set(), partial: new Set(), notes: new Map(), unknown: false };
    for (const [set, map] of [[verdict.none, issues.errors], [verdict.partial, issues.warnings]]) {
      for (const issue of map.get(id) ?? []) {
        set.add(issue.title);
        if (issue.notes.length) verdict.notes.set(issue.title, issue.notes);
      }
    }
    result.set(id, verdict);
  }
  verdicts.set(key, result);
  return result;
}

// added() per (snippet, baseline): Map client id -> verdict.
const differences = new Map();

/** The verdict of `snippet` minus that of `baseline` (what the snippet adds), for one client. */
function added(kind, snippet, baseline, id) {
  const key = `${kind}\0${snippet}\0${baseline}`;
  let perClient = differences.get(key);
  if (!perClient) {
    perClient = new Map();
    const own = judge(kind, snippet);
    const base = judge(kind, baseline);
    const minus = (set, other) => new Set([...set].filter((t) => !other.has(t)));
    for (const [id, verdict] of own) {
      const b = base.get(id);
      perClient.set(id, { none: minus(verdict.none, b.none), partial: minus(verdict.partial, b.partial), notes: verdict.notes, unknown: verdict.unknown || b.unknown });
    }
    differences.set(key, perClient);
  }
  return perClient.get(id);
}

// A style attribute's declarations ("property:value" strings), parsed once per distinct attribute.
const styleDeclarations = new Map();
function declarationsOf(style) {
  let list = styleDeclarations.get(style);
  if (!list) {
    list = (parseCss(`x{${style}}`).stylesheet.rules[0]?.declarations ?? []);
    styleDeclarations.set(style, list);
  }
  return list;
}

// The media features caniemail has a row for ("@media (hover), @media (any-hover)" -> hover, any-hover).
const MEDIA_FEATURES = rawData.data
  .filter((f) => f.title.startsWith('@media ('))
  .map((f) => ({ title: f.title, names: [...f.title.matchAll(/\(([a-z-]+)\)/g)].map((m) => m[1]) }));

const withData = new Map();
/** Whether caniemail has any data for a client (one it lacks entirely cannot be judged). */
export function hasData(id) {
  if (!withData.has(id)) {
    const { supported, unsupported } = getAllFeatures([id]);
    withData.set(id, supported.has(id) || unsupported.has(id));
  }
  return withData.get(id);
}

/** Records a finding (`none` dropped, `partial`) of `title` at `where` in `report`. */
function note(report, support, title, where, notes) {
  const list = report[support];
  let entry = list.get(title);
  if (!entry) list.set(title, (entry = { title, where: new Set(), count: 0, notes: notes?.get(title) ?? [] }));
  entry.where.add(where);
  entry.count++;
}

/** `verdict` with more titles (a fresh object: cached verdicts are shared). */
function withTitles(verdict, none = [], partial = []) {
  return { ...verdict, none: new Set([...verdict.none, ...none]), partial: new Set([...verdict.partial, ...partial]) };
}

/** A list of declarations ("a:b;c:d") with the ones `id` drops removed; findings pushed as [verdict, where]. */
function keepDeclarations(declarations, id, findings, where) {
  const kept = [];
  for (const d of declarations) {
    if (d.type !== 'declaration') continue;
    const text = `${d.property}:${d.value}`;
    const verdict = added('css', `x{${text}}`, 'x{}', id);
    findings.push([verdict, `${where} ${d.property}`]);
    if (verdict.none.size === 0) kept.push(text);
  }
  return kept.join(';');
}

/** A stylesheet's rules as `id` keeps them: rules and @media blocks it drops removed. */
function keepRules(rules, id, findings) {
  let out = '';
  for (const rule of rules) {
    if (rule.type === 'rule') {
      const selector = rule.selectors.join(',');
      const verdict = judge('css', `${selector}{}`).get(id);
      findings.push([verdict, `<style> ${selector}`]);
      if (verdict.none.size) continue;
      out += `${selector}{${keepDeclarations(rule.declarations, id, findings, `<style> ${selector}`)}}\n`;
    } else if (rule.type === 'media') {
      // The package judges the at-rule; its media features ("@media (prefers-color-scheme)") are read here.
      const features = MEDIA_FEATURES.filter((f) => f.names.some((n) => rule.media.includes(`(${n}`)));
      const verdict = withTitles(added('css', `@media ${rule.media}{}`, 'x{}', id),
        features.filter((f) => supportOf(id, f.title) === 'none').map((f) => f.title),
        features.filter((f) => supportOf(id, f.title) === 'partial').map((f) => f.title));
      findings.push([verdict, `<style> @media ${rule.media}`]);
      if (verdict.none.size) continue;
      out += `@media ${rule.media}{\n${keepRules(rule.rules, id, findings)}}\n`;
    }
  }
  return out;
}

const supportCache = new Map();
/** caniemail's latest verdict for one feature title and client: 'full', 'partial', 'none' or undefined. */
function supportOf(id, title) {
  let map = supportCache.get(id);
  if (!map) {
    map = new Map();
    const { supported, unsupported } = getAllFeatures([id]);
    for (const entry of [...(supported.get(id) ?? []), ...(unsupported.get(id) ?? [])]) map.set(entry.title, entry.support);
    supportCache.set(id, map);
  }
  return map.get(title);
}

// Elements removed whole when a client drops them (they hold no text a reader would miss).
const REMOVABLE = new Set(['style', 'meta', 'link']);

// What a client does to one element, per distinct element (tag, attributes, <style> text) and client:
// { remove, attrs, text, findings }.
const plans = new Map();

function planFor(node, client) {
  const tag = node.tagName;
  const styleText = tag === 'style' ? node.childNodes[0]?.value ?? '' : '';
  const key = `${tag}\0${node.attrs.map((a) => `${a.name}=${a.value}`).join('\0')}\0${styleText}`;
  let perClient = plans.get(key);
  if (!perClient) plans.set(key, (perClient = new Map()));
  let plan = perClient.get(client.key);
  if (plan) return plan;
  const findings = [];
  let element = added('html', `<html><${tag}></${tag}></html>`, '<html></html>', client.id);
  if (tag === 'style' && client.dropsStyle) element = withTitles(element, ['<style> element']);
  findings.push([element, `<${tag}>`]);
  plan = { remove: element.none.size > 0 && REMOVABLE.has(tag), attrs: node.attrs, text: styleText, findings };
  if (!plan.remove) {
    plan.attrs = node.attrs.flatMap((a) => {
      if (a.name === 'style') return [{ ...a, value: keepDeclarations(declarationsOf(a.value), client.id, findings, `<${tag} style>`) }];
      if (a.name === 'class') return [a];
      const escaped = a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      const verdict = added('html', `<html><${tag} ${a.name}="${escaped}"></${tag}></html>`, `<html><${tag}></${tag}></html>`, client.id);
      findings.push([verdict, `<${tag} ${a.name}>`]);
      if (verdict.none.size && REMOVABLE.has(tag)) plan.remove = true;  // <meta name="color-scheme">: the whole tag
      return verdict.none.size === 0 ? [a] : [];
    });
    if (plan.remove) plan.attrs = node.attrs;
    if (styleText) plan.text = keepRules(parseCss(styleText).stylesheet.rules, client.id, findings);
  }
  perClient.set(client.key, plan);
  return plan;
}

function elementsOf(node, out = []) {
  if (node.tagName) out.push(node);
  for (const child of node.childNodes ?? []) elementsOf(child, out);
  if (node.content) elementsOf(node.content, out);
  return out;
}

/**
 * The email as each of `clients` (entries of CLIENTS) shows it, and what it drops or only partly
 * supports: [{ html, none: Map title -> { where, count, notes }, partial: Map, unknown: Set }]. The email
 * is parsed once; each client's view is its tree with that client's plans applied, serialized.
 */
export function clientViews(html, clients = CLIENTS) {
  const doc = parse(html);
  const elements = elementsOf(doc);
  const original = elements.map((node) => ({ attrs: node.attrs, text: node.tagName === 'style' ? node.childNodes[0]?.value : undefined }));
  return clients.map((client) => {
    const report = { none: new Map(), partial: new Map(), unknown: new Set() };
    const detached = [];
    elements.forEach((node, i) => {
      const plan = planFor(node, client);  // reads the original: the tree is restored after each client
      for (const [verdict, where] of plan.findings) {
        if (verdict.unknown) report.unknown.add(where);
        for (const title of verdict.none) note(report, 'none', title, where, verdict.notes);
        for (const title of verdict.partial) note(report, 'partial', title, where, verdict.notes);
      }
      if (plan.remove) detached.push(node);
      node.attrs = plan.attrs;
      if (original[i].text !== undefined) node.childNodes[0].value = plan.text;
    });
    const places = detached.map((node) => [node, node.parentNode.childNodes.indexOf(node)]);
    for (const [node] of places) node.parentNode.childNodes.splice(node.parentNode.childNodes.indexOf(node), 1);
    const out = serialize(doc);
    for (const [node, at] of places.reverse()) node.parentNode.childNodes.splice(at, 0, node);
    elements.forEach((node, i) => {
      node.attrs = original[i].attrs;
      if (original[i].text !== undefined) node.childNodes[0].value = original[i].text;
    });
    return { html: out, ...report };
  });
}

/** The email as one client shows it (see clientViews). */
export const clientView = (html, client) => clientViews(html, [client])[0];

/**
 * The triage entry that covers `title` for client `id` (email-triage.js), or undefined: a use that is
 * fine to lose, with its reason.
 */
export function triageOf(title, id) {
  return TRIAGE.find((t) => t.feature === title && (!t.clients || t.clients.some((c) => id.startsWith(c))));
}

/**
 * Per client, what this email loses: { client, known, degrades: [{ title, reason, where }], breaks:
 * [{ title, where }], partial: [title] }. `breaks` is what a client drops that no triage entry covers.
 */
export function checkEmail(html) {
  const views = clientViews(html);
  return CLIENTS.map((client, i) => {
    const view = views[i];
    const degrades = [];
    const breaks = [];
    for (const entry of view.none.values()) {
      const triage = triageOf(entry.title, client.id);
      const where = [...entry.where];
      if (triage) degrades.push({ title: entry.title, reason: triage.reason, where });
      else breaks.push({ title: entry.title, where });
    }
    return { client, known: hasData(client.id), view, degrades, breaks, partial: [...view.partial.keys()] };
  });
}
