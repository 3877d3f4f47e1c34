// Responsive images for the export, made with sharp. Each JPEG, PNG or WebP a
// post shows is resized to a few widths as WebP, plus one image in its own
// format at the largest width for the src fallback. Orientation is applied and
// every other bit of metadata (EXIF with its GPS position, XMP, ICC names) is
// left out, since sharp writes none unless asked. The workspace's original is
// only read.
//
// Derived files live in a cache folder under the source's content hash, with
// a small JSON record of sizes written last: a rebuild, or a second post
// showing the same picture, finds the record and does no image work at all.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path, { posix } from 'node:path';
import type { ImageAttributes } from '../../common/markdown/pipeline';

/** Widths made for srcset; none above the original's. */
export const WIDTHS = [480, 960, 1600] as const;
/** The column the theme sets text in (40rem): an image is never shown wider, so 1x needs at most this. */
export const SIZES = '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)';
/** Formats resized here; others (GIF animations, AVIF, icons) are published as they are. */
const RESIZED = new Set(['.jpg', '.jpeg', '.png', '.webp']);

export const isResizable = (relative: string): boolean => RESIZED.has(posix.extname(relative).toLowerCase());

type Format = 'jpeg' | 'png' | 'webp';

/** What the cache keeps of one source image. */
export interface ImageRecord {
  /** Content hash of the source bytes. */
  hash: string;
  /** Upright size, after orientation. */
  width: number;
  height: number;
  /** The fallback's format: the source's own. */
  format: Format;
  /** Widths of the WebP files; the fallback is at the last one. */
  widths: number[];
}

/** A derived file: its name in the cache and in the site, beside the source. */
export interface DerivedFile {
  cacheName: string;
  sitePath: string;
}

const EXTENSIONS: Record<Format, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

export class ImageStore {
  /** Records by source path, size and mtime, so an unchanged file is not even hashed twice in a build. */
  readonly #known = new Map<string, ImageRecord | 'failed'>();

  constructor(readonly folder: string) {}

  /** The record of `source` if this store already read it ('failed' when sharp could not read it); for the synchronous render. */
  known(source: string): ImageRecord | 'failed' | undefined {
    return this.#known.get(statKey(source));
  }

  /**
   * The record of `source`, from the cache or made now (resizing it). An image
   * sharp cannot read is 'failed': it is published as it is, as before.
   */
  async load(source: string): Promise<ImageRecord | 'failed'> {
    const key = statKey(source);
    const seen = this.#known.get(key);
    if (seen) return seen;
    const record = await this.#read(source).catch(() => 'failed' as const);
    this.#known.set(key, record);
    return record;
  }

  async #read(source: string): Promise<ImageRecord> {
    const bytes = fs.readFileSync(source);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const recordFile = path.join(this.folder, `${hash}.json`);
    let record = readRecord(recordFile, hash);
    if (!record) {
      record = await derive(bytes, hash, this.folder);
      fs.mkdirSync(this.folder, { recursive: true });
      const temp = `${recordFile}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(record));
      fs.renameSync(temp, recordFile);
    }
    return record;
  }
}

/** Every file made from `record` of the image at site path `relative`. */
export function derivedFiles(relative: string, record: ImageRecord): DerivedFile[] {
  const stem = relative.slice(0, relative.length - posix.extname(relative).length);
  const file = (width: number, format: Format) => {
    const name = `${record.hash}-${width}.${EXTENSIONS[format]}`;
    return { cacheName: name, sitePath: `${stem}.${record.hash.slice(0, 10)}-${width}.${EXTENSIONS[format]}` };
  };
  const largest = record.widths.at(-1)!;
  return [...record.widths.map((w) => file(w, 'webp')), ...(record.format === 'webp' ? [] : [file(largest, record.format)])];
}

/** The img attributes for `record`, with `href` turning a site path into a link. */
export function imageAttributes(relative: string, record: ImageRecord, href: (sitePath: string) => string): { src: string; attributes: ImageAttributes } {
  const files = derivedFiles(relative, record);
  const webp = files.slice(0, record.widths.length);
  const largest = record.widths.at(-1)!;
  return {
    src: href(files.at(-1)!.sitePath),
    attributes: {
      width: largest,
      height: Math.round((record.height * largest) / record.width),
      srcset: webp.map((f, i) => `${href(f.sitePath)} ${record.widths[i]}w`).join(', '),
      sizes: SIZES,
    },
  };
}

function statKey(source: string): string {
  const stats = fs.statSync(source);
  return `${source}\0${stats.size}\0${Math.floor(stats.mtimeMs)}`;
}

function readRecord(file: string, hash: string): ImageRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as ImageRecord;
    return record.hash === hash ? record : null;
  } catch {
    return null;
  }
}

async function derive(bytes: Buffer, hash: string, folder: string): Promise<ImageRecord> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  if (!meta.width || !meta.height) throw new Error('the image has no size');
  // EXIF orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const [width, height] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
  const format: Format = meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp' ? meta.format : 'png';
  const widths = [...new Set([...WIDTHS.filter((w) => w < width), Math.min(width, WIDTHS.at(-1)!)])];
  fs.mkdirSync(folder, { recursive: true });
  const write = async (to: number, as: Format) => {
    // .rotate() with no angle applies the EXIF orientation; sharp writes no metadata unless asked.
    const resized = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: to, withoutEnlargement: true });
    const encoded = as === 'webp' ? resized.webp({ quality: 80 }) : as === 'jpeg' ? resized.jpeg({ quality: 82, mozjpeg: true }) : resized.png({ compressionLevel: 9, palette: true, quality: 90 });
    await encoded.toFile(path.join(folder, `${hash}-${to}.${EXTENSIONS[as]}`));
  };
  for (const to of widths) await write(to, 'webp');
  if (format !== 'webp') await write(widths.at(-1)!, format);
  return { hash, width, height, format, widths };
}
