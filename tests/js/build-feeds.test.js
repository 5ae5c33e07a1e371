// The feeds of `broadsheet build`, read by independent parsers: feed.xml (RSS 2.0) and atom.xml with
// fast-xml-parser, feed.json validated by ajv against a JSON Feed 1.1 schema written here from the spec
// (https://www.jsonfeed.org/version/1.1/). Each item carries the whole issue with absolute links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DIST, EXAMPLES, loadBroadsheet } from '../helpers/repo.js';

await loadBroadsheet();
const { buildSite } = await import(pathToFileURL(join(DIST, 'build.js')).href);

const BASE = 'https://harbour.example/letter/';

/** JSON Feed 1.1, from the spec: required fields, types, URLs, RFC 3339 dates, `_` extensions only. */
const AUTHOR = {
  type: 'object',
  minProperties: 1, // "must include at least one" of name, url, avatar
  properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' }, avatar: { type: 'string', format: 'uri' } },
  patternProperties: { '^_': {} },
  additionalProperties: false,
};
const JSON_FEED_1_1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: AUTHOR },
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: { type: 'array', items: { type: 'object', required: ['type', 'url'], properties: { type: { type: 'string' }, url: { type: 'string', format: 'uri' } } } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          external_url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: { type: 'string', format: 'uri' },
          banner_image: { type: 'string', format: 'uri' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          authors: { type: 'array', items: AUTHOR },
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
          attachments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'mime_type'],
              properties: { url: { type: 'string', format: 'uri' }, mime_type: { type: 'string' }, title: { type: 'string' }, size_in_bytes: { type: 'number' }, duration_in_seconds: { type: 'number' } },
            },
          },
        },
        patternProperties: { '^_': {} },
        additionalProperties: false,
      },
    },
  },
  patternProperties: { '^_': {} },
  additionalProperties: false, // the 1.0 `author` is not 1.1
};

let dir;
let out;
const read = (name) => readFileSync(join(out, name), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'category'].includes(name) });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broadsheet-feeds-'));
  out = join(dir, 'site');
  const input = join(dir, 'issues');
  mkdirSync(input);
  for (const name of ['01-tide-tables', '02-night-crossing', '03-winter-timetable']) {
    writeFileSync(join(input, `${name}.md`), readFileSync(join(EXAMPLES, 'site', `${name}.md`), 'utf8'));
  }
  // An issue with a relative link and image, XML-hostile text, and no date (after the dated ones).
  writeFileSync(join(input, 'odd.md'), '---\ntitle: Ampersands & <angles> ]]> in a title\nissue: 0\npreheader: A & B\n---\n\nSee [the map](map/index.html) ![A chart](chart.png "Chart") and [top](#odd-section).\n\n## Odd section\n\nText.\n');
  const report = await buildSite({ input, out, baseUrl: BASE, feedItems: 3 });
  assert.deepEqual(report.errors, []);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('feed.xml is well-formed RSS 2.0 with the newest issues, each in full', () => {
  const xml = read('feed.xml');
  assert.equal(XMLValidator.validate(xml), true);
  const { rss } = parser.parse(xml);
  assert.equal(rss['@version'], '2.0');
  const channel = rss.channel;
  assert.equal(channel.title, 'The Harbour Letter');
  assert.equal(channel.link, BASE);
  assert.equal(channel.item.length, 3, 'feedItems: 3');
  assert.deepEqual(channel.item.map((i) => i.link), [`${BASE}03-winter-timetable/`, `${BASE}02-night-crossing/`, `${BASE}01-tide-tables/`]);
  const first = channel.item[0];
  assert.equal(first.title, 'Issue 3: What the winter timetable keeps');
  assert.equal(new Date(first.pubDate).toISOString().slice(0, 10), '2026-10-29');
  assert.match(first['content:encoded'], /^<article class="bs-issue"[\s\S]*<h2 class="bs-section-title">Where to wait<\/h2>[\s\S]*<\/article>$/);
  assert.ok(!first['content:encoded'].includes('bs-pager'), 'the pager is page furniture, not content');
});

test('atom.xml is well-formed Atom with the same entries', () => {
  const xml = read('atom.xml');
  assert.equal(XMLValidator.validate(xml), true);
  const { feed } = parser.parse(xml);
  assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
  assert.equal(feed.id, BASE);
  assert.ok(feed.updated.startsWith('2026-10-29'));
  assert.deepEqual(feed.entry.map((e) => e.id), [`${BASE}03-winter-timetable/`, `${BASE}02-night-crossing/`, `${BASE}01-tide-tables/`]);
  for (const entry of feed.entry) {
    assert.ok(entry.title && entry.updated && entry.content, JSON.stringify(entry).slice(0, 200));
  }
  assert.deepEqual(feed.entry[1].author.map?.((a) => a.name) ?? [feed.entry[1].author.name], ['Ines Varga']);
});

test('feed.json is valid JSON Feed 1.1', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON_FEED_1_1);
  const feed = JSON.parse(read('feed.json'));
  assert.ok(validate(feed), JSON.stringify(validate.errors, null, 1));
  assert.equal(feed.feed_url, `${BASE}feed.json`);
  assert.equal(feed.language, 'en');
  assert.deepEqual(feed.items[2].authors, [{ name: 'Ines Varga' }]);
  assert.deepEqual(feed.items[0].tags, ['ferries', 'timetables']);
  assert.equal(feed.items[0].date_published, '2026-10-29T12:00:00.000Z');
  // the schema itself rejects what 1.1 does not allow
  assert.equal(validate({ ...feed, version: 'https://jsonfeed.org/version/1' }), false);
  assert.equal(validate({ ...feed, items: [{ id: 'x', author: { name: 'A' }, content_html: '' }] }), false);
  assert.equal(validate({ ...feed, items: [{ id: 'x' }] }), false);
});

test('feeds escape awkward titles and make the issue\'s links absolute', async () => {
  const site = join(dir, 'all');
  await buildSite({ input: join(dir, 'issues'), out: site, baseUrl: BASE });
  const rss = readFileSync(join(site, 'feed.xml'), 'utf8');
  assert.equal(XMLValidator.validate(rss), true);
  const items = parser.parse(rss).rss.channel.item;
  const odd = items.find((i) => i.link === `${BASE}odd/`);
  assert.equal(odd.title, 'Issue 0: Ampersands & <angles> ]]> in a title');
  assert.ok(odd['content:encoded'].includes(`<a href="${BASE}odd/map/index.html">the map</a>`), odd['content:encoded']);
  assert.ok(odd['content:encoded'].includes(`src="${BASE}odd/chart.png"`));
  assert.ok(odd['content:encoded'].includes(`href="${BASE}odd/#odd-section"`));
  const atom = readFileSync(join(site, 'atom.xml'), 'utf8');
  assert.equal(XMLValidator.validate(atom), true);
  const title = parser.parse(atom).feed.entry.at(-1).title; // undated: last
  assert.equal(title['#text'] ?? title, 'Issue 0: Ampersands & <angles> ]]> in a title');
});

test('an undated issue is dated in the feeds by when its file last changed, not 1970', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-undated-'));
  try {
    const input = join(dir, 'issues');
    mkdirSync(input);
    writeFileSync(join(input, 'one.md'), '---\ntitle: An undated issue\nlang: en\n---\n\nHello.\n');
    const before = Date.now() - 2000;
    const report = await buildSite({ input, out: join(dir, 'site'), baseUrl: BASE, jobs: 1 });
    assert.deepEqual(report.errors, []);
    const item = JSON.parse(readFileSync(join(dir, 'site', 'feed.json'), 'utf8')).items[0];
    const published = Date.parse(item.date_published ?? item.date_modified);
    assert.ok(published >= before && published <= Date.now() + 1000, `${item.date_published} is when the file was written`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
