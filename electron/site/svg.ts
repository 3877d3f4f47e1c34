// An SVG file made safe to publish: DOMPurify with its SVG profile (no script,
// no event handlers, no foreignObject HTML), as the post sanitizer does for HTML.
import createDOMPurify from 'dompurify';
import { domWindow } from './domWindow';

let purify: ReturnType<typeof createDOMPurify> | undefined;

export function sanitizeSvg(svg: string): string {
  // A DOMPurify of its own, on the thread's one jsdom window: its SVG settings are not the posts'.
  purify ??= createDOMPurify(domWindow());
  const clean = purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${clean}`;
}
