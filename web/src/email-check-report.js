// `broadsheet check ISSUE.md` as text: per mail client, what this issue's email loses there (each loss
// with the triage's reason, web/src/email-triage.js) and whether anything breaks (a drop no entry
// covers), and the email's size against Gmail's clipping. The analysis is email-clients.js's.
import { GMAIL_CLIP_BYTES, checkEmail } from './email-clients.js';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The email's size in bytes, and how much room is left before Gmail clips it. */
export function clipMargin(html) {
  const bytes = new TextEncoder().encode(html).length;
  return { bytes, limit: GMAIL_CLIP_BYTES, margin: GMAIL_CLIP_BYTES - bytes };
}

/** The report's lines and whether any client breaks, for the email HTML of an issue named `name`. */
export function checkReport(name, html) {
  const results = checkEmail(html);
  const size = clipMargin(html);
  const lines = [`${name}: email of ${kb(size.bytes)}; Gmail clips past ${kb(size.limit)}: ` +
    (size.margin >= 0 ? `${kb(size.margin)} to spare` : `clipped, ${kb(-size.margin)} over`)];
  const reasons = new Map();
  const width = Math.max(...results.map((r) => r.client.name.length));
  for (const { client, known, degrades, breaks } of results) {
    const status = !known ? 'no data' : breaks.length ? 'BREAKS' : 'ok';
    const lost = [
      ...breaks.map((b) => `${b.title} (${b.where.slice(0, 2).join(', ')})`),
      ...degrades.map((d) => {
        if (!reasons.has(d.title)) reasons.set(d.title, d.reason);
        return d.title;
      }),
    ];
    lines.push(`  ${client.name.padEnd(width)}  ${status.padEnd(7)} ${lost.length ? `drops ${lost.join(', ')}` : 'keeps everything'}`);
  }
  if (reasons.size) {
    lines.push('', 'Fine to lose (web/src/email-triage.js):');
    for (const [title, reason] of reasons) lines.push(`  ${title}: ${reason}`);
  }
  if (size.margin < 0) lines.push('', 'Gmail shows only the start of this email, with a "View entire message" link.');
  return { text: `${lines.join('\n')}\n`, breaks: results.some((r) => r.breaks.length > 0) || size.margin < 0 };
}
