#!/usr/bin/env node
// The `broadsheet` command: renders a Markdown file with the WebAssembly
// core. It runs from dist/, next to index.js. Exit codes: 0 success,
// 1 input or rendering error, 2 usage error.
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { createRenderer, createFullRenderer, BroadsheetError } from './index.js';

// The formats in the usage are the core's (Renderer.formats, from its one format table).
const renderUsage = (formats) =>
  `usage: broadsheet render FILE|- [--format ${formats.join('|')}] [--commonmark] [--fragment] [--allow-html] [--id-prefix P] [--no-lint] [--unsubscribe-url URL] [--labels FILE.json]`;
const BUILD_USAGE =
  '       broadsheet build ISSUES_DIR --out SITE_DIR --base-url URL [--drafts] [--future] [--title T] [--description D] [--lang L] [--feed-items N] [--jobs N] [--force] [--unsubscribe-url URL] [--no-search]';
const CHECK_USAGE = '       broadsheet check ISSUE.md [--unsubscribe-url URL]';
const usage = (formats) => `${renderUsage(formats)}\n${BUILD_USAGE}\n${CHECK_USAGE}`;
const help = (formats) => `${usage(formats)}

Renders a Markdown newsletter to standard output: a standalone HTML page by
default. Use - to read standard input.

  --format F       ${formats.join(', ')}: html (the default) is a standalone
                   page, email a whole email document, text its plain-text part
  --commonmark     strict CommonMark, no Broadsheet extensions
  --fragment       an HTML fragment instead of a whole page
  --allow-html     pass raw HTML through instead of escaping it
  --id-prefix P    prefix every generated id with P
  --no-lint        leave out the newsletter lint warnings
  --unsubscribe-url URL
                   email and text: the unsubscribe link (default: the
                   placeholder {{unsubscribe_url}}, for the sender to replace)
  --labels FILE.json
                   override the words Broadsheet writes: an object of label keys
                   and strings, e.g. {"in_this_issue": "Inside"} (docs/i18n.md)
  -h, --help       show this help

broadsheet build turns a folder of issues (*.md) into a site: a page, an email
and its plain text per issue, an archive (index.html), feed.xml (RSS),
atom.xml, feed.json, sitemap.xml and issues.json. Only what changed is
rebuilt; files it did not write are never touched, and a failed build leaves
the site as it was. Front-matter errors are reported as FILE:LINE:COL and the
other issues still build (exit status 1). See docs/publishing.md.

  --out DIR        the site folder (required)
  --base-url URL   where the site will be published (required)
  --drafts         include issues with draft: true
  --future         include issues dated after today
  --title T        the publication's name (default: the newest issue's
                   publication, else the folder's name)
  --description D  the archive's and feeds' description
  --lang L         the site's language, also given to issues without lang
                   (default: the newest issue's lang, else en)
  --feed-items N   issues in each feed (default 20)
  --jobs N         worker threads (default and most: one per core)
  --force          rebuild every page
  --no-search      no full-text search index (SITE/pagefind/) or search box

broadsheet check prints, per mail client (caniemail's data), what the issue's
email loses there and whether anything breaks, and its size against Gmail's
102 KB clipping. Exit status 1 when something breaks.
`;

class UsageError extends Error {}

/** The formats the package's core renders, for the usage and help. */
const coreFormats = async () => (await createFullRenderer()).formats;

/** Parses argv (without node and script) into { help } or a render request. */
/**
 * Calls visit(arg, takeValue, noValue) for each argument: `--name=value` is split, takeValue() reads the
 * value (inline or the next argument), noValue() refuses an inline one.
 */
function forEachArgument(rest, visit) {
  for (let i = 0; i < rest.length; i++) {
    let arg = rest[i];
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) [arg, value] = [arg.slice(0, eq), arg.slice(eq + 1)];
    const takeValue = () => {
      if (value !== undefined) return value;
      if (i + 1 >= rest.length) throw new UsageError(`${arg} needs a value`);
      return rest[++i];
    };
    const noValue = () => {
      if (value !== undefined) throw new UsageError(`${arg} takes no value`);
      return true;
    };
    visit(arg, takeValue, noValue);
  }
}

function parseArgs(argv) {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command');
  if (command === 'build') return parseBuildArgs(rest);
  if (command !== 'render') throw new UsageError(`unknown command: ${command}`);
  const args = { file: undefined, format: 'html', commonmark: false, fragment: false, allowHtml: false, idPrefix: '', lint: true, unsubscribeUrl: '', labels: undefined };
  forEachArgument(rest, (arg, takeValue, noValue) => {
    switch (arg) {
      case '--format':
        args.format = takeValue(); // checked against the core's formats once it is loaded
        break;
      case '--commonmark': args.commonmark = noValue(); break;
      case '--fragment': args.fragment = noValue(); break;
      case '--allow-html': args.allowHtml = noValue(); break;
      case '--id-prefix': args.idPrefix = takeValue(); break;
      case '--no-lint': args.lint = !noValue(); break;
      case '--unsubscribe-url': args.unsubscribeUrl = takeValue(); break;
      case '--labels': args.labels = takeValue(); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
        if (args.file !== undefined) throw new UsageError(`unexpected argument: ${arg}`);
        args.file = arg;
    }
  });
  if (args.file === undefined) throw new UsageError('missing FILE (use - for standard input)');
  return args;
}

/** The options of `broadsheet build` (see HELP). */
function parseBuildArgs(rest) {
  const args = { command: 'build', input: undefined, out: undefined, baseUrl: undefined, drafts: false, force: false };
  const whole = (flag, text) => {
    if (!/^[1-9][0-9]*$/.test(text)) throw new UsageError(`${flag} needs a whole number of at least 1`);
    return Number(text);
  };
  forEachArgument(rest, (arg, takeValue, noValue) => {
    switch (arg) {
      case '--out': args.out = takeValue(); break;
      case '--base-url': args.baseUrl = takeValue(); break;
      case '--drafts': args.drafts = noValue(); break;
      case '--future': args.future = noValue(); break;
      case '--force': args.force = noValue(); break;
      case '--no-search': args.search = !noValue(); break;
      case '--title': args.title = takeValue(); break;
      case '--description': args.description = takeValue(); break;
      case '--lang': args.lang = takeValue(); break;
      case '--unsubscribe-url': args.unsubscribeUrl = takeValue(); break;
      case '--feed-items': args.feedItems = whole(arg, takeValue()); break;
      case '--jobs': args.jobs = whole(arg, takeValue()); break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option: ${arg}`);
        if (args.input !== undefined) throw new UsageError(`unexpected argument: ${arg}`);
        args.input = arg;
    }
  });
  if (args.input === undefined) throw new UsageError('missing ISSUES_DIR');
  if (args.out === undefined) throw new UsageError('missing --out SITE_DIR');
  if (args.baseUrl === undefined) throw new UsageError('missing --base-url URL');
  try {
    if (!/^https?:$/.test(new URL(args.baseUrl).protocol)) throw new Error();
  } catch {
    throw new UsageError(`--base-url must be an absolute http(s) URL: ${args.baseUrl}`);
  }
  return args;
}

/** A progress counter on a terminal (stderr), rewritten in place; nothing when stderr is not a TTY. */
function progressReporter() {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (total === 0 || (done < total && now - last < 50)) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages`);
    if (done === total) process.stderr.write('\r\x1b[2K');
  };
}

/** Runs `broadsheet build`: problems to stderr as FILE:LINE:COL, a summary to stdout; 1 when an issue failed. */
async function build(args) {
  const { buildSite } = await import('./build.js');
  const { command, ...options } = args;
  let report;
  try {
    report = await buildSite({ ...options, onProgress: progressReporter() });
  } catch (error) {
    if (error?.name !== 'BuildUsageError') throw error;
    process.stderr.write(`broadsheet: ${error.message.replace(/^buildSite: /, '')}\n${usage(await coreFormats())}\n`);
    return 2;
  }
  const at = (p) => (p.line > 0 ? `${p.file}:${p.line}:${p.column}:` : `${p.file}:`);
  for (const w of report.warnings) process.stderr.write(`${at(w)} warning: ${w.message}\n`);
  for (const e of report.errors) process.stderr.write(`${at(e)} ${e.message}\n`);
  const parts = [`${report.issues} issue${report.issues === 1 ? '' : 's'}`, `${report.rendered} rendered`, `${report.unchanged} unchanged`];
  if (report.removed) parts.push(`${report.removed} removed`);
  if (report.drafts) parts.push(`${report.drafts} draft${report.drafts === 1 ? '' : 's'} left out`);
  if (report.future) parts.push(`${report.future} dated after today left out (--future includes them)`);
  if (report.errors.length) parts.push(`${report.errors.length} failed`);
  process.stdout.write(`broadsheet: built ${args.out}: ${parts.join(', ')} (${(report.milliseconds / 1000).toFixed(2)} s)\n`);
  return report.errors.length ? 1 : 0;
}

// The core refuses input over this many bytes (its default maxInputBytes, as in the native CLI); reading
// stops one byte past it, so `/dev/zero` or an endless pipe is refused at once instead of filling memory.
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

class InputError extends Error {}

/** Reads at most MAX_INPUT_BYTES + 1 bytes of a stream, in chunks. */
async function readLimited(stream) {
  const chunks = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      total += chunk.length;
      if (total > MAX_INPUT_BYTES) throw new InputError(`the input is over the limit of ${MAX_INPUT_BYTES} bytes`);
    }
  } finally {
    stream.destroy?.();
  }
  return Buffer.concat(chunks);
}

/** Reads the input as UTF-8, keeping a byte-order mark as the native CLI does. */
async function readInput(file) {
  let bytes;
  if (file === '-') {
    bytes = await readLimited(process.stdin);
  } else {
    if ((await stat(file)).isDirectory()) throw new InputError('it is a directory, not a file');
    bytes = await readLimited(createReadStream(file, { highWaterMark: 64 * 1024 }));
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

// One render, then exit: V8 would otherwise optimise the core's hot functions in background jobs for
// renders that never come, and the process waits for those jobs before it exits (render and check took
// 0.5 s against 0.2 s). This budget, 555 times V8's default, keeps an issue's render on the baseline
// compiler's code, while a huge input's long render still gets optimised code. Not for `build`,
// which renders many issues. Set before the core is compiled; flags are the process's, and this is ours.
const ONE_SHOT_TIERING_BUDGET = '--wasm-tiering-budget=1000000000';

async function main(argv) {
  if (argv[0] !== 'build') setFlagsFromString(ONE_SHOT_TIERING_BUDGET);
  // `broadsheet check ISSUE.md`: what each mail client keeps of the email (check.js).
  if (argv[0] === 'check') return (await import('./check.js')).runCheck(argv.slice(1));
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`broadsheet: ${error.message}\n${usage(await coreFormats())}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(help(await coreFormats()));
    return 0;
  }
  if (args.command === 'build') return build(args);
  // Lint warnings, another format or CommonMark need the full core: it is started at once rather than after
  // the web core that createRenderer() starts for web HTML.
  const needsFullCore = args.lint || args.format !== 'html' || args.commonmark;
  const renderer = await (needsFullCore ? createFullRenderer() : createRenderer());
  if (args.format !== 'html' && !renderer.formats.includes(args.format)) { // html: every core's, no full core needed
    process.stderr.write(`broadsheet: unknown format: ${args.format} (expected ${renderer.formats.join(', ')})\n${usage(renderer.formats)}\n`);
    return 2;
  }
  const name = args.file === '-' ? '<stdin>' : args.file;

  let markdown;
  try {
    markdown = await readInput(args.file);
  } catch (error) {
    // Our own messages as they are; a system error without its code prefix ("ENOENT: ") and path, as
    // strerror words it in the native CLI.
    const message = error instanceof InputError ? error.message : error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    process.stderr.write(`broadsheet: cannot read ${name}: ${message}\n`);
    return 1;
  }

  let labels;
  if (args.labels !== undefined) {
    try {
      labels = JSON.parse(await readFile(args.labels, 'utf8'));
    } catch (error) {
      process.stderr.write(`broadsheet: cannot read the labels in ${args.labels}: ${error.message}\n`);
      return 1;
    }
    if (labels === null || typeof labels !== 'object' || Array.isArray(labels) ||
        Object.values(labels).some((value) => typeof value !== 'string')) {
      process.stderr.write(`${args.labels}: expected an object of label keys and strings, e.g. {"in_this_issue": "Inside"}\n`);
      return 1;
    }
  }

  let result;
  try {
    result = renderer.render(markdown, {
      labels,
      format: args.format,
      commonmark: args.commonmark,
      standalone: !args.fragment,
      allowHtml: args.allowHtml,
      idPrefix: args.idPrefix,
      lint: args.lint,
      unsubscribeUrl: args.unsubscribeUrl,
    });
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error;
    // "FILE:LINE:COL: message", or "FILE: message" without a position
    process.stderr.write(`${name}:${error.line > 0 ? '' : ' '}${error.message}\n`);
    return 1;
  }
  for (const w of result.warnings) {
    process.stderr.write(`${name}:${w.line}:${w.column}: ${w.hint ? 'hint' : 'warning'}: ${w.message}\n`);
  }
  process.stdout.write(result.output);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`broadsheet: ${error?.message ?? error}\n`);
    process.exitCode = 1;
  },
);
