#!/usr/bin/env node
// The `broadsheet` command: renders a Markdown file with the WebAssembly
// core. It runs from dist/, next to index.js. Exit codes: 0 success,
// 1 input or rendering error, 2 usage error.
import { readFile } from 'node:fs/promises';
import { createRenderer, BroadsheetError } from './index.js';

const USAGE =
  'usage: broadsheet render FILE|- [--format html|json|email|text] [--commonmark] [--fragment] [--allow-html] [--id-prefix P] [--no-lint] [--unsubscribe-url URL]';
const HELP = `${USAGE}

Renders a Markdown newsletter to standard output: a standalone HTML page by
default. Use - to read standard input.

  --format F       html (default, a standalone page), json, email (a whole
                   email document) or text (its plain-text part)
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
`;

class UsageError extends Error {}

/** Parses argv (without node and script) into { help } or a render request. */
function parseArgs(argv) {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'render') throw new UsageError(`unknown command: ${command}`);
  const args = { file: undefined, format: 'html', commonmark: false, fragment: false, allowHtml: false, idPrefix: '', lint: true, unsubscribeUrl: '', labels: undefined };
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
  }
  if (args.file === undefined) throw new UsageError('missing FILE (use - for standard input)');
  return args;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads the input as UTF-8, keeping a byte-order mark as the native CLI does. */
async function readInput(file) {
  const bytes = file === '-' ? await readStdin() : await readFile(file);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`broadsheet: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const renderer = await createRenderer();
  if (!renderer.formats.includes(args.format)) {
    process.stderr.write(`broadsheet: unknown format: ${args.format} (expected ${renderer.formats.join(', ')})\n${USAGE}\n`);
    return 2;
  }
  const name = args.file === '-' ? '<stdin>' : args.file;

  let markdown;
  try {
    markdown = await readInput(args.file);
  } catch (error) {
    process.stderr.write(`broadsheet: cannot read ${name}: ${error.message}\n`);
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
