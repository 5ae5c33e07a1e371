// `broadsheet build` (dist/cli.js and dist/build.js): the site made from examples/site (pages with their
// head tags and pager, emails, archive, issues.json, sitemap), drafts, errors as file:line:column with
// the rest still built, `::: recent` filled from the folder, and the Nu HTML Checker over every page.
// The feeds are checked in build-feeds.test.js, incremental rebuilds in build-incremental.test.js.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, EXAMPLES, ROOT, loadBroadsheet, run, runCli } from '../helpers/repo.js';

await loadBroadsheet(); // fails clearly when dist/ is not built
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);
const recent = await import(pathToFileURL(join(DIST, 'recent.js')).href);

const SITE_EXAMPLES = join(EXAMPLES, 'site');
const BASE = 'https://harbour.example/letter/';
const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

let dir;
let out;
let cli;
const read = (...parts) => readFileSync(join(out, ...parts), 'utf8');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-build-'));
  out = join(dir, 'site');
  cli = runCli(['build', SITE_EXAMPLES, '--out', out, '--base-url', BASE]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The <head> of a page. */
const headOf = (html) => html.slice(0, html.indexOf('</head>'));
const metaContent = (html, attr, key) =>
  [...headOf(html).matchAll(new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}"(?: data-pagefind-[a-z]+="[^"]*")? content="([^"]*)">`, 'g'))].map((m) => m[1]);

describe('the site built from examples/site', () => {
  test('the command succeeds quietly (no progress bar off a terminal) and says what it built', () => {
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cli.stderr, '');
    assert.match(cli.stdout.toString(), /built .*: 3 issues, 3 rendered, 0 unchanged, 1 draft left out/);
  });

  test('every issue has its folder with page, email, text and Markdown; the site files are there', () => {
    assert.deepEqual(readdirSync(out).sort(), ['.broadsheet-cache.json', '.broadsheet-manifest.json', '.broadsheet-search.json', '01-tide-tables',
      '02-night-crossing', '03-winter-timetable', 'atom.xml', 'feed.json', 'feed.xml', 'index.html', 'issues.json', 'pagefind', 'sitemap.xml']);
    for (const slug of ['01-tide-tables', '02-night-crossing', '03-winter-timetable']) {
      assert.deepEqual(readdirSync(join(out, slug)).sort(), ['email.html', 'email.txt', 'fragment.json', 'index.html', 'issue.md']);
      assert.equal(read(slug, 'issue.md'), readFileSync(join(SITE_EXAMPLES, `${slug}.md`), 'utf8'));
    }
  });

  test('a page has one canonical link, the feeds, Open Graph and Twitter tags from its front matter', () => {
    const page = read('02-night-crossing', 'index.html');
    const url = `${BASE}02-night-crossing/`;
    assert.equal(page.match(/<link rel="canonical"/g).length, 1);
    assert.ok(page.includes(`<link rel="canonical" href="${url}">`));
    for (const [type, file] of [['application/rss+xml', 'feed.xml'], ['application/atom+xml', 'atom.xml'], ['application/feed+json', 'feed.json']]) {
      assert.match(headOf(page), new RegExp(`<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]+" href="${BASE}${file}">`));
    }
    assert.deepEqual(metaContent(page, 'property', 'og:type'), ['article']);
    assert.deepEqual(metaContent(page, 'property', 'og:title'), ['The night crossing returns']);
    assert.deepEqual(metaContent(page, 'property', 'og:description'), ['A late boat for hospital shifts, a new bench on the quay, and a call for old photographs.']);
    assert.deepEqual(metaContent(page, 'property', 'og:url'), [url]);
    assert.deepEqual(metaContent(page, 'property', 'og:site_name'), ['The Harbour Letter']);
    assert.deepEqual(metaContent(page, 'property', 'article:published_time'), ['2026-10-15']);
    assert.deepEqual(metaContent(page, 'property', 'article:tag'), ['ferries', 'night service']);
    assert.deepEqual(metaContent(page, 'name', 'twitter:card'), ['summary']);
    assert.deepEqual(metaContent(page, 'name', 'twitter:title'), ['The night crossing returns']);
  });

  test('the JSON-LD describes the article', () => {
    const page = read('03-winter-timetable', 'index.html');
    const scripts = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
    assert.equal(scripts.length, 1);
    const ld = JSON.parse(scripts[0][1]);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'Article');
    assert.equal(ld.headline, 'What the winter timetable keeps');
    assert.equal(ld.datePublished, '2026-10-29');
    assert.equal(ld.url, `${BASE}03-winter-timetable/`);
    assert.deepEqual(ld.author.map((a) => a.name), ['Ines Varga', 'Tom Achterberg']);
    assert.equal(ld.isPartOf.name, 'The Harbour Letter');
  });

  test('previous and next links, in the head and in the pager, follow the dates', () => {
    const links = (slug) => {
      const page = read(slug, 'index.html');
      const rel = (r) => headOf(page).match(new RegExp(`<link rel="${r}" href="([^"]+)">`))?.[1] ?? null;
      const pager = page.match(/<nav class="bs-pager"[\s\S]*?<\/nav>/)[0];
      return { prev: rel('prev'), next: rel('next'), pager };
    };
    const first = links('01-tide-tables');
    const middle = links('02-night-crossing');
    const last = links('03-winter-timetable');
    assert.deepEqual([first.prev, first.next], [null, `${BASE}02-night-crossing/`]);
    assert.deepEqual([middle.prev, middle.next], [`${BASE}01-tide-tables/`, `${BASE}03-winter-timetable/`]);
    assert.deepEqual([last.prev, last.next], [`${BASE}02-night-crossing/`, null]);
    assert.ok(middle.pager.includes(`<a href="${BASE}01-tide-tables/" rel="prev"><span class="bs-pager-label">Previous issue</span> Issue 1: Reading the tide tables</a>`));
    assert.ok(middle.pager.includes(`<a href="${BASE}03-winter-timetable/" rel="next">`));
    assert.ok(middle.pager.includes(`<a href="${BASE}">All issues</a>`));
    // the pager closes the issue's own article, inside the themed column
    assert.match(read('02-night-crossing', 'index.html'), /<body>\n<main data-pagefind-body>\n<article class="bs-issue" lang="en"[\s\S]*<\/nav>\n<\/article>\n<\/main>\n<\/body>/);
  });

  test('the email and its text get the canonical URL from --base-url: "view in browser" works', () => {
    const url = `${BASE}02-night-crossing/`;
    const email = read('02-night-crossing', 'email.html');
    assert.ok(email.startsWith('<!doctype html>'));
    assert.match(email, new RegExp(`<a [^>]*href="${url}"[^>]*>View this issue in your browser</a>`));
    assert.match(read('02-night-crossing', 'email.txt'), new RegExp(`View this issue in your browser:\\s+${url}`));
  });

  test('::: recent lists the issues before this one (three by default, {count=N}), titled as written', () => {
    const items = (slug) => [...read(slug, 'index.html').matchAll(/<div class="bs-block bs-block-recent"[^>]*>[\s\S]*?<\/div>/g)]
      .flatMap((m) => [...m[0].matchAll(/<li><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((l) => [l[1], l[2]]));
    assert.deepEqual(items('02-night-crossing'), [[`${BASE}01-tide-tables/`, 'Issue 1: Reading the tide tables']]);
    assert.deepEqual(items('03-winter-timetable'), [
      [`${BASE}02-night-crossing/`, 'Issue 2: The night crossing returns'],
      [`${BASE}01-tide-tables/`, 'Issue 1: Reading the tide tables'],
    ]);
    // in the email too, with the same absolute links
    assert.ok(read('03-winter-timetable', 'email.html').includes(`href="${BASE}01-tide-tables/"`));
  });

  test('the archive lists the issues newest first with date, number, title, preheader and tags', () => {
    const archive = read('index.html');
    const items = [...archive.matchAll(/<li><h2 class="bs-archive-title"><a href="([^"]+)">([^<]+)<\/a><\/h2><p class="bs-byline"><span class="bs-issue-number">Issue (\d+)<\/span> · <time class="bs-date" datetime="([\d-]+)">[^<]+<\/time><\/p><p class="bs-archive-preheader">([^<]+)<\/p><ul class="bs-tags" aria-label="Tags">(.*?)<\/ul><\/li>/g)]
      .map((m) => ({ url: m[1], title: m[2], issue: Number(m[3]), date: m[4], preheader: m[5], tags: [...m[6].matchAll(/<li class="bs-tag">([^<]+)</g)].map((t) => t[1]) }));
    assert.deepEqual(items.map((i) => i.issue), [3, 2, 1]);
    assert.deepEqual(items[0], {
      url: `${BASE}03-winter-timetable/`, title: 'What the winter timetable keeps', issue: 3, date: '2026-10-29',
      preheader: 'Fewer boats from November, the three that matter most stay, and where to wait out of the wind.',
      tags: ['ferries', 'timetables'],
    });
    assert.match(archive, /<title>The Harbour Letter<\/title>/);
    assert.ok(archive.includes(`<link rel="canonical" href="${BASE}">`));
  });

  test('issues.json is the documented index, newest first', () => {
    const index = JSON.parse(read('issues.json'));
    assert.equal(index.version, 1);
    assert.equal(index.title, 'The Harbour Letter');
    assert.equal(index.home_page_url, BASE);
    assert.deepEqual(index.feeds, { rss: `${BASE}feed.xml`, atom: `${BASE}atom.xml`, json: `${BASE}feed.json` });
    assert.deepEqual(index.issues.map((e) => e.slug), ['03-winter-timetable', '02-night-crossing', '01-tide-tables']);
    assert.deepEqual(index.issues[2], {
      slug: '01-tide-tables', url: `${BASE}01-tide-tables/`, markdown: `${BASE}01-tide-tables/issue.md`,
      email: `${BASE}01-tide-tables/email.html`, text: `${BASE}01-tide-tables/email.txt`,
      title: 'Reading the tide tables', label: 'Issue 1: Reading the tide tables', issue: 1, issue_label: 'Issue 1',
      date: '2026-10-01', date_label: '1 October 2026',
      preheader: 'Why the ferry timetable changes every fortnight, and how to read a tide table in a minute.',
      tags: ['ferries', 'tides'], authors: ['Ines Varga'],
    });
  });

  test('sitemap.xml lists the archive and every page', () => {
    const sitemap = read('sitemap.xml');
    assert.ok(sitemap.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    assert.deepEqual(locs, [BASE, `${BASE}03-winter-timetable/`, `${BASE}02-night-crossing/`, `${BASE}01-tide-tables/`]);
  });

  test('the pages and the archive pass the Nu HTML Checker with no errors', () => {
    const files = [join(out, 'index.html'), ...['01-tide-tables', '02-night-crossing', '03-winter-timetable'].map((s) => join(out, s, 'index.html'))];
    const r = run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files]);
    const report = JSON.parse(r.stderr || '{"messages":[]}');
    assert.deepEqual(report.messages, [], JSON.stringify(report.messages, null, 1));
  });
});

describe('drafts, errors and options', () => {
  let work;
  before(() => { work = mkdtempSync(join(tmpdir(), 'broadsheet-build-errors-')); });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('--drafts includes drafts', () => {
    const site = join(work, 'drafts');
    const r = runCli(['build', SITE_EXAMPLES, '--out', site, '--base-url', BASE, '--drafts']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(site, '04-draft-lighthouse', 'index.html')));
    assert.equal(JSON.parse(readFileSync(join(site, 'issues.json'), 'utf8')).issues[0].slug, '04-draft-lighthouse');
  });

  test('a front-matter error is reported as file:line:column, the other issues still build, exit 1', () => {
    const input = join(work, 'broken-in');
    mkdirSync(input);
    cpSync(join(SITE_EXAMPLES, '01-tide-tables.md'), join(input, 'good.md'));
    writeFileSync(join(input, 'broken.md'), '---\ntitle: Broken\ntags: [one, two\n---\n\nBody.\n');
    writeFileSync(join(input, 'badslug.md'), '---\ntitle: Bad slug\nslug: ../escape\n---\n\nBody.\n');
    writeFileSync(join(input, 'taken.md'), '---\ntitle: Taken\nslug:   good\n---\n\nBody.\n');
    writeFileSync(join(input, 'unsafe.md'), '---\ntitle: Unsafe link\n---\n\n::: recent\n:::\n\nA [link](javascript:alert(1)).\n');
    const site = join(work, 'broken-out');
    const r = runCli(['build', input, '--out', site, '--base-url', BASE]);
    assert.equal(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.some((l) => l.startsWith(`${join(input, 'broken.md')}:3:7: invalid front matter`)), r.stderr);
    assert.ok(lines.some((l) => l.startsWith(`${join(input, 'badslug.md')}:3:1: front matter \`slug\` "../escape" cannot name a folder`)), r.stderr);
    assert.ok(lines.some((l) => l.startsWith(`${join(input, 'taken.md')}: the slug "good" is already used by`)), r.stderr);
    // a warning keeps the source's line: nothing is inserted into the Markdown
    assert.ok(lines.some((l) => /^.*unsafe\.md:8:\d+: warning: .*javascript/i.test(l)), r.stderr);
    assert.match(r.stdout.toString(), /2 issues, 2 rendered, 0 unchanged, 3 failed/);
    assert.ok(existsSync(join(site, 'good', 'index.html')));
    assert.ok(existsSync(join(site, 'unsafe', 'index.html')));
    assert.deepEqual(JSON.parse(readFileSync(join(site, 'issues.json'), 'utf8')).issues.map((e) => e.slug).sort(), ['good', 'unsafe']);
  });

  test('the JS API reports the same, and a canonical_url in the front matter is kept', async () => {
    const input = join(work, 'api-in');
    mkdirSync(input);
    writeFileSync(join(input, 'own.md'), '---\ntitle: Own URL\ndate: 2026-01-01\ncanonical_url: https://elsewhere.example/own\n---\n\nBody.\n');
    writeFileSync(join(input, 'broken.md'), '---\ntitle: [x\n---\n');
    const progress = [];
    const report = await buildSite({ input, out: join(work, 'api-out'), baseUrl: 'https://example.com/x', onProgress: (d, t) => progress.push([d, t]) });
    assert.equal(report.issues, 1);
    assert.equal(report.rendered, 1);
    assert.deepEqual(report.errors.map((e) => [e.file, e.line, e.column]), [[join(input, 'broken.md'), 2, 8]]);
    assert.deepEqual(progress, [[0, 1], [1, 1]]);
    const page = readFileSync(join(work, 'api-out', 'own', 'index.html'), 'utf8');
    assert.ok(page.includes('<link rel="canonical" href="https://elsewhere.example/own">'));
    assert.ok(page.includes('href="https://example.com/x/feed.xml"'), 'the base URL gets its trailing slash');
  });

  test('bad options are refused', async () => {
    await assert.rejects(buildSite({ input: SITE_EXAMPLES, out: join(work, 'x'), baseUrl: 'not a url' }), TypeError);
    await assert.rejects(buildSite({ input: SITE_EXAMPLES, out: join(work, 'x'), baseUrl: 'ftp://example.com/' }), TypeError);
    await assert.rejects(buildSite({ input: SITE_EXAMPLES, out: SITE_EXAMPLES, baseUrl: BASE }), TypeError);
    await assert.rejects(buildSite({ input: join(work, 'missing'), out: join(work, 'x'), baseUrl: BASE }), /not a folder/);
    for (const args of [['build'], ['build', SITE_EXAMPLES, '--out', 'x'], ['build', SITE_EXAMPLES, '--base-url', BASE],
      ['build', SITE_EXAMPLES, '--out', 'x', '--base-url', 'nope'], ['build', SITE_EXAMPLES, '--out', 'x', '--base-url', BASE, '--jobs', '0']]) {
      const r = runCli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /usage: broadsheet render[\s\S]*broadsheet build ISSUES_DIR/);
    }
  });

  test('the pager speaks the issue\'s language (its lang, or the site\'s --lang)', async () => {
    const input = join(work, 'lang-in');
    mkdirSync(input);
    const body = readFileSync(join(SITE_EXAMPLES, '02-night-crossing.md'), 'utf8');
    for (const n of [1, 2, 3]) {
      writeFileSync(join(input, `l${n}.md`), body.replace(/^issue: .*$/m, `issue: ${n}`).replace(/^date: .*$/m, `date: 2026-02-0${n}`)
        .replace(/^---\n/, n === 3 ? '---\nlang: ja\n' : '---\n'));
    }
    const report = await buildSite({ input, out: join(work, 'lang-out'), baseUrl: BASE, lang: 'fr' });
    assert.deepEqual(report.errors, []);
    const pager = (slug) => readFileSync(join(work, 'lang-out', slug, 'index.html'), 'utf8').match(/<nav class="bs-pager"[\s\S]*?<\/nav>/)[0];
    const french = pager('l2');
    assert.match(french, /aria-label="Autres numéros"/);
    assert.match(french, /rel="prev"><span class="bs-pager-label">Numéro précédent<\/span>/);
    assert.match(french, /rel="next"><span class="bs-pager-label">Numéro suivant<\/span>/);
    assert.match(french, />Tous les numéros<\/a> · <a [^>]*>Flux RSS<\/a>/);
    assert.match(pager('l3'), /aria-label="ほかの号"[\s\S]*>前の号<\/span>[\s\S]*>すべての号<\/a> · <a [^>]*>RSS フィード<\/a>/);
  });

  test('one worker or two, the site is byte for byte the same', async () => {
    const input = join(work, 'many-in');
    mkdirSync(input);
    const body = readFileSync(join(SITE_EXAMPLES, '02-night-crossing.md'), 'utf8');
    for (let n = 1; n <= 24; n++) {
      writeFileSync(join(input, `n${n}.md`), body.replace(/^issue: .*$/m, `issue: ${n}`).replace(/^date: .*$/m, `date: 2026-01-${String(n).padStart(2, '0')}`));
    }
    const one = await buildSite({ input, out: join(work, 'many-1'), baseUrl: BASE, jobs: 1 });
    const two = await buildSite({ input, out: join(work, 'many-2'), baseUrl: BASE, jobs: 2 });
    assert.equal(one.rendered, 24);
    assert.equal(two.rendered, 24);
    for (const file of readdirSync(join(work, 'many-1'), { recursive: true }).map(String).filter((f) => /\.(html|txt|xml|json)$/.test(f))) {
      assert.equal(readFileSync(join(work, 'many-2', file), 'utf8'), readFileSync(join(work, 'many-1', file), 'utf8'), file);
    }
  });
});

describe('recent.js', () => {
  // Index entries as issue-index.js normalizes them (every field text), newest first.
  const issues = [1, 2, 3, 4, 5].map((n) => ({ slug: `i${n}`, url: `https://e.example/i${n}/`, title: `Title ${n}`, issue: String(n), date: `2026-01-0${n}` })).reverse();
  const before = (issue) => recent.issuesBefore(issues, issue).map((e) => e.issue);

  test('issuesBefore finds the issue by URL, by title, date and number, or by its date when it is not listed', () => {
    assert.deepEqual(before({ url: 'https://e.example/i3/' }), ['2', '1']);
    assert.deepEqual(before({ canonicalUrl: 'https://e.example/i2/' }), ['1']);
    assert.deepEqual(before({ title: 'Title 4', date: '2026-01-04', number: '4' }), ['3', '2', '1']);
    assert.deepEqual(before({ title: 'A draft', date: '2026-01-04' }), ['3', '2', '1']);
    assert.deepEqual(before({ title: 'A draft', number: '9' }), ['5', '4', '3', '2', '1']);
  });
});
