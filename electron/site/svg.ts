// An SVG file made safe to publish: DOMPurify with its SVG profile (no script,
// no event handlers, no foreignObject HTML), as the post sanitizer does for HTML.
import { createRequire } from 'node:module';
import createDOMPurify from 'dompurify';

const load = createRequire(import.meta.url);
let purify: ReturnType<typeof createDOMPurify> | undefined;

export function sanitizeSvg(svg: string): string {
  if (!purify) {
    // jsdom loads slowly; most builds copy no SVG.
    const { JSDOM } = load('jsdom') as typeof import('jsdom');
    purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
  }
  const clean = purify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${clean}`;
}
