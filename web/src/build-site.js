// The files of `broadsheet build` that list every issue: the archive page (index.html), the feeds
// (RSS 2.0, Atom, JSON Feed 1.1, made by the `feed` package, bundled into dist/feed.js so the package
// keeps no runtime dependency), sitemap.xml and issues.json (the index the elements read; its shape is
// documented in docs/publishing.md). Each function returns the file's text; build.js writes it. Every
// word comes from the core's locale (`site.labels`, in the site's language; each issue's own date and
// number labels, in its language), every fact about an issue from the core's summary (build.js's entry).
import { Feed } from './feed.js';
import { ARCHIVE_CSS, SEARCH_CSS, archiveListHtml, escapeHtml as esc, countLabel, searchBoxHtml } from './archive.js';
import { normalizeEntry } from './issue-index.js';
import { SEARCH_DIR, SEARCH_MODULE } from './build-search.js';

/** The index entry of an issue (newest first in issues.json); `entry` is build.js's. */
export function indexEntry(entry) {
  return {
    slug: entry.slug,
    url: entry.url,
    markdown: entry.markdownUrl,
    email: entry.emailUrl,
    text: entry.textUrl,
    title: entry.title,
    label: entry.label,
    ...(entry.subtitle && { subtitle: entry.subtitle }),
    ...(entry.number && { issue: /^\d+$/.test(entry.number) ? Number(entry.number) : entry.number, issue_label: entry.numberLabel }),
    ...(entry.date && { date: entry.date, date_label: entry.dateLabel }),
    ...(entry.preheader && { preheader: entry.preheader }),
    tags: entry.tags,
    authors: entry.authors,
    ...(entry.hero && { hero: entry.hero }),
    ...(entry.lang && { lang: entry.lang }),
  };
}

/** issues.json: { version: 1, title, description, language, labels, home_page_url, feeds, issues: [...] }. */
export function issuesJson(entries, site) {
  return JSON.stringify({
    version: 1,
    title: site.title,
    description: site.description,
    language: site.lang,
    labels: site.labels,
    home_page_url: site.baseUrl,
    feeds: { rss: site.feeds.rss, atom: site.feeds.atom, json: site.feeds.json },
    issues: entries.map(indexEntry),
  }, null, 1) + '\n';
}

/** The archive page: the same list markup as <broadsheet-archive>, in a page with the default theme. */
export function archivePage(entries, site) {
  const feeds = `<link rel="alternate" type="application/rss+xml" title="${esc(site.title)} (RSS)" href="${esc(site.feeds.rss)}">
<link rel="alternate" type="application/atom+xml" title="${esc(site.title)} (Atom)" href="${esc(site.feeds.atom)}">
<link rel="alternate" type="application/feed+json" title="${esc(site.title)} (JSON Feed)" href="${esc(site.feeds.json)}">`;
  const count = esc(countLabel(site.labels, entries.length));
  return `<!doctype html>
<html lang="${esc(site.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(site.title)}</title>
<meta name="description" content="${esc(site.description)}">
<link rel="canonical" href="${esc(site.baseUrl)}">
${feeds}
<meta property="og:type" content="website">
<meta property="og:title" content="${esc(site.title)}">
<meta property="og:description" content="${esc(site.description)}">
<meta property="og:url" content="${esc(site.baseUrl)}">
<meta name="twitter:card" content="summary">
<meta name="generator" content="Broadsheet">
<style>
${site.themeCss}
${ARCHIVE_CSS}
${site.search ? SEARCH_CSS : ''}
</style>
</head>
<body>
<main class="bs-issue bs-archive">
<header class="bs-header">
<h1 class="bs-title">${esc(site.title)}</h1>
${site.description ? `<p class="bs-subtitle">${esc(site.description)}</p>` : ''}
<p class="bs-archive-links">${count} · <a href="${esc(site.feeds.rss)}">RSS</a> · <a href="${esc(site.feeds.atom)}">Atom</a> · <a href="${esc(site.feeds.json)}">JSON Feed</a></p>
</header>
${site.search ? searchBox(site) : ''}${archiveListHtml(entries.map((e) => normalizeEntry(indexEntry(e), site.baseUrl)), { level: 2, labels: site.labels }).replace(/ part="[^"]*"/g, '')}
</main>
</body>
</html>
`;
}

// The archive page's search box, hidden until its script runs (without JavaScript the list of
// every issue is the archive), which loads the search module from the bundle on the box's first focus.
const searchBox = (site) => `${searchBoxHtml({ id: 'bs-search', bundle: `${site.baseUrl}${SEARCH_DIR}/`, labels: site.labels, hidden: true }).replace(/ part="[^"]*"/g, '')}
<script type="module">const b=document.querySelector('.bs-search');b.hidden=false;b.querySelector('input').addEventListener('focus',()=>import(b.dataset.bundle+'${SEARCH_MODULE}').then((m)=>m.startSearch(b),(e)=>{b.querySelector('[role=status]').textContent=e.message;}),{once:true});</script>
`;

/**
 * A date for the feeds: the issue's date at noon UTC (so no time zone moves it to another day); an undated
 * issue's file was last changed when it was last written, which is what a feed reader should show; else `fallback`.
 */
const feedDate = (entry, fallback) => (entry.date ? new Date(`${entry.date}T12:00:00Z`)
  : entry.record?.modified ? new Date(Math.floor(entry.record.modified / 1000) * 1000) : fallback);

// What XML 1.0 allows in a document: a vertical tab pasted from a word processor, U+0001 or U+FFFE in a
// title would make the feed unreadable for strict parsers (libxml2), so they are removed from every text.
const NOT_XML = /[^\t\n\r\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;
const xmlText = (text) => String(text ?? '').replace(NOT_XML, '');

/**
 * The `feed` package leaves `<` unescaped in Atom's category labels (attributes). Quotes inside them are
 * escaped as &quot;, so each label is exactly the text between its quotes.
 */
const escapeAtomCategories = (atom) =>
  atom.replace(/<category label="([^"]*)"/g, (all, label) => `<category label="${label.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);

/**
 * The three feeds over the newest `site.feedItems` issues, each item with the full issue (`content`
 * maps a slug to its article HTML, links made absolute). Returns { rss, atom, json }.
 */
export function feeds(entries, content, site) {
  const items = entries.slice(0, site.feedItems);
  const fallback = site.fallbackDate;
  const feed = new Feed({
    id: site.baseUrl,
    title: xmlText(site.title),
    description: xmlText(site.description),
    link: site.baseUrl,
    language: site.lang,
    updated: items.length ? feedDate(items[0], fallback) : fallback,
    generator: 'Broadsheet',
    feedLinks: { rss: site.feeds.rss, atom: site.feeds.atom, json: site.feeds.json },
    copyright: xmlText(site.copyright),
  });
  for (const entry of items) {
    const date = feedDate(entry, fallback);
    feed.addItem({
      title: xmlText(entry.label),
      id: entry.url,
      link: entry.url,
      date,
      published: date,
      ...(entry.preheader && { description: xmlText(entry.preheader) }),
      content: xmlText(content.get(entry.slug) ?? ''),
      ...(entry.authors.length && { author: entry.authors.map((name) => ({ name: xmlText(name) })) }),
      category: entry.tags.map((name) => ({ name: xmlText(name) })),
    });
  }
  return { rss: feed.rss2(), atom: escapeAtomCategories(feed.atom1()), json: jsonFeed11(feed.json1(), entries, site) };
}

/**
 * The `feed` package writes JSON Feed 1.0; 1.1 renames `author` to `authors` (a list) and adds
 * `language`. This upgrades its output rather than writing the feed by hand.
 */
function jsonFeed11(json10, entries, site) {
  const feed = JSON.parse(json10);
  const byUrl = new Map(entries.map((e) => [e.url, e]));
  feed.version = 'https://jsonfeed.org/version/1.1';
  feed.language = site.lang;
  for (const item of feed.items) {
    delete item.author;
    const authors = byUrl.get(item.url)?.authors ?? [];
    if (authors.length) item.authors = authors.map((name) => ({ name }));
    if (item.tags?.length === 0) delete item.tags;
  }
  return JSON.stringify(feed, null, 1) + '\n';
}

const xml = (s) => xmlText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]);

/** sitemap.xml: the archive and every issue page, with the issue's date as lastmod. */
export function sitemap(entries, site) {
  const urls = [`<url><loc>${xml(site.baseUrl)}</loc>${entries[0]?.date ? `<lastmod>${entries[0].date}</lastmod>` : ''}</url>`,
    ...entries.map((e) => `<url><loc>${xml(e.url)}</loc>${e.date ? `<lastmod>${e.date}</lastmod>` : ''}</url>`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
