// When a pasted or dropped image is large enough that the editor offers a
// smaller copy before saving it into the workspace.
//
// The site never shows an image wider than 1600 px (srcset up to 2.5x the
// text column, see electron/site/images.ts), so 2560 px on the longer side
// leaves room for a wider theme or a crop later while a phone photo (4032 ×
// 3024) is cut to about 40 % of its pixels. 2 MB is well above what a 2560 px
// photo needs at JPEG quality 85 (the e2e test's 12-megapixel photo comes out
// at about 0.75 MB): a file above it carries pixels or an encoding nobody
// sees. Both count because a workspace is often a git
// repository, where every pasted photo stays for good, and because the
// browser bridge carries the bytes as base64 JSON.

/** Larger files get the offer. */
export const LARGE_IMAGE_BYTES = 2 * 1024 * 1024;
/** Longer sides above this get the offer; the smaller copy is at most this on its longer side. */
export const DOWNSCALE_SIDE = 2560;

/** Formats a smaller copy can be made of (in their own format); GIF and AVIF are added as they are. */
export const DOWNSCALABLE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export interface ImageFacts {
  bytes: number;
  /** Upright size in pixels. */
  width: number;
  height: number;
}

export function isLargeImage({ bytes, width, height }: ImageFacts): boolean {
  return bytes > LARGE_IMAGE_BYTES || Math.max(width, height) > DOWNSCALE_SIDE;
}

/** The size of the smaller copy: the longer side at DOWNSCALE_SIDE, never enlarged. */
export function downscaledSize({ width, height }: ImageFacts): { width: number; height: number } {
  const scale = Math.min(1, DOWNSCALE_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
