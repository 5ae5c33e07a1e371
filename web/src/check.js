// `broadsheet check ISSUE.md [--unsubscribe-url URL]`: renders the email with the core and prints,
// per mail client, what degrades and whether anything breaks (email-check-report.js). Exit codes: 0 when
// nothing breaks, 1 when a client breaks or the input fails, 2 on a usage error.
import { readFile } from 'node:fs/promises';
import { BroadsheetError, createRenderer } from './index.js';
import { checkReport } from './email-check-report.js';

const USAGE = 'usage: broadsheet check ISSUE.md [--unsubscribe-url URL]';

export async function runCheck(args) {
  let file;
  let unsubscribeUrl = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--unsubscribe-url' && i + 1 < args.length) unsubscribeUrl = args[++i];
    else if (!args[i].startsWith('-') && file === undefined) file = args[i];
    else {
      process.stderr.write(`broadsheet: unexpected argument: ${args[i]}\n${USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`broadsheet: missing ISSUE.md\n${USAGE}\n`);
    return 2;
  }
  let markdown;
  try {
    markdown = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`broadsheet: cannot read ${file}: ${error.message}\n`);
    return 1;
  }
  const renderer = await createRenderer();
  let result;
  try {
    result = renderer.render(markdown, { format: 'email', unsubscribeUrl });
  } catch (error) {
    if (!(error instanceof BroadsheetError)) throw error;
    process.stderr.write(`${file}:${error.line > 0 ? '' : ' '}${error.message}\n`);
    return 1;
  }
  const report = checkReport(file, result.output);
  process.stdout.write(report.text);
  return report.breaks ? 1 : 0;
}
