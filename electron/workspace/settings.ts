// The part of `postwright.json` the posts workspace needs: where the site is
// built, so that folder's copies of posts are not listed as posts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { normalizeRelative } from './paths';

export const SETTINGS_FILE = 'postwright.json';
export const DEFAULT_OUTPUT_DIR = '_site';

export interface WorkspaceSettings {
  /** Relative, forward slashes, no trailing slash. */
  outputDir: string;
}

/** Missing, unreadable or odd settings fall back to defaults: listing posts must not depend on them. */
export async function readSettings(root: string): Promise<WorkspaceSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path.join(root, SETTINGS_FILE), 'utf8'));
  } catch {
    return { outputDir: DEFAULT_OUTPUT_DIR };
  }
  const output = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).output : undefined;
  if (typeof output !== 'string') return { outputDir: DEFAULT_OUTPUT_DIR };
  try {
    return { outputDir: normalizeRelative(output) };
  } catch {
    // An output folder outside the workspace cannot hide any post in it.
    return { outputDir: DEFAULT_OUTPUT_DIR };
  }
}
