// The ids a `#fragment` may name in a post: headings, footnotes and the
// author's own anchors, as the rendered page has them.
import { markdown } from './markdown';

/** Every id="…" in rendered HTML. */
const idAttribute = /\sid="([^"]*)"/g;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

export function anchorsIn(body: string): Set<string> {
  const { html, headings } = markdown.render(body);
  const ids = new Set(headings.map((h) => h.id));
  for (const [, id] of html.matchAll(idAttribute)) ids.add(id!.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name]!));
  return ids;
}
