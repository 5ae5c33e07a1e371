// Pathological inputs render in time linear in their size. For each pattern (md4c's and cmark's
// pathological suites, deep nesting, 50k brackets and emphasis marks, unclosed directives, a 3000-column
// table, a 5 MB issue, long lines, many reference definitions), the time per byte at size 10N is compared
// with the time per byte at size N, each the median of several runs: a quadratic pattern gives a ratio
// near 10, a linear one near 1. Seconds are never asserted; the time per MB is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { exampleFiles, loadBroadsheet, readText } from '../helpers/repo.js';
import { FAMILIES } from '../helpers/families.js';
import { memories } from '../helpers/wasm-memory.js'; // a fresh instance's memory size after a render is its peak

const { createRenderer, BroadsheetError } = await loadBroadsheet();
const renderer = await createRenderer();
const MAX_RATIO = 3.5; // generous: noise on a shared machine, cache effects at the larger size
const ATTEMPTS = 3;    // a ratio over the limit is measured again before the test fails

const repeat = (s, n) => s.repeat(Math.max(1, Math.round(n)));
const fullIssue = readText(exampleFiles().find((f) => f.endsWith('full.md')));

// Each pattern: bytes -> Markdown of about that many bytes.
const PATTERNS = {
  'nested block quotes': (n) => `${repeat('> ', n / 2)}a\n`,
  'nested lists': (n) => { let s = ''; for (let i = 0; s.length < n; i++) s += `${' '.repeat((i % 200) * 2)}- a\n`; return s; },
  'nested ordered lists': (n) => `${repeat('1. ', n / 3)}a\n`,
  'opening brackets': (n) => `${repeat('[', n)}a\n`,
  'closing brackets': (n) => `a${repeat(']', n)}\n`,
  'nested brackets': (n) => `${repeat('[', n / 2)}a${repeat(']', n / 2)}\n`,
  'link openers without closers': (n) => `${repeat('[a', n / 2)}\n`,
  'link closers without openers': (n) => `${repeat('a]', n / 2)}\n`,
  'unclosed link destinations': (n) => `${repeat('[a](<b', n / 6)}\n`,
  'unclosed links': (n) => `${repeat('[a](b', n / 5)}\n`,
  'link openers and emphasis closers': (n) => `${repeat('[ a_', n / 4)}\n`,
  'emphasis marks': (n) => `${repeat('*', n / 2)}a${repeat('*', n / 2)}\n`,
  'emphasis openers without closers': (n) => `${repeat('_a ', n / 3)}\n`,
  'emphasis closers without openers': (n) => `${repeat('a_ ', n / 3)}\n`,
  'mismatched openers and closers': (n) => `${repeat('*a_ ', n / 4)}\n`,
  'openers and closers multiple of 3': (n) => `a**b${repeat('c* ', n / 3)}\n`,
  'nested strong and emphasis': (n) => `${repeat('*a **a ', n / 7)}b${repeat(' a** a*', n / 7)}\n`,
  'backticks': (n) => { let s = ''; for (let i = 1; s.length < n; i++) s += `e${'`'.repeat(i % 500)}`; return `${s}\n`; },
  'unclosed html comments': (n) => `</${repeat('<!--', n / 4)}\n`,
  'unclosed html tags': (n) => `${repeat('<a ', n / 3)}\n`,
  'entities': (n) => `${repeat('&#x', n / 3)}\n`,
  'unclosed directives': (n) => repeat('::: note\n', n / 9),
  'directive closers without openers': (n) => repeat(':::\n', n / 4),
  'wide table': (n) => { const cols = Math.round(n / 9); return `|${repeat(' a |', cols)}\n|${repeat(' - |', cols)}\n|${repeat(' b |', cols)}\n`; },
  'long table': (n) => `| a | b |\n| - | - |\n${repeat('| c | d |\n', n / 10)}`,
  'long line': (n) => `${repeat('word ', n / 5)}\n`,
  'many reference definitions': (n) => { let s = ''; for (let i = 0; s.length < n / 2; i++) s += `[ref${i}]: /u${i}\n`; let u = ''; for (let i = 0; u.length < n / 2; i++) u += `[ref${i}] `; return `${u}\n\n${s}`; },
  'reference collisions': (n) => `${repeat('[a] ', n / 8)}\n\n${repeat('[a]: /u\n', n / 16)}`,
  'headings with the same title': (n) => repeat('## Same\n\n', n / 9),
  'NUL bytes': (n) => repeat('a\0', n / 2),
  'raw html under the allowlist': (n) => repeat('<div><b>a</div></b></span>', n / 26),
  'a long issue': (n) => repeat(fullIssue.replace(/^---[\s\S]*?---\n/, ''), n / fullIssue.length),
};

function medianTime(markdown, options, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    try {
      renderer.render(markdown, options);
    } catch (error) {
      if (!(error instanceof BroadsheetError)) throw error; // refused over a budget: timed all the same
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

/** Time per byte at 10N over time per byte at N, and ms per MB at 10N. */
function measure(make, options, small) {
  const a = make(small);
  const b = make(small * 10);
  try {
    renderer.render(a, options); // warm up
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error; // refused over a limit (a paragraph's marks): timed the same
  }
  const perByteSmall = medianTime(a, options, 5) / a.length;
  const perByteLarge = medianTime(b, options, 3) / b.length;
  return { ratio: perByteLarge / perByteSmall, msPerMB: perByteLarge * 1024 * 1024, bytes: b.length };
}

const report = [];
for (const [name, make] of Object.entries(PATTERNS)) {
  test(`linear time: ${name}`, (t) => {
    const options = name.includes('allowlist') ? { allowHtml: true } : {};
    let result;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      result = measure(make, options, 200_000);
      if (result.ratio <= MAX_RATIO) break;
    }
    report.push({ name, ...result });
    t.diagnostic(`ratio ${result.ratio.toFixed(2)}, ${result.msPerMB.toFixed(1)} ms/MB at ${result.bytes} bytes`);
    assert.ok(result.ratio <= MAX_RATIO, `time per byte grew ${result.ratio.toFixed(1)}x from ${result.bytes / 10} to ${result.bytes} bytes`);
  });
}

test('a 5 MB issue renders, in every output', (t) => {
  const issue = repeat(fullIssue.replace(/^---[\s\S]*?---\n/, ''), (5 << 20) / fullIssue.length);
  for (const options of [{}, { format: 'json' }, { allowHtml: true }]) {
    const start = performance.now();
    const { output } = renderer.render(issue, options);
    const ms = performance.now() - start;
    t.diagnostic(`${JSON.stringify(options)}: ${(ms / (issue.length / (1 << 20))).toFixed(1)} ms/MB, ${output.length} chars out`);
    assert.ok(output.length > issue.length / 2);
  }
});

test('slowest pattern (report)', (t) => {
  const slowest = report.sort((x, y) => y.msPerMB - x.msPerMB)[0];
  if (slowest) t.diagnostic(`slowest: ${slowest.name}, ${slowest.msPerMB.toFixed(1)} ms/MB`);
});

// Issue 15: budgets that hold for every format. For each of the red team's families at 1 MB, in a fresh
// instance: peak wasm memory ≤ 8 × the input + 16 MiB, and either output ≤ 16 × the input + 1 MiB or a
// clear error (a BroadsheetError naming the limit), never an abort.
const MiB = 1 << 20;
const budgetReport = [];
for (const family of FAMILIES) {
  test(`budgets: ${family.name}`, async (t) => {
    const markdown = family.make(MiB);
    const inputBytes = Buffer.byteLength(markdown);
    const fresh = await createRenderer();
    let outputBytes = 0;
    let refused = null;
    try {
      outputBytes = Buffer.byteLength(fresh.render(markdown, family.options).output);
    } catch (error) {
      assert.ok(error instanceof BroadsheetError, `not a clear error: ${error}`);
      assert.match(error.message, /limit/);
      refused = error.message;
    }
    const peak = memories.at(-1).buffer.byteLength; // the core this render started
    fresh.dispose();
    const memoryShare = peak / (8 * inputBytes + 16 * MiB);
    budgetReport.push({ name: family.name, memory: memoryShare, output: outputBytes / inputBytes });
    t.diagnostic(`peak ${(peak / MiB).toFixed(1)} MiB (${(100 * memoryShare).toFixed(0)}% of 8 × input + 16 MiB), output ${(outputBytes / inputBytes).toFixed(2)}× input${refused ? `; refused: ${refused}` : ''}`);
    if (family.memoryGap) t.diagnostic(`memory not asserted (known gap: ${family.memoryGap})`);
    else assert.ok(peak <= 8 * inputBytes + 16 * MiB, `peak memory ${peak} over 8 × ${inputBytes} + 16 MiB`);
    assert.ok(outputBytes <= 16 * inputBytes + MiB, `output ${outputBytes} over 16 × ${inputBytes} + 1 MiB`);
  });
}

test('a table of short rows under a wide header renders with its padding trimmed (and a warning)', () => {
  const markdown = `|${' h |'.repeat(120)}\n|${' - |'.repeat(120)}\n${'x\n'.repeat(3000)}`;
  const result = renderer.render(markdown);
  assert.ok(result.warnings.some((w) => /empty cells that would fill them are left out/.test(w.message)));
  assert.equal(result.output.split('<td>x</td>').length - 1, 3000);
  assert.ok(result.output.length < 16 * markdown.length + MiB);
});

test('largest memory and output ratios (report)', (t) => {
  const memory = [...budgetReport].sort((a, b) => b.memory - a.memory)[0];
  const output = [...budgetReport].sort((a, b) => b.output - a.output)[0];
  if (memory) t.diagnostic(`largest memory: ${memory.name}, ${(100 * memory.memory).toFixed(0)}% of its budget; largest output: ${output.name}, ${output.output.toFixed(2)}× input`);
});
