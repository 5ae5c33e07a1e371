// The options of `broadsheet build` (build.d.ts), checked before anything is read or written: a bad
// site-wide option is a usage error (BuildUsageError, exit status 2 in the CLI), so it can never fail
// every issue and leave an empty site behind. The core is asked about what it decides (which
// unsubscribe URLs and languages it takes): see checkSiteOptions.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';

/** A bad option or an impossible pair of folders: the build touched nothing. */
export class BuildUsageError extends TypeError {
  constructor(message) {
    super(`buildSite: ${message}`);
    this.name = 'BuildUsageError';
    this.exitCode = 2;
  }
}

/** The number of cores: more worker threads than cores only cost time and memory. */
export const coreCount = () => (typeof availableParallelism === 'function' ? availableParallelism() : cpus().length);

/** The real path of `path`, or of its nearest existing parent with the rest appended (a folder to be made). */
function realPathOf(path) {
  const missing = [];
  let at = resolve(path);
  while (!existsSync(at)) {
    const parent = dirname(at);
    if (parent === at) break;
    missing.unshift(at.slice(parent.length).replace(/^[\\/]/, ''));
    at = parent;
  }
  return resolve(realpathSync(at), ...missing);
}

/** Whether `inner` is `outer` or inside it (both real paths). */
const within = (inner, outer) => {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel));
};

/** Today as YYYY-MM-DD on this machine's clock: issues dated later are not published yet. */
const localToday = () => {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
};

/** Checks and completes the options (see build.d.ts). Throws a BuildUsageError naming a bad one. */
export function normalizeOptions(options = {}) {
  const { input, out } = options;
  if (!input || typeof input !== 'string') throw new BuildUsageError('`input` (the folder of issues) is required');
  if (!out || typeof out !== 'string') throw new BuildUsageError('`out` (the site folder) is required');
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new BuildUsageError(`${input} is not a folder of issues`);
  // Compared as real paths, so a symlink cannot make the site publish its own issues folder (or the reverse).
  const realInput = realpathSync(input);
  const realOut = realPathOf(out);
  if (within(realOut, realInput) || within(realInput, realOut)) {
    throw new BuildUsageError(`\`out\` (${out}) and the folder of issues (${input}) must not contain each other`);
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new BuildUsageError(`\`out\` (${out}) is not a folder`);
  let base;
  try {
    base = new URL(String(options.baseUrl ?? ''));
  } catch {
    throw new BuildUsageError(`\`baseUrl\` must be an absolute URL, such as https://example.com/newsletter/ (got ${JSON.stringify(options.baseUrl ?? '')})`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new BuildUsageError('`baseUrl` must be an http: or https: URL');
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const feedItems = options.feedItems ?? 20;
  if (!Number.isInteger(feedItems) || feedItems < 1) throw new BuildUsageError('`feedItems` must be a whole number of at least 1');
  const jobs = options.jobs ?? coreCount();
  if (!Number.isInteger(jobs) || jobs < 1) throw new BuildUsageError('`jobs` must be a whole number of at least 1');
  const today = options.today ?? localToday();
  if (typeof today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new BuildUsageError('`today` must be a date written YYYY-MM-DD');
  return {
    input: realInput,
    shownInput: input, // file names in the report start with the folder as given
    out: realOut,
    baseUrl: base.href,
    drafts: Boolean(options.drafts),
    future: Boolean(options.future),
    today,
    title: options.title ? String(options.title) : '',
    description: options.description ? String(options.description) : '',
    lang: options.lang ? String(options.lang) : '',
    feedItems,
    jobs: Math.min(jobs, coreCount()),
    force: Boolean(options.force),
    unsubscribeUrl: options.unsubscribeUrl ? String(options.unsubscribeUrl) : '',
    search: options.search !== false, // a Pagefind index of the issue pages, unless `search: false`
    onProgress: typeof options.onProgress === 'function' ? options.onProgress : null,
  };
}

/**
 * Asks the core whether it takes the site-wide options every issue will be rendered with (the unsubscribe
 * URL, the site's language): it decides what a safe URL and a language tag are. Throws a BuildUsageError.
 */
export function checkSiteOptions(renderer, opts) {
  try {
    renderer.render('', { summaryOnly: true, unsubscribeUrl: opts.unsubscribeUrl, defaultLang: opts.lang });
  } catch (error) {
    const message = String(error?.reason ?? error?.message ?? error)
      .replace('option defaultLang', '--lang, option lang').replace('option unsubscribeUrl', '--unsubscribe-url, option unsubscribeUrl');
    throw new BuildUsageError(message);
  }
}
