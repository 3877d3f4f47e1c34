// Which values an attribute on an SVG element may keep. SVG presentation
// attributes (fill, stroke, mask, clip-path, filter, marker-*, cursor…) are
// CSS values, and CSS can fetch: `fill="url(https://host/x.svg#p)"` or
// `mask="image-set('//host/m.png')"` make the browser request another host
// while the author writes, and on every reader's visit. A post keeps only
// what fetches nothing: plain values, colour and transform functions, and
// `url(#id)` pointing into the same document (a gradient, a marker).
import { placeOf } from './urls';

/** CSS functions that compute a value and load nothing. */
const inertFunctions = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix',
  'matrix', 'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'rotate', 'skewx', 'skewy',
  'calc', 'min', 'max', 'clamp',
]);

/** The whole value is one `url(…)`; its argument, unquoted. */
const singleUrl = /^\s*url\(\s*(["']?)([^"'()\\\s]*)\1\s*\)\s*$/i;

/** True when an SVG attribute's value loads nothing, or only from the same document. */
export function svgValueStaysHome(value: string): boolean {
  if (!value.includes('(') && !value.includes('\\')) return true;
  const url = singleUrl.exec(value);
  if (url) return placeOf(url[2]!)?.place === 'fragment';
  // A CSS escape can spell any function name ("\75 rl("): nothing a drawing needs.
  if (value.includes('\\')) return false;
  return [...value.matchAll(/([\w-]*)\s*\(/g)].every(([, name]) => inertFunctions.has(name!.toLowerCase()));
}
