// The site's own pictures, made through the same image path as a post's:
// the link-preview image of postwright.json at card width, and the
// workspace's PNG favicon at icon sizes. Each is cached by content hash and
// never published bigger than the workspace's file (see images.ts). A file
// sharp cannot read, or an .ico, is published as it is.
import path from 'node:path';
import { DEFAULT_FAVICON, type SiteIcon } from '../../common/theme/site';
import { CARD, derivedFiles, FAVICON, heightAt, ImageStore, isResizable, TOUCH_ICON, type ImagePlan, type ImageRecord } from './images';
import type { siteImage, SiteFile } from './siteFiles';

/** A file the site publishes from the workspace or the image cache. */
export interface PictureFile {
  /** Its path in the site. */
  file: string;
  source: string;
  /** What it is, for the message when two files claim one path. */
  by: string;
}

export interface SitePictures {
  /** Site path of the link-preview picture, when postwright.json names a workspace image. */
  image?: string;
  icons: SiteIcon[];
  files: PictureFile[];
}

export async function sitePictures(image: Awaited<ReturnType<typeof siteImage>>, favicon: SiteFile | null, imageCache: string): Promise<SitePictures> {
  const store = new ImageStore(imageCache);
  /** The one file `plan` made of `file`, or null when it is published as it is. */
  const made = async (file: SiteFile, plan: ImagePlan): Promise<{ record: ImageRecord; picture: PictureFile } | null> => {
    const record = isResizable(file.relative) ? await store.load(file.source, plan) : 'failed';
    if (record === 'failed') return null;
    const [derived] = derivedFiles(file.relative, record);
    return { record, picture: { file: derived!.sitePath, source: path.join(imageCache, derived!.cacheName), by: `${derived!.sitePath} (${file.relative})` } };
  };
  const result: SitePictures = { icons: [], files: [] };

  if (image && 'file' in image) {
    const card = await made(image.file, CARD);
    const picture = card?.picture ?? { file: image.file.relative, source: image.file.source, by: `${image.file.relative} (the "image" of postwright.json)` };
    result.image = picture.file;
    result.files.push(picture);
  }

  if (!favicon) {
    result.icons.push({ rel: 'icon', path: DEFAULT_FAVICON, type: 'image/svg+xml' });
    return result;
  }
  const small = await made(favicon, FAVICON);
  if (!small) {
    result.icons.push({ rel: 'icon', path: favicon.relative, type: favicon.relative.endsWith('.png') ? 'image/png' : 'image/x-icon' });
    result.files.push({ file: favicon.relative, source: favicon.source, by: favicon.relative });
    return result;
  }
  const sizes = (record: ImageRecord) => `${record.fallback.width}x${heightAt(record, record.fallback.width)}`;
  result.icons.push({ rel: 'icon', path: small.picture.file, type: 'image/png', sizes: sizes(small.record) });
  result.files.push(small.picture);
  // A home-screen icon only from a favicon bigger than the tab's: it would be the same file.
  const touch = await made(favicon, TOUCH_ICON);
  if (touch && touch.picture.file !== small.picture.file) {
    result.icons.push({ rel: 'apple-touch-icon', path: touch.picture.file, type: 'image/png', sizes: sizes(touch.record) });
    result.files.push(touch.picture);
  }
  return result;
}
