// The Nu HTML Checker (vnu-jar from npm, run with Java) over the standalone web page and the email of
// every example and fixture: no errors. The email keeps three deliberate idioms of email HTML that the
// checker, which knows only browsers, reports; each is accepted by its exact message and nothing else:
//   - `xmlns:v` / `xmlns:o` on <html>: Outlook on Windows needs them for its high-DPI settings;
//   - `<a name="…"></a>` anchors before section and story titles: Gmail removes ids, so the table of
//     contents links to names (the checker asks for an href on an <a> with only a name);
//   - a heading level skipped by the Markdown itself (a `###` story before any `##` section): the web page
//     puts it in its own <article>, the email has no sectioning elements; the lint reports it to the writer.
// The unsubscribe URL is a real one here (the default is a merge tag such as {{unsubscribe_url}}, which
// the sending service replaces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { EXAMPLES, FIXTURES, ROOT, filesUnder, loadBroadsheet, readText } from '../helpers/repo.js';

const VNU = join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const OUT = join(ROOT, 'build', 'vnu');
const EMAIL_IDIOMS = [
  /^Attribute “xmlns:[vo]” not allowed here\.$/,
  /^Element “a” is missing required attribute “href”\.$/,
  /^The heading “h3” \(with computed level 3\) follows the heading “h1” \(with computed level 1\), skipping 1 heading level\.$/,
];

const { createRenderer } = await loadBroadsheet();
const renderer = await createRenderer();

test('every example and fixture: the standalone page and the email pass the Nu HTML Checker', () => {
  const java = spawnSync('java', ['-version']);
  assert.equal(java.status, 0, 'java is missing (tools/setup.sh installs it)');
  assert.ok(existsSync(VNU), `${relative(ROOT, VNU)} is missing: npm install`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const sources = [...filesUnder(EXAMPLES, '.md'), ...filesUnder(FIXTURES, '.md')];
  const files = [];
  for (const md of sources) {
    const name = relative(ROOT, md).replace(/[\\/]/g, '_');
    for (const [format, suffix] of [['html', '.html'], ['email', '.email.html']]) {
      let output;
      try {
        output = renderer.render(readText(md), { format, standalone: true, unsubscribeUrl: 'https://example.com/unsubscribe' }).output;
      } catch {
        output = '';
      }
      if (!output) continue; // a fixture of an error: it has no output to check
      const file = join(OUT, name + suffix);
      writeFileSync(file, output);
      files.push(file);
    }
  }
  assert.ok(files.length > 50, `${files.length} pages`);
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 64 << 20 });
  const messages = JSON.parse(run.stderr.toString() || run.stdout.toString() || '{"messages":[]}').messages;
  const errors = messages.filter((m) => {
    if (m.type !== 'error') return false;
    return !(m.url.endsWith('.email.html') && EMAIL_IDIOMS.some((re) => re.test(m.message)));
  });
  assert.deepEqual(errors.map((m) => `${basename(m.url)}:${m.lastLine}: ${m.message}`), []);
});
