// The source map between the editor and the preview: for each top-level block
// with something on screen, its top in the editor and in the preview, both in
// pixels from the top of their scrolled content. Positions between anchors
// are interpolated, so scrolling either side moves the other smoothly.

export interface Anchor {
  editor: number;
  preview: number;
}

/**
 * Anchors from block tops, padded with the two ends. Blocks whose tops go
 * backwards on either side (an estimate not yet measured) are skipped, so
 * the map stays monotonic and can be read both ways.
 */
export function anchorsOf(blocks: readonly Anchor[], editorHeight: number, previewHeight: number): Anchor[] {
  const anchors: Anchor[] = [{ editor: 0, preview: 0 }];
  for (const block of blocks) {
    const last = anchors.at(-1)!;
    if (block.editor > last.editor && block.preview >= last.preview && block.editor < editorHeight && block.preview <= previewHeight) anchors.push(block);
  }
  const last = anchors.at(-1)!;
  if (editorHeight > last.editor && previewHeight >= last.preview) anchors.push({ editor: editorHeight, preview: previewHeight });
  return anchors;
}

/** Maps a position on one side to the other by linear interpolation between anchors. */
export function mapPosition(anchors: readonly Anchor[], y: number, from: 'editor' | 'preview'): number {
  const to = from === 'editor' ? 'preview' : 'editor';
  if (anchors.length === 0) return 0;
  let lo = 0;
  let hi = anchors.length - 1;
  if (y <= anchors[0]![from]) return anchors[0]![to];
  if (y >= anchors[hi]![from]) return anchors[hi]![to];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (anchors[mid]![from] <= y) lo = mid;
    else hi = mid;
  }
  const a = anchors[lo]!;
  const b = anchors[hi]!;
  const span = b[from] - a[from];
  return span <= 0 ? a[to] : a[to] + ((y - a[from]) / span) * (b[to] - a[to]);
}
