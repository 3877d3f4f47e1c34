import { describe, expect, it } from 'vitest';
import { anchorsOf, mapPosition } from '../../../renderer/preview/sourceMap';

describe('source map', () => {
  const anchors = anchorsOf(
    [
      { editor: 100, preview: 300 },
      { editor: 400, preview: 500 },
      // Out of order (an unmeasured estimate): skipped, so the map stays monotonic.
      { editor: 350, preview: 900 },
      { editor: 800, preview: 1500 },
    ],
    1000,
    2000,
  );

  it('anchors block tops between the two ends, skipping ones that go backwards', () => {
    expect(anchors).toEqual([
      { editor: 0, preview: 0 },
      { editor: 100, preview: 300 },
      { editor: 400, preview: 500 },
      { editor: 800, preview: 1500 },
      { editor: 1000, preview: 2000 },
    ]);
  });

  it('maps each way by interpolating between anchors, and the two ways invert each other', () => {
    expect(mapPosition(anchors, 250, 'editor')).toBe(400);
    expect(mapPosition(anchors, 400, 'preview')).toBe(250);
    expect(mapPosition(anchors, 100, 'editor')).toBe(300);
    for (const y of [0, 37, 555, 999]) expect(mapPosition(anchors, mapPosition(anchors, y, 'editor'), 'preview')).toBeCloseTo(y);
    expect(mapPosition(anchors, -5, 'editor')).toBe(0);
    expect(mapPosition(anchors, 5000, 'preview')).toBe(1000);
    expect(mapPosition([], 10, 'editor')).toBe(0);
  });
});
