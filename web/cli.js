#!/usr/bin/env node
// The `broadsheet` command: renders a Markdown file with the WebAssembly
// core. It runs from dist/, next to index.js. Exit codes: 0 success,
// 1 input or rendering error, 2 usage error.
import { stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
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
  -h, --help       show this help
`;

class UsageError extends Error {}

/** Parses argv (without node and script) into { help } or a render request. */
function parseArgs(argv) {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command');
  if (command !== 'render') throw new UsageError(`unknown command: ${command}`);
  const args = { file: undefined, format: 'html', commonmark: false, fragment: false, allowHtml: false, idPrefix: '', lint: true, unsubscribeUrl: '' };
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
        args.format = takeValue();
        if (!['html', 'json', 'email', 'text'].includes(args.format)) throw new UsageError(`unknown format: ${args.format}`);
        break;
      case '--commonmark': args.commonmark = noValue(); break;
      case '--fragment': args.fragment = noValue(); break;
      case '--allow-html': args.allowHtml = noValue(); break;
      case '--id-prefix': args.idPrefix = takeValue(); break;
      case '--no-lint': args.lint = !noValue(); break;
      case '--unsubscribe-url': args.unsubscribeUrl = takeValue(); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
        if (args.file !== undefined) throw new UsageError(`unexpected argument: ${arg}`);
        args.file = arg;
    }
  }
  if (args.file === undefined) throw new UsageError('missing FILE (use - for standard input)');
  return args;
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

  const renderer = await createRenderer();
  let result;
  try {
    result = renderer.render(markdown, {
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
