// `broadsheet build` used carelessly and with hostile input (issue 24): drafts and dates as the core reads
// them, issues dated in the future, symlinks, folders inside each other, bad site options, a site that is
// a function of its sources (full, incremental, --force and lost-cache builds write the same files), files
// the build did not write, a failed build that leaves the site as it was, feeds that strict XML parsers
// accept, and every word of a site in its language.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, loadBroadsheet, runCli } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);
const BASE = 'https://letter.example/news/';
const TODAY = '2026-12-07';

let dir;
before(() => { dir = mkdtempSync(join(tmpdir(), 'broadsheet-trust-')); });
after(() => rmSync(dir, { recursive: true, force: true }));

let folders = 0;
/** A new folder of issues: { name: markdown }. */
function issues(files) {
  const input = join(dir, `in-${++folders}`);
  mkdirSync(input);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(input, name), text);
  return input;
}
const outFolder = () => join(dir, `out-${++folders}`);
const build = (input, out, options = {}) => buildSite({ input, out, baseUrl: BASE, today: TODAY, jobs: 1, title: 'The Letter', ...options });
const issue = (front, body = 'Some text.\n') => `---\n${front}\n---\n${body}`;

/** Every file under `root` (but the render cache) with a hash of its bytes. */
function tree(root) {
  const files = {};
  for (const name of readdirSync(root, { recursive: true }).map(String).sort()) {
    const path = join(root, name);
    if (name === '.broadsheet-cache.json' || !existsSync(path)) continue;
    try {
      files[name] = createHash('sha1').update(readFileSync(path)).digest('hex');
    } catch { /* a folder */ }
  }
  return files;
}
const slugsIn = (out) => JSON.parse(readFileSync(join(out, 'issues.json'), 'utf8')).issues.map((e) => e.slug);

describe('what an issue is, as the core reads it', () => {
  test('draft must be a YAML boolean: yes, on, 1, "True" are errors at their line and keep the issue out', async () => {
    const input = issues({
      'a.md': issue('title: A\ndate: 2026-01-01'),
      'b.md': issue('title: B\ndate: 2026-01-02\ndraft: yes'),
      'c.md': issue('title: C\ndate: 2026-01-03\ndraft: on'),
      'd.md': issue('title: D\ndate: 2026-01-04\ndraft: 1'),
      'e.md': issue('title: E\ndate: 2026-01-05\ndraft: "True"'),
      'f.md': issue('title: F\ndate: 2026-01-06\ndraft: true'),
    });
    const out = outFolder();
    const report = await build(input, out, { drafts: true });
    assert.deepEqual(slugsIn(out), ['f', 'a']); // a real draft is published with --drafts; the others never
    assert.deepEqual(report.errors.map((e) => [e.file.slice(-4), e.line, e.column]),
      [['b.md', 4, 1], ['c.md', 4, 1], ['d.md', 4, 1], ['e.md', 4, 1]]);
    assert.match(report.errors[0].message, /`draft` should be true or false/);
    for (const slug of ['b', 'c', 'd', 'e']) assert.equal(existsSync(join(out, slug)), false);
  });

  test('a date the core cannot read is an error at its line, that issue is left out, the rest is written', async () => {
    const input = issues({
      'good.md': issue('title: Good\ndate: 2026-03-01'),
      'words.md': issue('title: Words\ndate: March 3 2026'),
      'month.md': issue('title: Month\ndate: 2026-13-01'),
      'time.md': issue('title: Time\ndate: "2026-01-01T10:00"'),
      'feb.md': issue('title: Feb\ndate: 2026-02-30'),
    });
    const out = outFolder();
    const report = await build(input, out);
    assert.deepEqual(slugsIn(out), ['good']);
    assert.deepEqual(report.errors.map((e) => [e.file.replace(/.*\//, ''), e.line]).sort(), [['feb.md', 3], ['month.md', 3], ['time.md', 3], ['words.md', 3]]);
    for (const file of ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml']) assert.ok(existsSync(join(out, file)), file);
  });

  test('issues dated after the build\'s date are left out unless future, and counted', async () => {
    const input = issues({ 'now.md': issue('title: Now\ndate: 2026-12-07'), 'later.md': issue('title: Later\ndate: 2099-01-01') });
    const out = outFolder();
    const report = await build(input, out);
    assert.deepEqual(slugsIn(out), ['now']);
    assert.equal(report.future, 1);
    await build(input, out, { future: true });
    assert.deepEqual(slugsIn(out), ['later', 'now']);
    const cli = runCli(['build', input, '--out', outFolder(), '--base-url', BASE]);
    assert.match(cli.stdout.toString(), /1 dated after today left out/);
  });

  test('pages, lists and feeds name only issues that were published', async () => {
    const input = issues({
      '1.md': issue('title: One\nissue: 1\ndate: 2026-01-01'),
      '2.md': issue('title: Two\nissue: 2\ndate: 2026-01-02\ntags: [oops'), // a YAML error
      '3.md': issue('title: Three\nissue: 3\ndate: 2026-01-03', '::: recent\n:::\n'),
    });
    const out = outFolder();
    await build(input, out);
    const everything = ['3/index.html', 'index.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'issues.json']
      .map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    assert.ok(!everything.includes(`${BASE}2/`));
    assert.match(readFileSync(join(out, '3/index.html'), 'utf8'), /<link rel="prev" href="https:\/\/letter\.example\/news\/1\/">/);
  });
});

describe('inputs that must not publish', () => {
  test('a symlink out of the folder is skipped with a warning; one inside it is read', async () => {
    const input = issues({ 'real.md': issue('title: Real\ndate: 2026-01-01') });
    symlinkSync('/etc/passwd', join(input, 'passwd.md'));
    symlinkSync(join(input, 'real.md'), join(input, 'alias.md'));
    const out = outFolder();
    const report = await build(input, out);
    assert.deepEqual(slugsIn(out).sort(), ['alias', 'real']);
    assert.ok(report.warnings.some((w) => w.file.endsWith('passwd.md') && /leads out of the folder/.test(w.message)));
    assert.ok(!readdirSync(out, { recursive: true }).map(String).some((f) => f.startsWith('passwd')));
  });

  test('folders inside each other, also through a symlink, and --out equal to the issues are usage errors (exit 2)', () => {
    const input = issues({ 'a.md': issue('title: A') });
    const link = join(dir, `link-${++folders}`);
    symlinkSync(input, link);
    for (const [from, to] of [[input, input], [input, join(input, 'site')], [link, join(input, 'site')], [input, join(link, 'site')]]) {
      const cli = runCli(['build', from, '--out', to, '--base-url', BASE]);
      assert.equal(cli.status, 2, `${from} → ${to}: ${cli.stderr}`);
      assert.match(cli.stderr, /must not contain each other/);
    }
    const outer = outFolder();
    mkdirSync(join(outer, 'issues'), { recursive: true });
    writeFileSync(join(outer, 'issues', 'a.md'), issue('title: A'));
    assert.equal(runCli(['build', join(outer, 'issues'), '--out', outer, '--base-url', BASE]).status, 2);
  });

  test('a bad site-wide option is a usage error before anything is touched', async () => {
    const input = issues({ 'a.md': issue('title: A\ndate: 2026-01-01'), 'b.md': issue('title: B\ndate: 2026-01-02') });
    const out = outFolder();
    await build(input, out);
    const before = tree(out);
    for (const args of [['--unsubscribe-url', 'ftp://x'], ['--unsubscribe-url', 'javascript:alert(1)'], ['--lang', 'not a language']]) {
      const cli = runCli(['build', input, '--out', out, '--base-url', BASE, ...args]);
      assert.equal(cli.status, 2, cli.stderr);
      assert.deepEqual(tree(out), before, args.join(' '));
    }
  });
});

describe('the site is a function of its sources', () => {
  const sources = () => issues({
    '01.md': issue('title: One\nissue: 1\ndate: 2026-01-01\ntags: [a]', '::: recent\n:::\n\nText one.\n'),
    '02.md': issue('title: Two\nissue: 2\ndate: 2026-01-02', '::: recent {count=1}\n:::\n\nText two.\n'),
    '03.md': issue('title: Three\nissue: 3\ndate: 2026-01-03', '::: recent\n:::\n\nText three.\n'),
    '04.md': issue('title: Four\nissue: 4\ndate: 2026-01-04\ndraft: true', 'A draft.\n'),
  });

  test('a full build, an incremental build, --force, and a build after losing the cache or the manifest write the same files', async () => {
    const input = sources();
    const edits = (folder) => {
      writeFileSync(join(folder, '02.md'), issue('title: Two, renamed\nissue: 2\ndate: 2026-01-02', 'New text.\n'));
      rmSync(join(folder, '01.md'));
      writeFileSync(join(folder, '05.md'), issue('title: Five\nissue: 5\ndate: 2026-01-05', '::: recent\n:::\n'));
    };
    const incremental = outFolder();
    await build(input, incremental, { drafts: true }); // the draft is published, then must go
    edits(input);
    await build(input, incremental);
    const fresh = outFolder();
    await build(input, fresh);
    assert.deepEqual(tree(incremental), tree(fresh));

    const forced = outFolder();
    const input2 = sources();
    await build(input2, forced, { drafts: true });
    edits(input2);
    await build(input2, forced, { force: true });
    assert.deepEqual(tree(forced), tree(fresh));

    for (const lost of ['.broadsheet-cache.json', '.broadsheet-manifest.json']) {
      const out = outFolder();
      const input3 = sources();
      await build(input3, out, { drafts: true });
      edits(input3);
      rmSync(join(out, lost));
      await build(input3, out);
      assert.deepEqual(tree(out), tree(fresh), `after losing ${lost}`);
    }
    assert.deepEqual(slugsIn(fresh), ['05', '03', '02']);
  });

  test('a file the build did not write is never overwritten or deleted; a clash names both', async () => {
    const input = issues({ 'about.md': issue('title: About\ndate: 2026-01-01'), 'one.md': issue('title: One\ndate: 2026-01-02') });
    const out = outFolder();
    mkdirSync(join(out, 'about'), { recursive: true });
    writeFileSync(join(out, 'about', 'index.html'), 'written by hand');
    mkdirSync(join(out, 'one'), { recursive: true });
    writeFileSync(join(out, 'one', 'notes.txt'), 'mine');
    const report = await build(input, out);
    assert.equal(readFileSync(join(out, 'about', 'index.html'), 'utf8'), 'written by hand');
    const clash = report.errors.find((e) => e.file.endsWith('about.md'));
    assert.match(clash.message, /about\/index\.html was not written by broadsheet build; this issue would overwrite it/);
    assert.deepEqual(slugsIn(out), ['one']);
    rmSync(join(input, 'one.md'));
    await build(input, out);
    assert.deepEqual(readdirSync(join(out, 'one')), ['notes.txt']); // the build's files went, the hand-written one stayed
    // A site file written by hand stops the build before anything is written.
    const other = outFolder();
    mkdirSync(other);
    writeFileSync(join(other, 'index.html'), '<p>my own home page</p>');
    await assert.rejects(build(input, other), /index\.html was not written by broadsheet build/);
    assert.deepEqual(readdirSync(other), ['index.html']);
  });

  test('a build that fails half way leaves the site as the last build left it', async () => {
    const input = issues(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`${i}.md`, issue(`title: Issue ${i}\ndate: 2026-01-0${i + 1}`)])));
    const out = outFolder();
    await build(input, out);
    const before = tree(out);
    for (let i = 0; i < 6; i++) writeFileSync(join(input, `${i}.md`), issue(`title: Changed ${i}\ndate: 2026-01-0${i + 1}`));
    await assert.rejects(build(input, out, { onProgress: (done) => { if (done === 3) throw new Error('the disk is full'); } }), /the disk is full/);
    assert.deepEqual(tree(out), before);
    assert.ok(!readdirSync(out).includes('.broadsheet-staging'));
  });

  test('--jobs is capped at the number of cores', async () => {
    const report = await build(issues({ 'a.md': issue('title: A') }), outFolder(), { jobs: 64 });
    assert.equal(report.jobs, cpus().length);
  });
});

describe('feeds and sitemap are XML 1.0 for every input', () => {
  test('control characters, U+FFFE and markup in titles and tags: libxml2 accepts every feed and the sitemap', async () => {
    assert.ok(!spawnSync('xmllint', ['--version']).error, 'xmllint (Debian libxml2-utils, installed by tools/setup.sh)');
    const input = issues({
      'a.md': issue('title: "Vertical\\vtab \\x01 and \\uFFFE, ]]> <b>"\ntags: ["a<b", "c&d", "\\"q\\""]\nauthors: ["A\\x02"]\ndate: 2026-01-01\npreheader: "x\\x0By"',
        'Body \x0B with \x01 control ]]> characters.\n'),
      'b&c.md': issue('title: Second\ndate: 2026-01-02'),
    });
    const out = outFolder();
    await build(input, out);
    for (const file of ['feed.xml', 'atom.xml', 'sitemap.xml']) {
      const r = spawnSync('xmllint', ['--noout', join(out, file)], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${file}: ${r.stderr}`);
    }
    JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8'));
  });
});

const PRODUCT_NAMES = ['Feed', 'JSON', 'Atom'];

describe('every word of a site comes from the core, in the site\'s language', () => {
  test('a site in each language of the table has no word of another language', async () => {
    const renderer = await createRenderer();
    const languages = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'it', 'ar'];
    // Each language's own words: its labels and its month names.
    const words = Object.fromEntries(languages.map((lang) => {
      const r = renderer.render('', { summaryOnly: true, defaultLang: lang });
      const months = Array.from({ length: 12 }, (_, m) => renderer.render(`---\ndate: 2026-${String(m + 1).padStart(2, '0')}-15\n---\n`,
        { summaryOnly: true, defaultLang: lang }).summary.date_label);
      const phrases = [...Object.values(r.labels), ...months].flatMap((p) => p.split(/\{[a-z]+\}|[\s:：、,.。·]+/u)).filter((p) => [...p].length >= 4);
      return [lang, new Set(phrases)];
    }));
    for (const lang of languages) {
      const input = issues({
        '1.md': issue(`issue: 1\ndate: 2026-01-15\ntags: [x1]`, '## 1\n\n![](p.png)\n'),
        '2.md': issue(`issue: 2\ndate: 2026-05-15\ntags: [x2]`, '::: recent\n:::\n\n## 2\n\n12345\n'),
      });
      const out = outFolder();
      await build(input, out, { lang, title: 'X' });
      const visible = ['index.html', '1/index.html', '2/index.html', '2/email.html', '2/email.txt', '1/email.txt']
        .map((f) => readFileSync(join(out, f), 'utf8').replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<[^>]*>/g, ' ')).join('\n')
        + Object.values(JSON.parse(readFileSync(join(out, 'issues.json'), 'utf8')).labels).join('\n');
      for (const other of languages) {
        if (other === lang) continue;
        for (const phrase of words[other]) {
          // The same word in both (Important, Notes…), or a name that is no language's (JSON Feed).
          if (words[lang].has(phrase) || PRODUCT_NAMES.includes(phrase)) continue;
          const word = new RegExp(`(?<![\\p{L}\\p{M}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'u');
          assert.ok(!word.test(visible), `${lang} site shows "${phrase}" (${other})`);
        }
      }
    }
  });
});
