// `postwright.json`, the workspace's settings file: one reader, two strictness
// levels. Listing posts needs only the output folder and must never fail on a
// bad file (readSettings); building the site needs every setting and must say
// exactly which key is wrong (readSiteSettings).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import { describeSettingsIssues, SiteSettings } from '../../common/siteSettings';
import type { BlogLayout } from '../../common/blog/layout';
import { readBlogLayout } from './blogLayout';
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from './history';
import { code, normalizeRelative } from './paths';

export const SETTINGS_FILE = 'postwright.json';
export const DEFAULT_OUTPUT_DIR = '_site';

export interface WorkspaceSettings {
  /** Relative, forward slashes, no trailing slash. */
  outputDir: string;
  /** `"history": { "maxVersions": 50, "maxAgeDays": 90 }`; a missing or odd value takes its default. */
  history: HistoryLimits;
}

/** The parsed file, undefined when there is none; throws ApiError('invalid-arguments') for unreadable JSON. */
export async function readSettingsFile(root: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(root, SETTINGS_FILE), 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw new ApiError('io', `${SETTINGS_FILE} cannot be read (${code(error) ?? String(error)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ApiError('invalid-arguments', `${SETTINGS_FILE} is not valid JSON: ${(error as Error).message}.`);
  }
}

/** Missing, unreadable or odd settings fall back to defaults: listing posts must not depend on them. */
export async function readSettings(root: string): Promise<WorkspaceSettings> {
  // Defaults, as said above: the site settings (readSiteSettings) read the file again and say what is wrong with it.
  const raw = await readSettingsFile(root).catch(() => undefined);
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return { outputDir: outputDirOf(fields.output), history: historyLimitsOf(fields.history) };
}

function outputDirOf(output: unknown): string {
  if (typeof output !== 'string') return DEFAULT_OUTPUT_DIR;
  try {
    return normalizeRelative(output);
  } catch {
    // An output folder outside the workspace cannot hide any post in it.
    return DEFAULT_OUTPUT_DIR;
  }
}

function historyLimitsOf(history: unknown): HistoryLimits {
  const fields = typeof history === 'object' && history !== null ? (history as Record<string, unknown>) : {};
  const count = (value: unknown, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000 ? value : fallback;
  return {
    maxVersions: count(fields.maxVersions, DEFAULT_HISTORY_LIMITS.maxVersions),
    maxAgeDays: count(fields.maxAgeDays, DEFAULT_HISTORY_LIMITS.maxAgeDays),
  };
}

/**
 * Every site setting, defaults filled in; a clear ApiError naming the key for
 * any invalid value. What the blog's own config says (its title, base URL,
 * permalinks…) comes first; postwright.json overrides it key by key.
 */
export async function readSiteSettings(root: string, layout: BlogLayout = readBlogLayout(root)): Promise<SiteSettings> {
  const raw = (await readSettingsFile(root)) ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError('invalid-arguments', `${SETTINGS_FILE} must hold one JSON object ({ "title": … }).`);
  }
  const parsed = SiteSettings.safeParse({ ...detectedSettings(layout), ...raw });
  if (!parsed.success) throw new ApiError('invalid-arguments', `${SETTINGS_FILE}: ${describeSettingsIssues(parsed.error)}.`);
  let output: string;
  try {
    output = normalizeRelative(parsed.data.output);
  } catch {
    throw new ApiError('invalid-arguments', `${SETTINGS_FILE}: "output" must be a folder inside the workspace, such as "_site".`);
  }
  return { ...parsed.data, output };
}

/** The settings a generator's config gives, each kept only if valid on its own (a config's "/" base URL is not a site). */
function detectedSettings(layout: BlogLayout): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(layout.settings)) {
    const shape = SiteSettings.shape[key as keyof typeof SiteSettings.shape];
    if (shape?.safeParse(value).success) kept[key] = value;
    else if (shape) layout.warnings.push(`${layout.configFile ?? 'The blog config'}: its ${key} "${String(value)}" cannot be used; Postwright's default applies (set "${key}" in ${SETTINGS_FILE} to choose).`);
  }
  return kept;
}
