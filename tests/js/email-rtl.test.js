// An rtl issue's email starts every indent and bar on the right: lists (the body's, the table of contents,
// the notes), quotes and note edges; an ltr issue keeps them on the left. Read from the email's inline
// styles with parse5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'parse5';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

const issue = (lang) => `---
title: ${lang === 'ar' ? 'نشرة الميناء' : 'Harbour letter'}
lang: ${lang}
---

${lang === 'ar' ? 'مقدمة قصيرة' : 'A short intro'}[^1].

## ${lang === 'ar' ? 'الأخبار' : 'News'}

> ${lang === 'ar' ? 'قال المدير' : 'The director said'}

- ${lang === 'ar' ? 'جدول جديد' : 'A new timetable'}

::: note
${lang === 'ar' ? 'تُغلق البوابة' : 'The gate closes'}
:::

## ${lang === 'ar' ? 'الرصيف' : 'Quay'}

${lang === 'ar' ? 'نص' : 'Text'}

## ${lang === 'ar' ? 'العبّارة' : 'Ferry'}

${lang === 'ar' ? 'نص' : 'Text'}

[^1]: ${lang === 'ar' ? 'ملاحظة' : 'A note'}
`;

/** The inline style of every element matching `keep`, in document order. */
function styles(html, keep) {
  const out = [];
  const walk = (node) => {
    if (node.tagName && keep(node)) out.push(node.attrs.find((a) => a.name === 'style')?.value ?? '');
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parse(html));
  return out;
}

for (const [lang, side, other] of [['ar', 'right', 'left'], ['en', 'left', 'right']]) {
  test(`${lang}: lists, quotes and note edges start on the ${side}`, () => {
    const email = renderer.render(issue(lang), { format: 'email' }).output;
    // The body's list, the table of contents (three sections) and the notes.
    const lists = styles(email, (n) => n.tagName === 'ul' || n.tagName === 'ol');
    assert.equal(lists.length, 3, lists.join('\n'));
    const indent = side === 'right' ? /padding:0 \d+px 0 0;/ : /padding:0 0 0 \d+px;/;
    for (const style of lists) assert.match(style, indent);
    const [quote] = styles(email, (n) => n.tagName === 'blockquote');
    assert.match(quote, new RegExp(`border-${side}:3px solid`));
    assert.doesNotMatch(quote, new RegExp(`border-${other}`));
    const note = styles(email, (n) => n.tagName === 'table' && n.attrs.some((a) => a.name === 'class' && a.value === 'bs-callout-note'));
    assert.match(note[0], new RegExp(`border-${side}:4px solid`));
  });
}
