// The issues the embed benchmark and the widget's browser tests load: the README-sized real issue
// (examples/full.md), and a big one (about 100 KB: the generated archive issue plus a 120-column
// table), the size at which the widget must keep the page responsive.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateIssue } from '../generate-issue.mjs';

export const FULL_ISSUE = readFileSync(fileURLToPath(new URL('../../examples/full.md', import.meta.url)), 'utf8');

/** A table of `columns` columns and `rows` rows, in a section of its own. */
function wideTable(columns, rows) {
  const cell = (r, c) => (c === 0 ? `Row ${r + 1}` : `${((r * 37 + c * 11) % 997) / 10}`);
  const lines = [
    `| ${Array.from({ length: columns }, (_, c) => (c === 0 ? 'Region' : `Q${c}`)).join(' | ')} |`,
    `|${' --- |'.repeat(columns)}`,
    ...Array.from({ length: rows }, (_, r) => `| ${Array.from({ length: columns }, (_, c) => cell(r, c)).join(' | ')} |`),
  ];
  return `## The numbers\n\nEvery region, every quarter.\n\n${lines.join('\n')}\n\n`;
}

/** About 100 KB of issue: a 120-column table (about 30 KB) after the generated sections. */
export function bigIssue(bytes = 100 * 1024) {
  const table = wideTable(120, 40);
  return generateIssue(bytes - table.length) + '\n' + table;
}
