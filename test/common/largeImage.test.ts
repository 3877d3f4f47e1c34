// When the editor offers a smaller copy of a pasted image, and how big that copy is.
import { describe, expect, it } from 'vitest';
import { downscaledSize, isLargeImage, LARGE_IMAGE_BYTES } from '../../common/largeImage';

describe('large pasted images', () => {
  it('are those over 2 MB or over 2560 px on their longer side, portrait or landscape', () => {
    expect(isLargeImage({ bytes: LARGE_IMAGE_BYTES, width: 2560, height: 1440 })).toBe(false);
    expect(isLargeImage({ bytes: LARGE_IMAGE_BYTES + 1, width: 800, height: 600 })).toBe(true);
    expect(isLargeImage({ bytes: 500_000, width: 2561, height: 1000 })).toBe(true);
    expect(isLargeImage({ bytes: 500_000, width: 3024, height: 4032 })).toBe(true);
  });

  it('get a copy at most 2560 px on the longer side, never enlarged', () => {
    expect(downscaledSize({ bytes: 0, width: 3024, height: 4032 })).toEqual({ width: 1920, height: 2560 });
    expect(downscaledSize({ bytes: 0, width: 6000, height: 100 })).toEqual({ width: 2560, height: 43 });
    expect(downscaledSize({ bytes: 0, width: 1200, height: 900 })).toEqual({ width: 1200, height: 900 });
  });
});
