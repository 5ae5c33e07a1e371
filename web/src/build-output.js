// Where `broadsheet build` writes: the site is a function of its sources, and a build never touches what
// it did not write.
// - Every file is first written to a staging folder inside the site (SITE/.broadsheet-staging); only when
//   the whole build has succeeded is each moved into place (a rename), so a build that fails leaves the
//   site as it was.
// - The manifest (SITE/.broadsheet-manifest.json) lists every file the build owns. A file it owned and no
//   longer writes (a deleted issue, a draft, a renamed slug) is removed; a file it does not own is never
//   overwritten or deleted: writing one is a clash, reported with both names.
// - Without a manifest (a site from before it, or one deleted by hand), a folder whose page carries the
//   build's generator tag is taken as the build's own, so a lost manifest loses nothing either.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const MANIFEST_FILE = '.broadsheet-manifest.json';
const STAGING = '.broadsheet-staging';
const MANIFEST_VERSION = 1;
/** Written in the head of every page the build makes (the core's standalone page, the archive). */
const GENERATOR_TAG = '<meta name="generator" content="Broadsheet">';

const hasGeneratorTag = (file) => {
  try {
    return readFileSync(file, 'utf8').includes(GENERATOR_TAG);
  } catch {
    return false;
  }
};

/**
 * The files an earlier build wrote, when its manifest is missing: each folder whose index.html is the
 * build's, with the issue files in it, and the site's own files when the archive page is the build's.
 */
function recoverManifest(out, issueFiles, siteFiles) {
  const owned = [];
  if (!existsSync(out)) return owned;
  if (hasGeneratorTag(join(out, 'index.html'))) owned.push(...siteFiles.filter((f) => existsSync(join(out, f))));
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (!hasGeneratorTag(join(out, entry.name, 'index.html'))) continue;
    for (const f of issueFiles) if (existsSync(join(out, entry.name, f))) owned.push(`${entry.name}/${f}`);
  }
  return owned;
}

function readManifest(out) {
  try {
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
    if (manifest?.version === MANIFEST_VERSION && Array.isArray(manifest.files)) return manifest.files.filter((f) => typeof f === 'string');
  } catch { /* missing or unreadable: recovered below */ }
  return null;
}

export class SiteOutput {
  #out;
  #staging;
  #owned; // Set of the site-relative paths the last build wrote
  #next = new Set(); // the paths this build owns: written or kept
  #written = new Set(); // the paths staged by this build

  /** `issueFiles`: the names in each issue's folder; `siteFiles`: the files at the site's root. */
  constructor(out, { issueFiles, siteFiles }) {
    this.#out = out;
    this.#staging = join(out, STAGING);
    const files = readManifest(out) ?? recoverManifest(out, issueFiles, siteFiles);
    this.#owned = new Set(files);
    rmSync(this.#staging, { recursive: true, force: true }); // a build that crashed left it
    mkdirSync(this.#staging, { recursive: true });
  }

  /** The folder a worker writes `rel` to during the build. */
  get staging() { return this.#staging; }

  /** Whether writing `rel` would overwrite a file the build did not write. */
  clashes(rel) {
    return !this.#owned.has(rel) && existsSync(join(this.#out, rel));
  }

  /** A file the build owns and leaves as it is (an unchanged page). */
  keep(rel) {
    this.#next.add(rel);
  }

  /** A file written to the staging folder by a worker (its path: join(staging, rel)). */
  staged(rel) {
    this.#next.add(rel);
    this.#written.add(rel);
  }

  /** Whether `rel` is there when the build ends as it stands: staged, or the build's own in the site. */
  has(rel) {
    return this.#written.has(rel) || (this.#owned.has(rel) && existsSync(join(this.#out, rel)));
  }

  /** Stages `text` as `rel`, or keeps the file when it already holds exactly that; true when it changes. */
  write(rel, text) {
    try {
      if (this.#owned.has(rel) && readFileSync(join(this.#out, rel), 'utf8') === text) {
        this.keep(rel);
        return false;
      }
    } catch { /* missing */ }
    const file = join(this.#staging, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    this.staged(rel);
    return true;
  }

  /** The text of `rel` as this build leaves it (staged, else already in the site). */
  read(rel) {
    const staged = join(this.#staging, rel);
    return readFileSync(existsSync(staged) ? staged : join(this.#out, rel), 'utf8');
  }

  /**
   * Moves every staged file into place, removes the files the last build wrote that this one did not,
   * and saves the manifest. Returns the site-relative paths removed.
   */
  commit() {
    for (const rel of this.#written) {
      const target = join(this.#out, rel);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(this.#staging, rel), target);
    }
    const removed = [...this.#owned].filter((rel) => !this.#next.has(rel));
    for (const rel of removed) {
      rmSync(join(this.#out, rel), { force: true });
      this.#removeEmptyFolders(dirname(rel));
    }
    const manifest = { version: MANIFEST_VERSION, files: [...this.#next].sort() };
    const temporary = join(this.#staging, MANIFEST_FILE);
    writeFileSync(temporary, JSON.stringify(manifest, null, 1) + '\n');
    renameSync(temporary, join(this.#out, MANIFEST_FILE));
    this.abort();
    return removed;
  }

  /** Drops what was staged: the site stays as the last build left it. */
  abort() {
    rmSync(this.#staging, { recursive: true, force: true });
  }

  #removeEmptyFolders(rel) {
    for (let dir = rel; dir && dir !== '.'; dir = dirname(dir)) {
      try {
        rmdirSync(join(this.#out, dir)); // fails, and stops, when the folder holds other files
      } catch {
        return;
      }
    }
  }
}
