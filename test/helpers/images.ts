// Real image bytes for tests of pasting and serving images.

/** A valid 1×1 orange PNG. */
export const onePixelPngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4n8bwHwAGMgJlMwnCZQAAAABJRU5ErkJggg==';
export const onePixelPng = Buffer.from(onePixelPngBase64, 'base64');

/**
 * A phone photo as cameras write them, made with sharp: 4032×3024 stored
 * sideways (EXIF orientation 6, shown 3024×4032), with the camera's make and
 * a GPS position in its EXIF. Its texture is smooth noise, so it weighs a few
 * MB as a real photo does rather than the 30 MB raw noise would.
 */
export async function phonePhoto(width = 4032, height = 3024): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const texture = await sharp({ create: { width: width / 16, height: height / 16, channels: 3, background: '#7a8c5a', noise: { type: 'gaussian', mean: 128, sigma: 50 } } })
    .png()
    .toBuffer();
  return sharp(texture)
    .resize(width, height)
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '13/1 24/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}
