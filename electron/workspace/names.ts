// Naming conventions of a posts folder: which files are posts, which folders
// are skipped, and what a file name says about a post (Jekyll date, slug,
// page bundle, assets folder). Pure functions over workspace-relative POSIX paths.
import { posix } from 'node:path';

const MARKDOWN = /\.(?:md|markdown)$/i;
const JEKYLL_PREFIX = /^(\d{4})-(\d{2})-(\d{2})-/;
const BUNDLE_INDEX = /^index\.(?:md|markdown)$/i;

/** Suffix of the temp files of atomic writes; they also start with a dot. */
const TEMP_SUFFIX = '.pw-tmp';
/** Exactly the names tempNameFor() makes, so a sweep can never match an author's file. */
const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.pw-tmp$/;

/** A fresh temp name beside `name`: ".name.<12 hex>.pw-tmp". `random12hex` is 12 lower-case hex digits. */
export function tempNameFor(name: string, random12hex: string): string {
  return `.${name}.${random12hex}${TEMP_SUFFIX}`;
}

/** Whether a file name is a temp file of ours (left behind when a save was killed mid-write). */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

export function isPostFileName(name: string): boolean {
  return MARKDOWN.test(name) && !name.startsWith('.');
}

/**
 * Folders never searched for posts: dot-folders (.git, .obsidian...),
 * node_modules, and the site output folder.
 */
export function isSkippedFolder(relative: string, outputDir: string): boolean {
  const name = posix.basename(relative);
  return name.startsWith('.') || name === 'node_modules' || relative === outputDir;
}

/** Whether any part of a path is skipped; for paths that arrive one by one (watch events). */
export function isInSkippedFolder(relative: string, outputDir: string): boolean {
  const parts = relative.split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('.') || part === 'node_modules') return true;
    if (outputDir && parts.slice(0, i + 1).join('/') === outputDir) return true;
  }
  return false;
}

/** The file name without its extension: "_posts/2020-01-02-hi.md" → "2020-01-02-hi". */
export function baseName(relative: string): string {
  return posix.basename(relative).replace(MARKDOWN, '');
}

export function extensionOf(relative: string): string {
  return MARKDOWN.exec(relative)?.[0] ?? '.md';
}

/** "2020-01-02-" when the name carries a Jekyll date prefix, else "". */
export function jekyllPrefix(name: string): string {
  return JEKYLL_PREFIX.exec(name)?.[0] ?? '';
}

/** A page bundle is `<slug>/index.md`: the folder names the post and holds its assets. */
export function isPageBundle(relative: string): boolean {
  return BUNDLE_INDEX.test(posix.basename(relative)) && posix.dirname(relative) !== '.';
}

/** The name that carries the slug: the file's base name, or a bundle's folder. */
function namingPart(relative: string): string {
  return isPageBundle(relative) ? posix.basename(posix.dirname(relative)) : baseName(relative);
}

/** The slug a file name implies: base name (or bundle folder) minus a Jekyll date prefix. */
export function slugFromPath(relative: string): string {
  const name = namingPart(relative);
  return name.slice(jekyllPrefix(name).length) || name;
}

/** The date in a Jekyll-style name ("2020-01-02-hi.md"), or null. */
export function dateFromPath(relative: string): string | null {
  const m = JEKYLL_PREFIX.exec(namingPart(relative));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * The post's assets folder. Convention (Typora's): a sibling folder named
 * `<basename>.assets/`, e.g. `posts/hello.md` + `posts/hello.assets/`. A sibling
 * `<basename>/` was rejected because it is indistinguishable from another
 * post's page bundle (`posts/hello/index.md`). Page bundles need no assets
 * folder: the bundle folder is one.
 */
export function assetsFolderOf(relative: string): string | null {
  if (isPageBundle(relative)) return null;
  return posix.join(posix.dirname(relative), `${baseName(relative)}.assets`);
}

/** "posts/hello.md" → "posts/hello.conflict-2024-05-06T07-08-09.md" (local time). */
export function conflictCopyName(relative: string, now: Date, attempt: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}-${pad(now.getMinutes())}-${pad(now.getSeconds())}`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return posix.join(posix.dirname(relative), `${baseName(relative)}.conflict-${stamp}${suffix}.md`);
}
