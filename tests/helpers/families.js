// The input families of issue 15 (not a test file): each makes Markdown of about `bytes` bytes. Shared by
// the linear-time and budget tests, and by fuzz/make-seeds.mjs for the fuzzers' seeds.
export const SIZES = [128 << 10, 256 << 10, 512 << 10, 1 << 20];

const repeat = (s, bytes) => s.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(s))));
const tableHeader = (columns) => `|${' h |'.repeat(columns)}\n|${' - |'.repeat(columns)}\n`;

function reverseKeys(bytes) {
  const count = Math.floor(bytes / 13);
  let yaml = '---\n';
  for (let k = count; k > 0; k--) yaml += `k${String(k).padStart(6, '0')}: 1\n`;
  return `${yaml}---\n\nText\n`;
}

function aliasBomb() {
  let yaml = '---\nl0: &l0 [x,x,x,x,x,x,x,x,x,x]\n';
  for (let level = 1; level <= 6; level++) yaml += `l${level}: &l${level} [${Array(10).fill(`*l${level - 1}`).join(',')}]\n`;
  return `${yaml}---\n\nBody\n`;
}

/** name, make(bytes) -> Markdown, options for render(). */
export const FAMILIES = [
  { name: 'one-letter lines (a\\n), html', make: (n) => repeat('a\n', n), options: {} },
  { name: 'one-letter lines (a\\n), json', make: (n) => repeat('a\n', n), options: { format: 'json' } },
  { name: 'one-letter lines (a\\n), text', make: (n) => repeat('a\n', n), options: { format: 'text' } },
  { name: 'one-letter lines (a\\n), email', make: (n) => repeat('a\n', n), options: { format: 'email' } },
  { name: 'sections (## a\\n), json', make: (n) => repeat('## a\n', n), options: { format: 'json' } },
  { name: 'sections (## a\\n), html', make: (n) => repeat('## a\n', n), options: {} },
  { name: 'sections (## a\\n), email', make: (n) => repeat('## a\n', n), options: { format: 'email' } },
  { name: '199 nested quotes then words, text', make: (n) => `${'>'.repeat(199)} ${repeat('word ', n - 200)}\n`, options: { format: 'text' } },
  { name: '199 nested quotes then words, html', make: (n) => `${'>'.repeat(199)} ${repeat('word ', n - 200)}\n`, options: {} },
  { name: '120-column table over one-letter rows, html', make: (n) => tableHeader(120) + repeat('x\n', n - 1000), options: {} },
  { name: '120-column table over one-letter rows, json', make: (n) => tableHeader(120) + repeat('x\n', n - 1000), options: { format: 'json' } },
  { name: '120-column table over one-letter rows, text', make: (n) => tableHeader(120) + repeat('x\n', n - 1000), options: { format: 'text' } },
  { name: '120-column table over one-letter rows, email', make: (n) => tableHeader(120) + repeat('x\n', n - 1000), options: { format: 'email' } },
  // md4c holds a block's inline marks (every `[`, `]`, `!`, `*`, `` ` ``... that may open or close
  // something) in one array: past 250,000 in one paragraph the render is refused with the paragraph's
  // line (tools/patches/md4c/0003-max-marks.patch), which keeps memory within budget (a million `[` held
  // 87 MB before).
  { name: 'images without alt on one line', make: (n) => `${repeat('![](a)', n)}\n`, options: {} },
  { name: 'opening brackets on one line', make: (n) => `${repeat('[', n)}\n`, options: {} },
  { name: 'empty links on one line', make: (n) => `${repeat('[](a)', n)}\n`, options: {} },
  { name: 'words and brackets on one line, json', make: (n) => `${repeat('a [', n)}\n`, options: { format: 'json' } },
  { name: 'emphasis marks on one line, email', make: (n) => `${repeat('*a', n)}\n`, options: { format: 'email' } },
  { name: 'code-span ticks on one line, text', make: (n) => `${repeat('`a', n)}\n`, options: { format: 'text' } },
  { name: '"click here" links', make: (n) => `${repeat('[click here](/a) ', n)}\n`, options: {} },
  { name: 'unsafe links with --no-lint', make: (n) => `${repeat('[x](javascript:a) ', n)}\n`, options: { lint: false } },
  { name: 'unsafe links with --no-lint, json', make: (n) => `${repeat('[x](javascript:a) ', n)}\n`, options: { lint: false, format: 'json' } },
  { name: 'front-matter keys in reverse order', make: reverseKeys, options: {} },
  { name: 'front-matter keys in reverse order, json', make: reverseKeys, options: { format: 'json' } },
  { name: 'nested lists', make: (n) => { let s = ''; for (let i = 0; s.length < n; i++) s += `${' '.repeat((i % 200) * 2)}- a\n`; return s; }, options: { format: 'text' } },
  // Every `::: note` opens one more: past 200 open directives (the model's nesting limit) the lines stay text.
  { name: 'directive openers', make: (n) => repeat('::: note\n', n), options: { format: 'text' } },
  // 75,000 closed directives in 1 MB: a directive, two 24-byte markers and three nodes each; their email (a
  // styled table each, ~25× the Markdown) is handed over in pieces and refused at the output limit.
  { name: 'directives opened and closed', make: (n) => repeat('::: note\nx\n:::\n', n), options: { format: 'email' } },
];
FAMILIES.aliasBomb = aliasBomb();
