// A post's images: saving a pasted or dropped image (or, by the author's
// choice, its smaller copy) into the post's assets folder, and finding an
// image for the preview's asset route.
//
// The name an image arrives with is never trusted: it is slugified (no path
// separators, no "..", no control characters), its extension comes from the
// bytes, and an existing file is never replaced (a free "-2", "-3"… is taken),
// unless it holds the very same bytes: the same image pasted twice is one file.
import { mkdir, readFile, stat } from 'node:fs/promises';
import path, { posix } from 'node:path';
import { ApiError } from '../../common/errors';
import { slugify } from '../../common/slug';
import { downscaleImage } from './downscale';
import { writeAtomic } from './files';
import { assetsFolderOf } from './names';
import { isSkippedTarget } from './linkTargets';
import { code, resolveInside } from './paths';

/** Larger images are refused: a post is read on the web, and the bridge carries base64 JSON. */
export const MAX_ASSET_BYTES = 25 * 1024 * 1024;

/** Image types the preview serves, by extension. SVG is served too, under a sandboxing CSP. */
export const imageTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The raster type of `bytes` from its signature, or null when it is not an image we take. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpg' | 'gif' | 'webp' | 'avif' | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 8 && ascii(1, 4) === 'PNG' && bytes[0] === 0x89) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(8, 12))) return 'avif';
  return null;
}

/** "Screen Shot 2024-05-01 at 10.00.png" → "screen-shot-2024-05-01-at-10-00"; unusable names → "image-20240501-100000". */
export function assetBaseName(original: string, now: Date): string {
  const stem = original.replace(/\.[^.]*$/, '');
  const slug = slugify(stem).slice(0, 60).replace(/-+$/, '');
  if (slug) return slug;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `image-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

export interface AddedAsset {
  /** Workspace-relative path of the new file. */
  path: string;
  /** The link to put in the post: relative to the post's folder, URL-encoded. */
  link: string;
}

export interface AddOptions {
  /** Save the smaller copy (see downscale.ts) instead of the bytes as given: the author chose it. */
  downscale?: boolean;
}

/** Saves `bytes` (or their smaller copy) as a new image beside the post at `postRelative`. */
export async function addAsset(root: string, postRelative: string, fileName: string, given: Uint8Array, options: AddOptions = {}, now = new Date()): Promise<AddedAsset> {
  let bytes = given;
  if (bytes.length > MAX_ASSET_BYTES) {
    throw new ApiError('invalid-arguments', `The image is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; images up to 25 MiB can be added. Resize it and try again.`);
  }
  const ext = sniffImage(bytes);
  if (!ext) throw new ApiError('unsupported', `"${fileName.slice(0, 80)}" is not a PNG, JPEG, GIF, WebP or AVIF image, so it was not added.`);
  if (options.downscale) bytes = await downscaleImage(bytes, fileName);
  const folder = assetsFolderOf(postRelative) ?? posix.dirname(postRelative);
  const postFolder = posix.dirname(postRelative);
  const base = assetBaseName(fileName, now);
  for (let n = 1; n <= 1000; n++) {
    const name = `${n === 1 ? base : `${base}-${n}`}.${ext}`;
    const relative = posix.join(folder, name);
    const target = await resolveInside(root, relative);
    await mkdir(path.dirname(target.real), { recursive: true }).catch((error: unknown) => {
      throw new ApiError('io', `Could not create the assets folder ${folder}: ${code(error) ?? String(error)}.`);
    });
    try {
      await writeAtomic(target.real, bytes, relative, { noClobber: true });
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'exists')) throw error;
      if (!(await holds(target.real, bytes))) continue;
    }
    const link = posix.relative(postFolder === '.' ? '' : postFolder, relative) || name;
    return { path: relative, link: link.split('/').map(encodeURIComponent).join('/') };
  }
  throw new ApiError('exists', `There are already 1000 images named ${base} in ${folder}; rename the file and try again.`);
}

/** Whether the file at `real` has exactly `bytes` (read only when the sizes agree). */
async function holds(real: string, bytes: Uint8Array): Promise<boolean> {
  const info = await stat(real).catch(() => null);
  if (!info?.isFile() || info.size !== bytes.length) return false;
  return Buffer.from(bytes).equals(await readFile(real));
}

export interface AssetFile {
  /** Where to read it (links resolved, inside the workspace). */
  real: string;
  contentType: string;
  size: number;
}

/** The image at a workspace-relative path, for the asset route; anything else, or anything a link leads to in a skipped place, is refused. */
export async function findAsset(root: string, relative: string, outputDir: string): Promise<AssetFile> {
  const inside = await resolveInside(root, relative);
  // The preview shows what the build would publish, so the build's rule for links holds here too.
  if (isSkippedTarget(root, inside.real, outputDir)) {
    throw new ApiError('forbidden', `${inside.relative} is a link into a folder Postwright never publishes (such as .git, .env or node_modules); the preview does not load it.`);
  }
  const type = imageTypes[posix.extname(inside.relative).slice(1).toLowerCase()];
  if (!type) throw new ApiError('forbidden', `${inside.relative} is not an image; the preview only loads images from the workspace.`);
  const info = await stat(inside.real).catch(() => null);
  if (!info?.isFile()) throw new ApiError('not-found', `There is no image at ${inside.relative}.`);
  return { real: inside.real, contentType: type, size: info.size };
}

/** The `w` of an asset URL (a srcset width), or null for the original; anything but a plain width is refused. */
export function assetWidth(url: URL): number | null {
  const given = url.searchParams.get('w');
  if (given === null) return null;
  if (!/^[1-9]\d{0,4}$/.test(given)) throw new ApiError('invalid-arguments', `"${given.slice(0, 20)}" is not an image width.`);
  return Number(given);
}

/** Headers for every asset response: the type is fixed, and an SVG opened on its own runs nothing. */
export function assetHeaders(file: AssetFile): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'no-cache',
  };
}
