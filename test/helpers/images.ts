// Real image bytes for tests of pasting and serving images.

/** A valid 1×1 orange PNG. */
export const onePixelPngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4n8bwHwAGMgJlMwnCZQAAAABJRU5ErkJggg==';
export const onePixelPng = Buffer.from(onePixelPngBase64, 'base64');
