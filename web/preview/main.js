// The draft preview page: editor → render worker → preview, with outline, problems, status, views,
// draft saving and files. Each part lives in its own module; this file wires them together.
import { createEditor } from './editor.js';
import { MAIN_THREAD_LIMIT, RenderClient, createLocalRenderer } from './render-client.js';
import { PreviewPane } from './preview-pane.js';
import { ScrollSync } from './scroll-sync.js';
import { DraftStore } from './draft-store.js';
import { Files, download } from './files.js';
import { countWordsInSlices, showOutline, showProblems, showStatus } from './panels.js';
import { EmailClientsPanel } from './email-clients-panel.js';

const $ = (selector) => document.querySelector(selector);
const EXAMPLE_URL = './examples/full.md';
const FALLBACK_DRAFT = '---\ntitle: A new issue\ndate: 2026-01-01\n---\n\nWrite the intro here.\n\n## First section\n\nText.\n';

const status = {
  words: $('[data-status=words]'),
  reading: $('[data-status=reading]'),
  render: $('[data-status=render]'),
  saved: $('[data-status=saved]'),
};
const state = { view: 'web', lastInputAt: 0, renders: 0, lastOutline: [] };

const preview = new PreviewPane($('[data-broadsheet-preview]'));
const emailClients = new EmailClientsPanel($('[data-email-panel]'), () => update());
const renderer = new RenderClient();
const renderHere = await createLocalRenderer();
let latestRequest = 0;
let exporter = null; // a second worker for Copy/Download HTML, so exports never cancel a preview render
const files = new Files($('[data-file-input]'));
const drafts = new DraftStore((error) => {
  status.saved.textContent = error ? `Draft NOT saved: ${error.message}` : `Draft saved ${new Date().toLocaleTimeString('en-GB')}`;
});

const editor = createEditor($('[data-broadsheet-editor]'), {
  doc: '',
  onChange(text) {
    state.lastInputAt = performance.now();
    drafts.save(text); // every keystroke (the store writes it out shortly after)
    update(text); // the same string: a 100 KiB draft is not joined twice per keystroke
  },
  onScroll: () => sync.editorScrolled(),
});
const sync = new ScrollSync(editor, $('.preview-scroll'), (id) => preview.find(id));

const FORMAT_OF_VIEW = { web: 'html', email: 'email', text: 'text', json: 'json' };

// What the side panels show, so a keystroke that changes neither outline nor problems rebuilds neither.
const shownPanels = { outline: '', problems: '' };

async function update(markdown = editor.text()) {
  const inputAt = state.lastInputAt;
  const requestedAt = performance.now();
  const request = ++latestRequest;
  const options = { format: FORMAT_OF_VIEW[state.view] };
  const answer = markdown.length <= MAIN_THREAD_LIMIT ? renderHere(markdown, options) : await renderer.render(markdown, options);
  const answeredAt = performance.now();
  if (!answer || request !== latestRequest) return; // replaced by a newer draft
  if (!answer.ok) {
    // Keep the last good preview on screen; show the error where the writer can click it.
    showPanels(null, [{ ...answer.error, severity: 'error' }]);
    showStatus(status, { ms: undefined });
    document.dispatchEvent(new CustomEvent('broadsheet-preview-error', { detail: answer.error }));
    return;
  }
  const patchStart = performance.now();
  if (state.view === 'web') preview.showHtml(answer.output);
  else if (state.view === 'email') {
    const shown = await emailClients.view(answer.output);  // the picked client's view, or as sent
    if (request !== latestRequest) return;
    preview.showEmail(shown);
    emailClients.update(answer.output);
  }
  else preview.showText(state.view === 'json' ? JSON.stringify(JSON.parse(answer.output), null, 2) : answer.output);
  state.lastOutline = answer.outline;
  state.lastTitle = answer.meta?.title;
  sync.setAnchors(state.view === 'web' ? answer.outline : []);
  const patchMs = performance.now() - patchStart;
  showPanels(answer.outline, answer.warnings.map((w) => ({ ...w, severity: 'warning' })));
  showStatus(status, { ms: answer.ms });
  scheduleWordCount(markdown);
  state.renders += 1;
  const latency = inputAt ? performance.now() - inputAt : null;
  document.dispatchEvent(new CustomEvent('broadsheet-preview-updated', {
    detail: { renderMs: answer.ms, roundTripMs: answeredAt - requestedAt, patchMs, panelsMs: performance.now() - patchStart - patchMs,
      latencyMs: latency, sections: answer.outline.filter((e) => e.kind === 'section').length },
  }));
}

/**
 * Rebuilds the outline (unless `outline` is null: kept) and the problems list when what they show changed.
 * An outline entry's button looks its line up in the latest outline when clicked, so it never goes stale.
 */
function showPanels(outline, problems) {
  const outlineKey = outline && JSON.stringify(outline.map(({ id, title, kind }) => [id, title, kind]));
  if (outline && outlineKey !== shownPanels.outline) {
    shownPanels.outline = outlineKey;
    showOutline($('[data-broadsheet-outline]'), outline, (entry) => revealEntry(state.lastOutline.find((e) => e.id === entry.id) ?? entry));
  }
  const problemsKey = JSON.stringify(problems);
  if (problemsKey !== shownPanels.problems) {
    shownPanels.problems = problemsKey;
    showProblems($('[data-broadsheet-errors]'), problems, goTo);
  }
}

function goTo({ line, column }) {
  editor.goTo(line, column);
}

function revealEntry(entry) {
  if (state.view !== 'web') setView('web');
  sync.reveal(entry);
  editor.goTo(entry.line, 1, { y: 'start' });
}

let wordTimer = 0;
let wordCount = 0; // the latest count started; an older one still running gives up
function scheduleWordCount(markdown) {
  clearTimeout(wordTimer);
  wordTimer = setTimeout(async () => {
    const mine = ++wordCount;
    const body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n(---|\.\.\.)\r?\n/, '');
    const words = await countWordsInSlices(body.replace(/\]\([^)]*\)/g, ']'), () => mine !== wordCount);
    if (words !== null) showStatus(status, { words });
  }, 200);
}

// --- Views and toggles ----------------------------------------------------------------------------

function setView(view) {
  state.view = view;
  emailClients.visible = view === 'email';
  for (const tab of document.querySelectorAll('[data-view]')) tab.setAttribute('aria-checked', String(tab.dataset.view === view));
  update();
}
for (const tab of document.querySelectorAll('[data-view]')) tab.addEventListener('click', () => setView(tab.dataset.view));
document.querySelector('.view-tabs').addEventListener('keydown', (event) => {
  const tabs = [...document.querySelectorAll('[data-view]')];
  const index = tabs.findIndex((tab) => tab.dataset.view === state.view);
  const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
  if (!step) return;
  event.preventDefault();
  const next = tabs[(index + step + tabs.length) % tabs.length];
  setView(next.dataset.view);
  next.focus();
});

function toggle(name, apply) {
  const button = $(`[data-toggle=${name}]`);
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    apply(on);
  });
}
toggle('dark', (on) => { preview.dark = on; });
toggle('mobile', (on) => { $('.preview-frame').classList.toggle('mobile', on); });
preview.dark = matchMedia('(prefers-color-scheme: dark)').matches;
$('[data-toggle=dark]').setAttribute('aria-pressed', String(matchMedia('(prefers-color-scheme: dark)').matches));

// --- Splitter ---------------------------------------------------------------------------------------

const workspace = $('.workspace');
const splitter = $('.splitter');
function setSplit(percent) {
  const clamped = Math.min(80, Math.max(20, Math.round(percent)));
  workspace.style.setProperty('--editor-share', `${clamped}%`);
  splitter.setAttribute('aria-valuenow', String(clamped));
}
splitter.addEventListener('pointerdown', (event) => {
  splitter.setPointerCapture(event.pointerId);
  const move = (e) => {
    const rect = workspace.getBoundingClientRect();
    setSplit(((e.clientX - rect.left) / Math.max(1, rect.width - $('.side').offsetWidth)) * 100);
  };
  splitter.addEventListener('pointermove', move);
  splitter.addEventListener('pointerup', () => splitter.removeEventListener('pointermove', move), { once: true });
});
splitter.addEventListener('keydown', (event) => {
  const now = Number(splitter.getAttribute('aria-valuenow'));
  if (event.key === 'ArrowLeft') setSplit(now - 5);
  else if (event.key === 'ArrowRight') setSplit(now + 5);
  else return;
  event.preventDefault();
});

// --- Files and exports ----------------------------------------------------------------------------

function suggestedName(extension) {
  const title = (state.lastTitle ?? 'issue').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'issue';
  return `${files.name?.replace(/\.(md|markdown)$/i, '') ?? title}.${extension}`;
}

async function standaloneHtml() {
  exporter ??= new RenderClient();
  const answer = await exporter.render(editor.text(), { format: 'html', standalone: true });
  if (!answer?.ok) throw new Error(answer?.error?.message ?? 'render failed');
  return answer.output;
}

function report(error) {
  status.saved.textContent = `Could not finish: ${error.message}`;
}

const actions = {
  async open() {
    const file = await files.open();
    if (file) editor.setText(file.text);
  },
  async save() {
    drafts.flush();
    const name = await files.saveMarkdown(editor.text(), suggestedName('md'));
    if (name) status.saved.textContent = `Saved ${name}`;
  },
  async 'copy-html'() {
    await navigator.clipboard.writeText(await standaloneHtml());
    status.saved.textContent = 'HTML copied';
  },
  async 'download-html'() {
    download(await standaloneHtml(), suggestedName('html'), 'text/html');
  },
  async 'load-example'() {
    if (editor.text().trim() && !confirm('Replace the draft with the example issue?')) return;
    editor.setText(await fetchExample());
  },
};
for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action]().catch(report));
}
addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey)) return;
  const action = event.key === 's' ? 'save' : event.key === 'o' ? 'open' : null;
  if (!action) return;
  event.preventDefault();
  actions[action]().catch(report);
});

async function fetchExample() {
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(`could not load the example (HTTP ${response.status})`);
  return response.text();
}

// --- Start: the saved draft, else the full example ---------------------------------------------------

const saved = drafts.load();
const initial = saved ?? (await fetchExample().catch(() => FALLBACK_DRAFT));
editor.setText(initial);
if (saved) status.saved.textContent = 'Draft restored';
state.lastInputAt = 0;
await update();
// For tests and benchmarks: the editor's text and the preview's state, read-only use.
window.__broadsheetPreview = { editor, state };
document.documentElement.dataset.ready = 'true';
