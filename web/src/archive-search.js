// The search box's behaviour (archive page and <broadsheet-archive search>), loaded only when the box is
// first focused: it loads Pagefind's pagefind.js from the site's bundle (written by build-search.js), asks
// it as the reader types, and lists each issue found with its title, date, the section that matched (its
// link goes there) and an excerpt with the words marked. Keys: ArrowDown/ArrowUp move between the box and
// the results, Enter in the box goes to the first result, Escape goes back to the box, then clears it.
// No imports: the build copies this file into the site as it is (pagefind/broadsheet-search.js).

const MAX_RESULTS = 10;
const EXCERPT_WORDS = 24;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' };

/**
 * An excerpt as DOM nodes. Pagefind's excerpt is the page's text, escaped, with `<mark>` around the words
 * found; only that one element is kept and everything else becomes text, so no markup of the index can
 * reach the page.
 */
export function excerptNodes(document, excerpt) {
  const nodes = [];
  let mark = null;
  for (const piece of String(excerpt ?? '').split(/(<\/?mark>)/)) {
    if (piece === '<mark>') { mark = document.createElement('mark'); nodes.push(mark); continue; }
    if (piece === '</mark>') { mark = null; continue; }
    const text = piece.replace(/<[^>]*>/g, '').replace(/&(#?\w+);/g, (all, name) => ENTITIES[name] ?? all);
    if (!text) continue;
    if (mark) mark.append(text);
    else nodes.push(document.createTextNode(text));
  }
  return nodes;
}

/** The sub-result (a section, with its heading's anchor) where most of the words were found, if any. */
function bestSection(data) {
  let best = null;
  for (const sub of data.sub_results ?? []) {
    if (!sub.url?.includes('#')) continue;
    if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  }
  return best;
}

/** A date as the reader's language writes it (Pagefind keeps the ISO date of the page's share tags). */
function readableDate(iso, lang) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) return iso ?? '';
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

function resultItem(document, data, lang) {
  const section = bestSection(data);
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = section?.url ?? data.url;
  link.textContent = data.meta?.title || data.url;
  item.append(link);
  const byline = document.createElement('p');
  byline.className = 'bs-byline';
  if (data.meta?.date) {
    const time = document.createElement('time');
    time.dateTime = data.meta.date;
    time.textContent = readableDate(data.meta.date, lang);
    byline.append(time);
  }
  if (section?.title && section.title !== data.meta?.title) {
    const name = document.createElement('span');
    name.className = 'bs-search-section';
    name.textContent = section.title;
    byline.append(...(byline.childNodes.length ? [' \u00b7 '] : []), name);
  }
  if (byline.childNodes.length) item.append(byline);
  const excerpt = document.createElement('p');
  excerpt.className = 'bs-search-excerpt';
  excerpt.append(...excerptNodes(document, section?.excerpt ?? data.excerpt));
  item.append(excerpt);
  return item;
}

/**
 * Pagefind's module for `bundle`, with every language of the site searched, the page's own first; null
 * for a site with no issue yet (nothing to find).
 */
async function loadPagefind(bundle) {
  const [entry, pagefind] = await Promise.all([
    fetch(new URL('pagefind-entry.json', bundle)).then((response) => response.json()),
    import(/* webpackIgnore: true */ /* @vite-ignore */ new URL('pagefind.js', bundle).href),
  ]);
  const languages = Object.keys(entry.languages ?? {});
  if (languages.length === 0) return null;
  await pagefind.options({ excerptLength: EXCERPT_WORDS });
  await pagefind.init();
  // Pagefind searches the index of the page's <html lang> (else the biggest); a multilingual site's other
  // languages are merged in (the same bundle by its absolute URL, so Pagefind takes it for another index).
  const pageLang = (document.documentElement.lang || 'unknown').toLowerCase();
  const own = languages.includes(pageLang) ? pageLang : languages.includes(pageLang.split('-')[0]) ? pageLang.split('-')[0]
    : languages.slice().sort((a, b) => entry.languages[b].page_count - entry.languages[a].page_count)[0];
  await Promise.all(languages.filter((language) => language !== own).map((language) => pagefind.mergeIndex(bundle, { language })));
  return pagefind;
}

/**
 * Runs the search box `box` (searchBoxHtml's markup, archive.js): `data-bundle` is the Pagefind folder's
 * absolute URL, `data-results` / `data-no-results` the status words. `options.lang`: the language of the
 * dates shown (default: the page's).
 */
export async function startSearch(box, { lang = '' } = {}) {
  const document = box.ownerDocument;
  const input = box.querySelector('input');
  const status = box.querySelector('[role=status]');
  const list = box.querySelector('ol');
  const dateLang = lang || box.closest('[lang]')?.lang || document.documentElement.lang;
  const bundle = new URL(box.dataset.bundle, document.baseURI).href;
  let pagefind;
  try {
    pagefind = await loadPagefind(bundle);
  } catch (error) {
    status.textContent = error?.message ?? String(error); // the browser's or Pagefind's own words
    return;
  }
  let generation = 0;

  const show = async (query) => {
    const mine = ++generation;
    if (!query.trim()) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = '';
      return;
    }
    const found = pagefind ? await pagefind.search(query) : { results: [] };
    if (mine !== generation || !found) return;
    const seen = new Set();
    const datas = [];
    for (const result of found.results.slice(0, MAX_RESULTS)) {
      const data = await result.data();
      if (!seen.has(data.url)) datas.push(data);
      seen.add(data.url);
    }
    if (mine !== generation) return;
    list.replaceChildren(...datas.map((data) => resultItem(document, data, dateLang)));
    list.hidden = datas.length === 0;
    const count = new Set(found.results.map((r) => r.id)).size;
    status.textContent = count ? box.dataset.results.replace('{n}', String(count)) : box.dataset.noResults;
    box.dispatchEvent(new CustomEvent('broadsheet-search', { detail: { query, count }, bubbles: true, composed: true }));
  };

  input.addEventListener('input', () => show(input.value));
  box.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(event.target);
    if (event.key === 'ArrowDown' && links.length) {
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === 'Enter' && event.target === input && links.length) {
      links[0].click();
    } else if (event.key === 'Escape' && (at >= 0 || input.value)) {
      if (at < 0) {
        input.value = '';
        show('');
      }
      input.focus();
    } else {
      return;
    }
    event.preventDefault();
  });
  if (input.value) show(input.value);
}
