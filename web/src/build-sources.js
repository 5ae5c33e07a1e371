// The first step of `broadsheet build`: the folder's issues, each read once by the core. What an issue
// says about itself (title, date, draft, number, slug, language, how many issues its `::: recent` lists)
// is the core's summary (RenderResult.summary, docs/publishing.md); nothing here reads the Markdown.
// A source whose size, modification time and inode match the last build keeps its cached summary and
// is read again only if its page must be rendered.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const sha1 = (data) => createHash('sha1').update(data).digest('hex');

const decode = (path) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(readFileSync(path));

/**
 * The path of a folder entry to read, or a reason to skip it: a symlink is followed only while it stays
 * inside the folder of issues (a link to /etc/passwd must not publish it), and only regular files are read.
 */
function readablePath(input, name) {
  const path = join(input, name);
  if (lstatSync(path).isSymbolicLink()) {
    let target;
    try {
      target = realpathSync(path);
    } catch {
      return { skip: 'a symlink whose target does not exist' };
    }
    const rel = relative(input, target);
    if (rel.startsWith('..') || rel.startsWith(sep) || rel === '') return { skip: 'a symlink that leads out of the folder of issues' };
  }
  if (!statSync(path).isFile()) return { skip: 'not a regular file' };
  return { path };
}

/**
 * Reads every `*.md` directly in the folder (names starting with `.` are skipped) and asks the core for
 * each one's summary, in the site's language `lang` when the issue has none ('' while the site's language
 * is not known yet: see summarizeIn). Returns the sources to cache and the records ({ file, path, sha,
 * summary, warnings, modified, read() }) of the issues the core could read; the others go to
 * `report.errors` (file:line:column) and skipped entries to `report.skipped`.
 */
export function readSources(opts, cache, renderer, report, lang) {
  const names = readdirSync(opts.input).filter((f) => f.endsWith('.md') && !f.startsWith('.')).sort();
  const sources = {};
  const records = [];
  for (const file of names) {
    const shown = join(opts.shownInput, file);
    let stat;
    let source = null;
    let known = null;
    let path;
    try {
      const readable = readablePath(opts.input, file);
      if (readable.skip) {
        report.skipped.push({ file: shown, line: 0, column: 0, message: `skipped: ${readable.skip}` });
        continue;
      }
      path = readable.path;
      stat = statSync(path);
      const cached = cache.sources[file];
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs && cached.ino === stat.ino) known = cached;
      else source = decode(path);
    } catch (error) {
      report.errors.push({ file: shown, line: 0, column: 0, message: `cannot read: ${error.message}` });
      continue;
    }
    const sha = known?.sha ?? sha1(source);
    if (!known && cache.sources[file]?.sha === sha) known = cache.sources[file]; // touched, not changed
    const entry = { sha, summaries: known?.summaries ?? {}, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
    const record = { file, path: shown, sha, entry, modified: stat.mtimeMs, read: () => (source ??= decode(path)) };
    try {
      summarizeIn(renderer, record, lang);
    } catch (error) {
      report.errors.push({ file: shown, line: error.line ?? 0, column: error.column ?? 0, message: error.reason ?? error.message });
      continue;
    }
    sources[file] = entry;
    records.push(record);
  }
  return { sources, records };
}

/**
 * Sets `record.summary` and `record.warnings`: the core's reading of the issue with `lang` as the language
 * of an issue without one (its dates and "Issue N" follow it). Kept per language in the cache entry.
 * Throws the core's BroadsheetError for an issue it cannot read (a YAML error).
 */
export function summarizeIn(renderer, record, lang) {
  let known = record.entry.summaries[lang];
  if (!known) {
    const defaultSlug = record.file.slice(0, -'.md'.length); // the folder of an issue without a `slug`
    const result = renderer.render(record.read(), { summaryOnly: true, defaultLang: lang, defaultSlug });
    known = { summary: result.summary, warnings: result.warnings.filter((w) => !w.hint) };
    record.entry.summaries = { ...record.entry.summaries, [lang]: known };
  }
  record.summary = known.summary;
  record.warnings = known.warnings;
}
