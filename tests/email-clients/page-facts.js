// What a reader would notice of an email shown in a page (pageFacts runs inside Chromium by page.evaluate; not a
// test file): the page's width against the screen, the words and links a reader can see, whether each
// button still looks like one, and whether each image's alt text is readable with images blocked.
/**
 * The email with its images blocked, as many inboxes show it: an image without a source is broken at once
 * and shows its alt text (no request, nothing pending when the page is read).
 */
export const blockImages = (html) => html.replace(/(<img\b[^>]*?) src="[^"]*"/g, '$1');

/** `withText`: also the visible words and links (the same at every width, so read once per view). */
export function pageFacts(withText = true) {
  const visible = (el) => {
    const s = getComputedStyle(el);
    return el.getClientRects().length > 0 && s.visibility !== 'hidden' && Number(s.opacity) > 0;
  };
  // The colour behind an element: the first ancestor (or itself) with a background that is not transparent.
  const backdrop = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (c) => {
    const [r, g, b] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  const links = withText ? [...document.querySelectorAll('a[href]')].filter((a) => a.textContent.trim() && visible(a)) : [];
  const buttons = [...document.querySelectorAll('a.bs-button-link')].map((a) => {
    const cell = a.closest('td');
    const around = backdrop(cell.parentElement.closest('td') ?? document.body);
    const fill = backdrop(a);
    const border = [a, cell].some((e) => parseFloat(getComputedStyle(e).borderTopWidth) > 0);
    return {
      text: a.textContent.trim(),
      // A button is a shape: a fill that stands out from what is around it, or a border.
      looks: border || contrast(fill, around) >= 1.5,
      readable: contrast(getComputedStyle(a).color, fill) >= 4.5,  // WCAG AA for text of its size
    };
  });
  const images = [...document.querySelectorAll('img[alt]')].filter((img) => img.alt.trim()).map((img) => {
    const r = img.getBoundingClientRect();
    const s = getComputedStyle(img);
    return {
      alt: img.alt,
      // Blocked images show their alt text in their box: it needs room for a line and a readable colour.
      readable: r.width >= 40 && r.height >= 12 && parseFloat(s.fontSize) >= 11 &&
        contrast(s.color, backdrop(img)) >= 4.5,
      box: `${Math.round(r.width)}x${Math.round(r.height)}`,
    };
  });
  const preheader = document.querySelector('.bs-preheader');
  return {
    screen: window.innerWidth,
    // The preheader is for the inbox list: in the message it must take no room.
    preheaderHeight: preheader ? preheader.getBoundingClientRect().height : 0,
    scrollWidth: document.documentElement.scrollWidth,
    words: withText ? document.body.innerText.split(/\s+/).filter(Boolean) : [],
    links: links.map((a) => a.getAttribute('href')),
    buttons,
    images,
  };
}
