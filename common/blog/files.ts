// How the config readers see the blog folder: small, synchronous, confined to
// the workspace by the implementation (electron/workspace/blogLayout.ts).
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';

export interface BlogFiles {
  /** A file's text; null when it is missing, unreadable, outside the workspace or too large. */
  read(relative: string): string | null;
  /** The entries of a folder ('' is the root), folders with a trailing "/"; [] when it is missing. */
  list(relative: string): string[];
}

export type ConfigFormat = 'yaml' | 'toml' | 'json';

/** A config file's object, by its extension. Throws with the parser's message when it does not parse. */
export function parseConfig(text: string, format: ConfigFormat): Record<string, unknown> {
  let value: unknown;
  if (format === 'toml') value = JSON.parse(JSON.stringify(parseToml(text)));
  else if (format === 'json') value = JSON.parse(text);
  // maxAliasCount caps "billion laughs" alias expansion; YAML 1.2 core keeps dates as strings.
  else value = parseYaml(text, { version: '1.2', schema: 'core', maxAliasCount: 100 });
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function formatOf(file: string): ConfigFormat {
  return file.endsWith('.toml') ? 'toml' : file.endsWith('.json') ? 'json' : 'yaml';
}

/** Text from a config value: a string, or `name` of an object ({ name: "Ada" }, as authors are often written). */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return textOf((value as Record<string, unknown>).name);
  return undefined;
}

/** A config value as a list of strings (a string is a list of one). */
/** A config table (a YAML mapping, a TOML table); {} for anything else. */
export function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function listOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A folder path from config: no leading "./" or "/", no trailing "/"; null when it climbs out. */
export function folderOf(value: string): string | null {
  const parts = value.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
  return parts.includes('..') ? null : parts.join('/');
}

/** Markdown files under a folder, counted to a cap (a section's size decides Hugo's main section). */
export function countMarkdown(files: BlogFiles, folder: string, cap = 10_000): number {
  let count = 0;
  const walk = (dir: string, depth: number) => {
    for (const entry of files.list(dir)) {
      if (count >= cap) return;
      if (entry.endsWith('/')) {
        if (depth < 8 && !entry.startsWith('.')) walk(`${dir}/${entry.slice(0, -1)}`, depth + 1);
      } else if (/\.(?:md|markdown)$/i.test(entry) && !/^_index\./i.test(entry)) count++;
    }
  };
  walk(folder, 0);
  return count;
}
