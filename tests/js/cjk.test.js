// CJK-friendly emphasis through the npm package, in every format: newsletter mode lets `*`, `_` and `~~`
// next to Chinese, Japanese and Korean text open and close (md4c patched with MD_FLAG_CJKFRIENDLY);
// English keeps the CommonMark rules and CommonMark mode stays strict.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadBroadsheet } from '../helpers/repo.js';

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

const render = (markdown, options = {}) => renderer.render(markdown, options).output;

/** [markdown, emphasised text, HTML element] for the sentences and our own in zh, ja and ko. */
const CASES = [
  ['**中文「引号」**测试。', '中文「引号」', 'strong'],
  ['这是**重要。**的内容', '重要。', 'strong'],
  ['日本語の**「強調」**です。', '「強調」', 'strong'],
  ['共享单车*（试点）*又回来了', '（试点）', 'em'],
  ['这是~~删除~~的', '删除', 'del'],
  ['これは**私のやりたかったこと。**だからするの。', '私のやりたかったこと。', 'strong'],
  ['**이 용어(This term)**를 강조해 주세요.', '이 용어(This term)', 'strong'],
  ['~~이 텍스트(괄호 포함)~~를 삭제합니다.', '이 텍스트(괄호 포함)', 'del'],
  ['「__重要__」', '重要', 'strong'],
];

/** JSON node types of the emphasis elements. */
const JSON_TYPE = { strong: 'strong', em: 'emphasis', del: 'strikethrough' };

function findNode(node, type) {
  if (node.type === type) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, type);
    if (found) return found;
  }
  return null;
}
const textOf = (node) => node.text ?? (node.children ?? []).map(textOf).join('');

describe('newsletter mode: CJK-friendly emphasis in every format', () => {
  for (const [markdown, inner, element] of CASES) {
    test(`${markdown} (html, standalone, email)`, () => {
      for (const options of [{}, { standalone: true }, { format: 'email' }]) {
        const html = render(markdown, options);
        const re = new RegExp(`<${element}[^>]*>${inner.replace(/[()]/g, '\\$&')}</${element}>`);
        assert.match(html, re, `${JSON.stringify(options)}: ${html}`);
        assert.ok(!html.includes(`**${inner}`), 'no asterisks left');
      }
    });
    test(`${markdown} (json, text)`, () => {
      const doc = JSON.parse(render(markdown, { format: 'json' }));
      const node = findNode(doc.document, JSON_TYPE[element]);
      assert.ok(node, `no ${JSON_TYPE[element]} node in ${JSON.stringify(doc.document)}`);
      assert.equal(textOf(node), inner);
      const text = render(markdown, { format: 'text' });
      if (element !== 'del') assert.ok(!text.includes('**') && !text.includes('*（'), `markers left: ${text}`);
      assert.ok(text.includes(inner));
    });
  }
});

describe('what does not change', () => {
  test('CommonMark mode stays strict', () => {
    for (const [markdown, inner] of CASES.slice(0, 3)) {
      const html = render(markdown, { commonmark: true });
      assert.ok(html.includes(`**${inner}**`), html);
      assert.ok(!html.includes('<strong>'), html);
    }
  });
  test('English keeps the CommonMark rules in newsletter mode', () => {
    const pairs = [
      ['snake_case_name and foo_bar_baz', '<p>snake_case_name and foo_bar_baz</p>'],
      ['an **unclosed bold', '<p>an **unclosed bold</p>'],
      ['**bold**text and foo*bar*', '<p><strong>bold</strong>text and foo<em>bar</em></p>'],
      ['a**"b"**c', '<p>a**&quot;b&quot;**c</p>'],
      ['**Emoji are not CJK: 😀.**next', '<p>**Emoji are not CJK: 😀.**next</p>'],
    ];
    for (const [markdown, expected] of pairs) {
      const fragment = render(markdown);
      assert.ok(fragment.includes(expected), `${markdown}\n${fragment}`);
      assert.ok(render(markdown, { commonmark: true }).includes(expected), 'same as CommonMark');
    }
  });
});
