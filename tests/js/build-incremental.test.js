// Rebuilds of `broadsheet build`: only the pages whose content changed are rendered again (an edited
// issue; its neighbours and the `::: recent` lists that name it when its title changes; the newest
// issue when one is added after it), the site files follow, removed issues lose their folder, and an
// incremental result is byte for byte what a build from scratch writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, loadBroadsheet } from '../helpers/repo.js';

await loadBroadsheet();
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);

const BASE = 'https://example.com/news/';
let dir;
let input;
let out;

const issue = (n, extra = '') => `---\ntitle: Issue title ${n}\nissue: ${n}\ndate: 2026-03-${String(n).padStart(2, '0')}\npreheader: Preheader ${n}.\n---\n\nIntro ${n}.${extra}\n\n::: recent\n:::\n\n## Section\n\nText ${n}.\n`;
const file = (n) => join(input, `i${String(n).padStart(2, '0')}.md`);
const page = (n) => readFileSync(join(out, `i${String(n).padStart(2, '0')}`, 'index.html'), 'utf8');
const mtimes = () => Object.fromEntries(readdirSync(out, { recursive: true }).map(String).filter((f) => f.endsWith('index.html')).map((f) => [f, statSync(join(out, f)).mtimeMs]));
const changed = (before, afterward) => Object.keys(afterward).filter((f) => before[f] !== afterward[f]).sort();
const build = () => buildSite({ input, out, baseUrl: BASE, jobs: 2 });

/** Every file of a site, as text (the cache file left out). */
function snapshot(site) {
  return Object.fromEntries(readdirSync(site, { recursive: true }).map(String)
    .filter((f) => !f.endsWith('.broadsheet-cache.json') && statSync(join(site, f)).isFile())
    .sort().map((f) => [f, readFileSync(join(site, f), 'utf8')]));
}

/** Lets a file system with coarse timestamps see the next write as a change. */
const tick = () => new Promise((ok) => setTimeout(ok, 20));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-incremental-'));
  input = join(dir, 'issues');
  out = join(dir, 'site');
  mkdirSync(input);
  for (let n = 1; n <= 12; n++) writeFileSync(file(n), issue(n));
  const first = await build();
  assert.equal(first.rendered, 12);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('nothing changed: nothing rendered, no file rewritten', async () => {
  const before = mtimes();
  await tick();
  const report = await build();
  assert.equal(report.rendered, 0);
  assert.equal(report.unchanged, 12);
  assert.deepEqual(report.siteFiles, []);
  assert.deepEqual(changed(before, mtimes()), []);
});

test('an edit to an issue\'s text renders that page only', async () => {
  const before = mtimes();
  await tick();
  writeFileSync(file(5), issue(5, ' Now with more words.'));
  const report = await build();
  assert.equal(report.rendered, 1);
  assert.deepEqual(changed(before, mtimes()), ['i05/index.html']);
  assert.ok(page(5).includes('Now with more words.'));
  assert.ok(!report.siteFiles.includes('index.html'), 'the archive shows no body text');
  assert.ok(report.siteFiles.includes('feed.xml'), 'the feeds carry the whole issue');
});

test('a new title reaches the neighbours, the recent lists that name it, the archive and the feeds', async () => {
  const before = mtimes();
  await tick();
  writeFileSync(file(5), issue(5).replace('title: Issue title 5', 'title: A new name'));
  const report = await build();
  // itself, its older neighbour (4), and 6, 7, 8, whose `::: recent` lists it (6 also links it as previous)
  assert.deepEqual(changed(before, mtimes()), ['i04/index.html', 'i05/index.html', 'i06/index.html', 'i07/index.html', 'i08/index.html', 'index.html']);
  assert.equal(report.rendered, 5);
  for (const n of [6, 7, 8]) assert.ok(page(n).includes('>Issue 5: A new name</a></li>'), `recent list of ${n}`);
  assert.ok(page(4).includes('<span class="bs-pager-label">Next issue</span> Issue 5: A new name'));
  assert.ok(readFileSync(join(out, 'index.html'), 'utf8').includes('A new name'));
  assert.ok(readFileSync(join(out, 'feed.xml'), 'utf8').includes('Issue 5: A new name'));
  assert.ok(report.siteFiles.includes('issues.json'));
});

test('a new issue renders itself and the issue before it (its next link)', async () => {
  const before = mtimes();
  await tick();
  writeFileSync(file(13), issue(13));
  const report = await build();
  assert.equal(report.rendered, 2);
  assert.deepEqual(changed(before, mtimes()), ['i12/index.html', 'i13/index.html', 'index.html']);
  assert.equal(JSON.parse(readFileSync(join(out, 'issues.json'), 'utf8')).issues[0].slug, 'i13');
});

test('a removed issue loses its folder and its neighbours are linked to each other', async () => {
  unlinkSync(file(9));
  const report = await build();
  assert.equal(report.removed, 1);
  assert.ok(!existsSync(join(out, 'i09')));
  assert.ok(page(10).includes(`<link rel="prev" href="${BASE}i08/">`));
  assert.ok(page(8).includes(`<link rel="next" href="${BASE}i10/">`));
  assert.ok(!readFileSync(join(out, 'sitemap.xml'), 'utf8').includes('i09'));
});

test('a draft flag removes the issue; a deleted output page is written again', async () => {
  writeFileSync(file(3), issue(3).replace('preheader:', 'draft: true\npreheader:'));
  rmSync(join(out, 'i07', 'index.html'));
  const report = await build();
  assert.equal(report.drafts, 1);
  assert.ok(!existsSync(join(out, 'i03')));
  assert.ok(existsSync(join(out, 'i07', 'index.html')));
});

test('the incremental site is byte for byte the site built from scratch', async () => {
  const fresh = join(dir, 'fresh');
  await buildSite({ input, out: fresh, baseUrl: BASE, jobs: 1 });
  assert.deepEqual(snapshot(out), snapshot(fresh));
  const forced = await buildSite({ input, out, baseUrl: BASE, force: true });
  assert.equal(forced.rendered, forced.issues);
});

test('another base URL renders every page again', async () => {
  const report = await buildSite({ input, out, baseUrl: 'https://example.org/elsewhere/' });
  assert.equal(report.unchanged, 0);
  assert.ok(page(10).includes('<link rel="canonical" href="https://example.org/elsewhere/i10/">'));
});
