// Labels, dates and direction in the issue's language (issue 16 point 3), through the npm API and both
// CLIs: every word Broadsheet writes comes from the locale table of the front matter's `lang`, the
// `labels` option overrides any of them, rtl languages get dir="rtl", a block in the other direction gets
// dir="auto", and whole pages always say their language. (The golden files of tests/fixtures/i18n/ hold
// every format for ten languages; this file checks the facts behind them. The element's footnote links
// in a Japanese issue, in Chromium: tests/browser/element-footnotes-ja.test.js.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, loadBroadsheet, readText, runCli, runNative } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();
const fixture = (lang) => readText(join(FIXTURES, 'i18n', `${lang}.md`));

/** lang → words that must appear in each format (the byline's issue and date, and a label). */
const EXPECTED = {
  'zh-Hans': { issue: '第17期', date: '2021年3月4日', authors: '王伟、李娜和张敏', toc: '本期内容' },
  'zh-Hant': { date: '2021年3月4日' },
  ja: { date: '2021年3月4日' },
  ko: { date: '2021년 3월 4일' },
  fr: { date: '1er mars 2021', authors: 'Marie Dupont, Jean Martin et Claire Petit' },
  de: { date: '4. März 2021' },
  es: { date: '4 de marzo de 2021', authors: 'Ana García e Ignacio López' },
  'pt-BR': { date: '4 de março de 2021' },
  it: { date: '1º marzo 2021', authors: 'Giulia Rossi e Marco Bianchi' },
  ar: { date: '٤ مارس ٢٠٢١' },
};

describe('labels and dates follow the front matter lang', () => {
  for (const [lang, words] of Object.entries(EXPECTED)) {
    test(`${lang}: the date in html, email, text and standalone`, () => {
      const md = fixture(lang);
      for (const options of [{ format: 'html' }, { format: 'email' }, { format: 'text' }, { standalone: true }]) {
        const { output } = renderer.render(md, options);
        assert.ok(output.includes(words.date), `${lang} ${JSON.stringify(options)}: no ${words.date}`);
        assert.ok(!output.includes('March'), `${lang} ${JSON.stringify(options)}: an English month is left`);
        if (words.authors) assert.ok(output.includes(words.authors), `${lang}: authors joined as ${words.authors}`);
        if (options.format === 'email' || options.format === 'text') {
          assert.ok(!/Unsubscribe|Read it on the web|View this issue/.test(output), `${lang} ${options.format}: English label`);
        }
      }
    });
  }

  test('Simplified Chinese: issue number, email contents and sponsor label', () => {
    const md = fixture('zh-Hans');
    const email = renderer.render(md, { format: 'email' }).output;
    assert.ok(email.includes('第17期'));
    assert.ok(email.includes('本期内容'), 'the email table of contents is titled in Chinese');
    assert.ok(email.includes('退订'), 'the unsubscribe link is in Chinese');
    const html = renderer.render(md).output;
    assert.ok(!html.includes('>Sponsored<'), 'the sponsor label is not English');
    assert.ok(!html.includes('aria-label="Task"'), 'task checkboxes are named in Chinese');
    const result = renderer.render(md);
    assert.equal(result.labels.in_this_issue, '本期内容', 'the widget reads the TOC label from the result');
  });

  test('callout titles are translated; a written title still wins', () => {
    const de = renderer.render(fixture('de')).output;
    assert.ok(de.includes('Warnung'), de);
    const own = renderer.render('---\nlang: de\n---\n\n::: warning Achtung Baustelle\nText.\n:::\n').output;
    assert.ok(own.includes('Achtung Baustelle') && !own.includes('Warnung'));
  });

  test('pt-BR falls back to the pt table; an unknown language to English', () => {
    assert.ok(renderer.render(fixture('pt-BR'), { format: 'text' }).output.includes('março'));
    const tlh = renderer.render('---\nlang: tlh\ndate: 2021-03-04\n---\n\nText.\n', { format: 'text' }).output;
    assert.ok(tlh.includes('4 March 2021'));
  });
});

describe('direction and <html lang>', () => {
  test('Arabic: dir="rtl" on the article and the page; an English paragraph gets dir="auto"', () => {
    const md = fixture('ar');
    const html = renderer.render(md).output;
    assert.match(html, /<article class="bs-issue" lang="ar" dir="rtl">/);
    assert.ok(html.includes('<p dir="auto">The new line opens next year.</p>'), html);
    assert.ok(html.includes('<p>يفتتح الخط الجديد العام المقبل.</p>'), 'Arabic paragraphs need no dir');
    assert.match(renderer.render(md, { standalone: true }).output, /<html lang="ar" dir="rtl">/);
    const email = renderer.render(md, { format: 'email' }).output;
    assert.match(email, /<html lang="ar" dir="rtl"[ >]/);
    assert.match(email, /<p dir="auto" style="[^"]*">The new line opens next year\.<\/p>/);
  });

  test('an Arabic paragraph in a French issue gets dir="auto"', () => {
    const html = renderer.render(fixture('fr')).output;
    assert.ok(html.includes('<p dir="auto">مرحبا بكم في الخط الجديد.</p>'));
    assert.ok(html.includes('<p>La nouvelle ligne ouvre l’an prochain.</p>') || html.includes("<p>La nouvelle ligne ouvre l'an prochain.</p>"));
  });

  test('dir from the front matter wins', () => {
    const html = renderer.render('---\nlang: ar\ndir: ltr\n---\n\nنص.\n').output;
    assert.match(html, /<article class="bs-issue" lang="ar" dir="ltr">/);
    assert.ok(!/<article[^>]*dir="rtl"/.test(html));
  });

  test('whole pages always carry lang: "en" when nothing says otherwise, with a lint hint', () => {
    const md = '---\ntitle: Weekly\n---\n\nHello.\n';
    const page = renderer.render(md, { standalone: true });
    assert.match(page.output, /<html lang="en">/);
    assert.match(renderer.render(md, { format: 'email' }).output, /<html lang="en"[ >]/);
    assert.ok(!/<article[^>]*lang=/.test(renderer.render(md).output), 'a fragment says only what the writer said');
    const hint = page.warnings.find((w) => w.rule === 'lang');
    assert.ok(hint && hint.hint && hint.line === 1, JSON.stringify(page.warnings));
    const withLang = renderer.render('---\ntitle: Weekly\nlang: en\n---\n\nHello.\n', { standalone: true });
    assert.ok(!withLang.warnings.some((w) => w.rule === 'lang'));
  });
});

describe('the labels option', () => {
  const md = '---\ntitle: Weekly\nlang: en\nissue: 3\ncanonical_url: https://example.com/3\n---\n\n::: sponsor\nAd.\n:::\n';

  test('overrides any label in every format', () => {
    const labels = { sponsored: 'Partner', issue_number: 'No. {n}', unsubscribe: 'Leave' };
    const html = renderer.render(md, { labels }).output;
    assert.ok(html.includes('Partner') && html.includes('No. 3') && !html.includes('Sponsored'));
    const email = renderer.render(md, { format: 'email', labels }).output;
    assert.ok(email.includes('>Leave</a>') && email.includes('No. 3'));
    const text = renderer.render(md, { format: 'text', labels }).output;
    assert.ok(text.includes('Leave: ') && text.includes('Partner'));
    // Back to the defaults when the option is dropped (the core keeps the last labels it was sent).
    assert.ok(renderer.render(md).output.includes('Sponsored'));
  });

  test('overrides the language table too', () => {
    const html = renderer.render('---\nlang: fr\n---\n\n::: sponsor\nPub.\n:::\n', { labels: { sponsored: 'Partenaire' } }).output;
    assert.ok(html.includes('Partenaire'));
  });

  test('an unknown key is a warning that names the nearest key', () => {
    const result = renderer.render(md, { labels: { sponsord: 'Partner' } });
    assert.ok(result.warnings.some((w) => /unknown label "sponsord".*sponsored/.test(w.message)), JSON.stringify(result.warnings));
    assert.ok(result.output.includes('Sponsored'));
  });

  test('a value that is not a string is a TypeError', () => {
    assert.throws(() => renderer.render(md, { labels: { sponsored: 3 } }), TypeError);
    assert.throws(() => renderer.render(md, { labels: 'sponsored' }), TypeError);
  });

  test('--labels FILE.json in both CLIs gives the same output and warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bs-labels-'));
    const issue = join(dir, 'issue.md');
    const labels = join(dir, 'labels.json');
    writeFileSync(issue, md);
    writeFileSync(labels, JSON.stringify({ sponsored: 'Partner', in_this_isue: 'Inside' }));
    for (const format of ['html', 'email', 'text']) {
      const args = ['render', issue, '--format', format, '--labels', labels];
      const native = runNative(args);
      const npm = runCli(args);
      assert.equal(native.status, 0, native.stderr);
      assert.equal(npm.status, 0, npm.stderr);
      assert.equal(native.stdout.toString('utf8'), npm.stdout.toString('utf8'));
      assert.ok(native.stdout.toString('utf8').includes('Partner'));
      assert.equal(native.stderr, npm.stderr);
      assert.match(native.stderr, /unknown label "in_this_isue"/);
    }
    writeFileSync(labels, '["not an object"]');
    assert.equal(runNative(['render', issue, '--labels', labels]).status, 1);
    assert.equal(runCli(['render', issue, '--labels', labels]).status, 1);
  });
});

test('an rtl email starts its lists, quotes and note bars on the right; ltr and dir: ltr on the left', () => {
  const md = fixture('ar-blocks');
  const styles = (output) => ({
    quote: output.match(/<blockquote[^>]*style="([^"]*)"/)[1],
    list: output.match(/<ul[^>]*style="([^"]*)"/)[1],
    note: output.match(/<table[^>]*class="bs-callout-note"[^>]*style="([^"]*)"/)[1],
  });
  const rtl = styles(renderer.render(md, { format: 'email' }).output);
  assert.match(rtl.quote, /padding:0 16px 0 0;border-right:3px/);
  assert.match(rtl.list, /padding:0 24px 0 0/);
  assert.match(rtl.note, /border-right:4px/);
  for (const md2 of [md.replace('lang: ar', 'lang: en'), md.replace('lang: ar', 'lang: ar\ndir: ltr')]) {
    const ltr = styles(renderer.render(md2, { format: 'email' }).output);
    assert.match(ltr.quote, /padding:0 0 0 16px;border-left:3px/);
    assert.match(ltr.list, /padding:0 0 0 24px/);
    assert.match(ltr.note, /border-left:4px/);
  }
});
