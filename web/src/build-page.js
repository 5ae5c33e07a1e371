// The publication's additions to an issue's standalone page, in one place: the head tags (feeds,
// previous/next, Open Graph, Twitter card, schema.org JSON-LD) and the pager at the end of the article.
// The page itself is the core's `standalone: true` output; it is changed only by insertPageParts.
import { escapeHtml as esc } from './archive.js';

/** A URL resolved against the page's own (a hero given as a relative path), or '' when unusable. */
export function absoluteUrl(value, base) {
  if (!value) return '';
  try {
    return new URL(String(value), base).href;
  } catch {
    return '';
  }
}

// The pager's styles: every colour from the theme's custom properties, so it follows light and dark.
const PAGER_CSS = 'body:has(>main>.bs-issue){margin:0}body>main>.bs-issue{min-height:100vh}' +
  '.bs-pager{border-top:3px solid var(--bs-fg);margin-top:2.5rem;padding-top:.75rem;font:.95rem/1.45 var(--bs-font-heading)}' +
  '.bs-pager ul{list-style:none;padding:0;margin:0;display:grid;gap:.75rem}' +
  '@media (min-width:40rem){.bs-pager ul{grid-template-columns:1fr 1fr}}' +
  '.bs-pager .bs-pager-label{display:block;font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--bs-muted)}' +
  '.bs-pager .bs-pager-next{text-align:end}' +
  '.bs-pager .bs-pager-site{grid-column:1/-1;color:var(--bs-muted)}';

/**
 * What Pagefind records of a page besides its words (build-search.js), read from the head's share tags:
 * the title and date a search result shows, the tags as a filter. The words it indexes are those of
 * `<main data-pagefind-body>` (insertPageParts) less the pager; sub-results link to the core's heading ids.
 */
const SEARCH_MARKS = {
  title: ' data-pagefind-meta="title[content]"',
  date: ' data-pagefind-meta="date[content]"',
  tag: ' data-pagefind-filter="tag[content]"',
};

/**
 * The `<head>` additions for one issue. `issue`: { url, summary, prev, next }, `summary` being the core's
 * (RenderResult.summary: every field already normalised and checked); `site`: see build.js.
 */
export function headTags({ url, summary, prev, next }, site) {
  const { title, preheader: description, hero, date, tags, authors, lang } = summary;
  const image = hero ? absoluteUrl(hero.src, url) : '';
  const siteName = summary.publication || site.title;

  const out = [];
  const metaTag = (attr, key, content, search = '') => { if (content) out.push(`<meta ${attr}="${key}"${search} content="${esc(content)}">`); };
  out.push(`<link rel="alternate" type="application/rss+xml" title="${esc(site.title)} (RSS)" href="${esc(site.feeds.rss)}">`);
  out.push(`<link rel="alternate" type="application/atom+xml" title="${esc(site.title)} (Atom)" href="${esc(site.feeds.atom)}">`);
  out.push(`<link rel="alternate" type="application/feed+json" title="${esc(site.title)} (JSON Feed)" href="${esc(site.feeds.json)}">`);
  if (prev) out.push(`<link rel="prev" href="${esc(prev.url)}">`);
  if (next) out.push(`<link rel="next" href="${esc(next.url)}">`);
  metaTag('property', 'og:type', 'article');
  metaTag('property', 'og:site_name', siteName);
  metaTag('property', 'og:title', title, SEARCH_MARKS.title);
  metaTag('property', 'og:description', description);
  metaTag('property', 'og:url', url);
  if (lang) metaTag('property', 'og:locale', lang.replace('-', '_'));
  metaTag('property', 'og:image', image);
  if (image) {
    metaTag('property', 'og:image:alt', hero.alt);
    if (hero.width && hero.height) {
      metaTag('property', 'og:image:width', String(hero.width));
      metaTag('property', 'og:image:height', String(hero.height));
    }
  }
  metaTag('property', 'article:published_time', date, SEARCH_MARKS.date);
  for (const tag of tags) metaTag('property', 'article:tag', tag, SEARCH_MARKS.tag);
  metaTag('name', 'twitter:card', image ? 'summary_large_image' : 'summary');
  metaTag('name', 'twitter:title', title);
  metaTag('name', 'twitter:description', description);
  metaTag('name', 'twitter:image', image);
  if (image) metaTag('name', 'twitter:image:alt', hero.alt);

  const article = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: title,
    ...(description && { description }),
    url,
    mainEntityOfPage: url,
    ...(date && { datePublished: date }),
    ...(image && { image: [image] }),
    ...(authors.length && { author: authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(tags.length && { keywords: tags.join(', ') }),
    ...(lang && { inLanguage: lang }),
    ...(summary.number && { position: summary.number }),
    publisher: { '@type': 'Organization', name: siteName, url: site.baseUrl },
    isPartOf: { '@type': 'Periodical', name: site.title, url: site.baseUrl },
  };
  // JSON with every `<` escaped, so no value can close the script element.
  out.push(`<script type="application/ld+json">${JSON.stringify(article).replace(/</g, '\\u003c')}</script>`);
  out.push(`<style>${PAGER_CSS}</style>`);
  return out.join('\n');
}

/**
 * The pager closing the article: the previous (older) and next (newer) issues, the archive and the feed.
 * `labels` are the render's (`RenderResult.labels`): the language, after the `labels` option; a
 * neighbour is named as the core names it in a list (`label`: "Issue 2: Title").
 */
export function pagerHtml({ prev, next }, site, labels) {
  const word = (key) => esc(labels[key]);
  const item = (cls, label, entry, rel) =>
    `<li class="${cls}"><a href="${esc(entry.url)}" rel="${rel}"><span class="bs-pager-label">${label}</span> ${esc(entry.label)}</a></li>`;
  return `<nav class="bs-pager" data-pagefind-ignore aria-label="${word('more_issues')}"><ul>` +
    (prev ? item('bs-pager-prev', word('previous_issue'), prev, 'prev') : '') +
    (next ? item('bs-pager-next', word('next_issue'), next, 'next') : '') +
    `<li class="bs-pager-site"><a href="${esc(site.baseUrl)}">${word('all_issues')}</a> · ` +
    `<a href="${esc(site.feeds.rss)}">${word('rss_feed')}</a></li>` +
    '</ul></nav>\n';
}

/**
 * Inserts the head tags before the page's `</head>`, the pager before the closing `</article>`
 * (the last one before `</body>`), and wraps the body's article in `<main>` (the page's landmark). The
 * core escapes every value it writes, so these markers cannot appear earlier inside an attribute or
 * text; a page without them is refused.
 */
export function insertPageParts(page, head, pager) {
  const headEnd = page.indexOf('</head>');
  const bodyStart = page.indexOf('<body>', headEnd);
  const bodyEnd = page.lastIndexOf('</body>');
  const articleEnd = page.lastIndexOf('</article>', bodyEnd);
  if (headEnd < 0 || bodyStart < 0 || bodyEnd < bodyStart || articleEnd < bodyStart) {
    throw new Error('the core\u2019s standalone page has no </head>, <body> or closing </article>');
  }
  const afterBody = bodyStart + '<body>'.length;
  return page.slice(0, headEnd) + head + '\n' + page.slice(headEnd, afterBody) + '\n<main data-pagefind-body>' +
    page.slice(afterBody, articleEnd) + pager + '</article>\n</main>' + page.slice(articleEnd + '</article>'.length);
}

/** The article alone, from a page built here (the pager left out): the feed's full content. */
export function articleOf(page) {
  const start = page.indexOf('<article');
  const end = page.lastIndexOf('</article>');
  if (start < 0 || end < start) return '';
  return page.slice(start, end + '</article>'.length).replace(/<nav class="bs-pager"[\s\S]*?<\/nav>\n?/, '');
}

/**
 * Makes every relative `href` and `src` of core-written HTML absolute against `base` (feed readers
 * and mail clients have no page to resolve them against). Values are as the core escaped them.
 */
export function absolutizeHtml(html, base) {
  return html.replace(/(\s(?:href|src))="([^"]*)"/g, (all, attr, value) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return all;
    const raw = value.replace(/&(amp|lt|gt|quot|#39);/g, (e, n) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[n]);
    const url = absoluteUrl(raw, base);
    return url ? `${attr}="${esc(url)}"` : all;
  });
}
