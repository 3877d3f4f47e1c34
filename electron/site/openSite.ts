// What a build or a standalone export reads before any post: the workspace's
// real path, its settings and blog layout, the theme files it adds (custom.css,
// sanitized partials), its link-preview image and favicon, and the output folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BlogLayout } from '../../common/blog/layout';
import { ApiError } from '../../common/errors';
import type { SiteSettings } from '../../common/siteSettings';
import { PARTIALS, type Partials } from '../../common/theme/site';
import { isSkippedTarget } from '../workspace/linkTargets';
import { resolveInside } from '../workspace/paths';
import { readBlogLayout } from '../workspace/blogLayout';
import { readSiteSettings } from '../workspace/settings';
import { OutputFolder } from './outputFolder';
import { createPartialSanitizer, type PartialSanitizer } from './partialSanitizer';
import { siteImage, workspaceFavicon, type SiteFile } from './siteFiles';

/** Where the workspace's own styles live. */
export const CUSTOM_CSS_SOURCE = 'theme/custom.css';

export interface OpenedSite {
  /** The workspace's real path. */
  root: string;
  settings: SiteSettings;
  /** Where to build; null when not asked for (a standalone export). */
  output: OutputFolder | null;
  /** The real path of theme/custom.css, when the workspace has one. */
  customCss: string | null;
  /** The workspace's theme/partials/*.html, sanitized. */
  partials: Partials;
  /** What sanitizing the partials left out, one line a partial. */
  partialWarnings: string[];
  /** What the blog's generator config says: which files are posts and pages, permalinks, static folders. */
  layout: BlogLayout;
  /** The default link-preview image (postwright.json `image`), when set. */
  image: Awaited<ReturnType<typeof siteImage>>;
  /** The workspace's favicon; null publishes Postwright's. */
  favicon: SiteFile | null;
}

/** The workspace, its settings, and the output folder they (or `out`) name. */
export async function openSite(root: string, out: string | undefined, withOutput: boolean): Promise<OpenedSite> {
  let real: string;
  try {
    real = fs.realpathSync(root);
  } catch {
    throw new ApiError('not-found', `The folder ${root} does not exist. Give the workspace folder that holds your posts.`);
  }
  if (!fs.statSync(real).isDirectory()) throw new ApiError('not-found', `${root} is a file, not a workspace folder.`);
  const layout = readBlogLayout(real);
  const settings = await readSiteSettings(real, layout);
  // The configured folder must stay inside the workspace, links included; --out is the author's explicit choice.
  let output: OutputFolder | null = null;
  if (withOutput) output = OutputFolder.open(out ? path.resolve(out) : (await resolveInside(real, settings.output)).real, real);
  const custom = await themeFile(real, CUSTOM_CSS_SOURCE, settings.output);
  const customCss = custom && fs.statSync(custom, { throwIfNoEntry: false })?.isFile() ? custom : null;
  const partialWarnings: string[] = [];
  const partials = await readPartials(real, settings.output, partialWarnings);
  return { root: real, settings, output, customCss, partials, partialWarnings, image: await siteImage(real, settings), favicon: await workspaceFavicon(real), layout };
}

/** A theme file's real path, through the workspace's guard; null when missing, or when a link leads it to a skipped place (.git, .env…). */
async function themeFile(root: string, relative: string, outputDir: string): Promise<string | null> {
  const file = await resolveInside(root, relative).catch(() => null);
  return file && !isSkippedTarget(root, file.real, outputDir) ? file.real : null;
}

/** A partial is a snippet of a page; anything bigger is a mistake (a whole site pasted in). */
const PARTIAL_LIMIT = 256 * 1024;

/** theme/partials/{head,header,footer}.html, read through the same guard as every workspace path, and sanitized. */
async function readPartials(root: string, outputDir: string, partialWarnings: string[]): Promise<Partials> {
  const partials: Partials = {};
  let sanitizePartial: PartialSanitizer | undefined;
  for (const name of PARTIALS) {
    const source = `theme/partials/${name}.html`;
    const file = await themeFile(root, source, outputDir);
    const stat = file === null ? undefined : fs.statSync(file, { throwIfNoEntry: false });
    if (file === null || !stat?.isFile()) continue;
    if (stat.size > PARTIAL_LIMIT) throw new ApiError('invalid-arguments', `${source} is ${Math.ceil(stat.size / 1024)} KB; a partial may be at most 256 KB.`);
    sanitizePartial ??= createPartialSanitizer();
    const { html, removed } = sanitizePartial(fs.readFileSync(file, 'utf8'));
    if (removed > 0) partialWarnings.push(`${source}: ${removed} part${removed === 1 ? '' : 's'} left out (script, event handlers, frames or a meta refresh); a workspace's partials cannot add script to the site.`);
    partials[name] = html;
  }
  return partials;
}
