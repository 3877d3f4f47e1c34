// What a page's front matter says about the site's navigation, read the way
// each generator reads it: Hugo's `menu`/`menus` (a name, a list of names, or
// a map of menu → entry; gohugo.io/content-management/menus/#define-in-front-matter),
// Eleventy's `eleventyNavigation` (11ty.dev/docs/plugins/navigation/), and
// `weight`/`order`/`linkTitle`. Deciding the nav itself is common/site/nav.ts.
import type { NavClaim } from '../types';
import { fieldOf } from './keys';

/** Hugo's main menu, whose entries a theme shows in its header. */
const MAIN = 'main';

export function navClaimOf(data: Record<string, unknown>, titled: boolean): NavClaim | undefined {
  const claim: NavClaim = {};
  if (!titled) claim.untitled = true;
  const main = mainMenuEntry(fieldOf(data, 'menus') ?? fieldOf(data, 'menu'));
  if (main) claim.main = main;
  const eleventy = eleventyEntry(fieldOf(data, 'eleventyNavigation'));
  if (eleventy) claim.eleventy = eleventy;
  const weight = numberOf(fieldOf(data, 'weight')) ?? numberOf(fieldOf(data, 'order'));
  if (weight !== undefined) claim.weight = weight;
  const linkTitle = textOf(fieldOf(data, 'linkTitle'));
  if (linkTitle) claim.linkTitle = linkTitle;
  return Object.keys(claim).length > 0 ? claim : undefined;
}

/** `menu: main`, `menus: [main, footer]` or `menu: { main: { name, weight } }`: the main menu's entry, if any. */
function mainMenuEntry(value: unknown): NavClaim['main'] | undefined {
  if (typeof value === 'string') return value.trim().toLowerCase() === MAIN ? {} : undefined;
  if (Array.isArray(value)) return value.some((name) => typeof name === 'string' && name.trim().toLowerCase() === MAIN) ? {} : undefined;
  if (!isObject(value)) return undefined;
  // Hugo lower-cases menu names as it does every key.
  const key = Object.keys(value).find((name) => name.toLowerCase() === MAIN);
  if (key === undefined) return undefined;
  const entry = isObject(value[key]) ? value[key] : {};
  const found: NonNullable<NavClaim['main']> = {};
  const name = textOf(fieldOf(entry, 'name'));
  const weight = numberOf(fieldOf(entry, 'weight'));
  if (name) found.name = name;
  if (weight !== undefined) found.weight = weight;
  return found;
}

/** `eleventyNavigation: { key, title, order }` at the top level; the plugin shows `title`, else `key`. */
function eleventyEntry(value: unknown): NavClaim['eleventy'] | undefined {
  if (!isObject(value) || value.parent !== undefined) return undefined;
  const title = textOf(value.title) ?? textOf(value.key);
  if (!title) return undefined;
  const order = numberOf(value.order);
  return order === undefined ? { title } : { title, order };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);
/** A finite number, or a numeric string (YAML written by hand quotes them sometimes). */
function numberOf(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
