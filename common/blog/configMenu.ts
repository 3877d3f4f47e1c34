// The site menu a generator's config defines, as plain entries: Hugo's
// `[[menus.main]]` (or `[[menu.main]]`) with name/pageRef/url/weight/identifier
// (gohugo.io/configuration/menus/), and the header pages of Jekyll's default
// theme, minima: `header_pages` (minima 2.5) or `minima.nav_pages` (minima 3),
// page paths in the order the header shows them (github.com/jekyll/minima,
// _includes/header.html). Which entries the site shows is common/site/nav.ts.
import { fieldOf } from '../frontMatter/keys';
import type { ConfigMenuEntry } from './layout';
import { listOf } from './files';

/** Hugo's main menu from its config; null when the config defines none. */
export function hugoMenu(config: Record<string, unknown>): ConfigMenuEntry[] | null {
  const menus = fieldOf(config, 'menus') ?? fieldOf(config, 'menu');
  const main = isObject(menus) ? fieldOf(menus, 'main') : undefined;
  if (!Array.isArray(main)) return null;
  return main.filter(isObject).map((item) => {
    const entry: ConfigMenuEntry = {};
    const name = text(fieldOf(item, 'name'));
    const page = text(fieldOf(item, 'pageRef'));
    const url = text(fieldOf(item, 'url'));
    const weight = fieldOf(item, 'weight');
    const identifier = text(fieldOf(item, 'identifier'));
    if (name) entry.name = name;
    if (page) entry.page = page;
    else if (url) entry.url = url;
    if (typeof weight === 'number' && Number.isFinite(weight)) entry.weight = weight;
    if (identifier) entry.identifier = identifier;
    return entry;
  });
}

/** minima's header pages from `_config.yml`; null when it names none (minima then lists every titled page). */
export function jekyllMenu(config: Record<string, unknown>): ConfigMenuEntry[] | null {
  const minima = config.minima;
  const listed = config.header_pages ?? (isObject(minima) ? minima.nav_pages : undefined);
  if (listed === undefined || listed === null) return null;
  return listOf(listed).map((page) => ({ page: page.trim() }));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
