// Groups block views into the chunks that each sandboxed frame shows.
//
// A frame is reloaded whenever its chunk changes, so chunks are small, and
// their boundaries depend only on nearby content (a block whose source hashes
// to 0 mod 16 ends a chunk), never on position: an edit that adds a block
// moves no boundary elsewhere, and every other frame keeps its document.
import type { BlockView } from './blockViews';

export interface Chunk {
  /** Index of its first and one past its last view. */
  start: number;
  end: number;
  /** The ids of its views: equal keys mean an equal document. */
  key: string;
}

/** A chunk closes early only after this much source, and always at this much. */
const MIN_CHARS = 800;
const MAX_CHARS = 6000;

export function chunksOf(views: readonly BlockView[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let chars = 0;
  for (let i = 0; i < views.length; i++) {
    const view = views[i]!;
    chars += view.key.length;
    const last = i === views.length - 1;
    if (last || chars >= MAX_CHARS || (chars >= MIN_CHARS && view.nodes.length > 0 && (hash(view.key) & 15) === 0)) {
      chunks.push({ start, end: i + 1, key: views.slice(start, i + 1).map((v) => v.id).join(',') });
      start = i + 1;
      chars = 0;
    }
  }
  return chunks;
}

/** FNV-1a over the key's last 64 characters: cheap and stable. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, key.length - 64); i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
