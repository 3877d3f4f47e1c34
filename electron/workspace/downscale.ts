// The smaller copy of a pasted image, made when the author chooses it (see
// common/largeImage.ts for when the editor offers it): at most DOWNSCALE_SIDE
// on its longer side, in its own format, turned upright by its EXIF
// orientation, and without any metadata: sharp writes none unless asked, so
// a phone photo's GPS position, camera serial and XMP are left behind.
import { ApiError, errorMessage } from '../../common/errors';
import { DOWNSCALE_SIDE } from '../../common/largeImage';

export async function downscaleImage(bytes: Uint8Array, fileName: string): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  try {
    const { format } = await sharp(bytes, { failOn: 'error' }).metadata();
    const resized = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: DOWNSCALE_SIDE, height: DOWNSCALE_SIDE, fit: 'inside', withoutEnlargement: true });
    // PNG stays lossless: it is what screenshots and diagrams are pasted as, and their edges must stay sharp.
    if (format === 'jpeg') return await resized.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
    if (format === 'png') return await resized.png({ compressionLevel: 9 }).toBuffer();
    if (format === 'webp') return await resized.webp({ quality: 85 }).toBuffer();
  } catch (error) {
    throw new ApiError('invalid-arguments', `"${fileName.slice(0, 80)}" could not be made smaller (${errorMessage(error)}); add the original instead, or resize it in an image editor.`);
  }
  throw new ApiError('unsupported', `Only JPEG, PNG and WebP images can be made smaller here; "${fileName.slice(0, 80)}" was not added.`);
}
