// Images for the export, made with sharp: post images resized to a few widths
// for srcset, the site's link-preview picture at card width, the favicon at
// icon sizes. Orientation is applied and every other bit of metadata (EXIF
// with its GPS position, XMP, ICC names) is left out, since sharp writes none
// unless asked. The workspace's original is only read.
//
// Nothing made here is bigger than what it stands in for: at each width the
// smaller of WebP and the source's own format is kept (WebP loses to a small
// palette PNG, such as an icon), the source's own bytes are kept when they are
// already the right size, carry nothing to strip and are smaller than any
// encoding, and a narrower width is listed only when it is smaller in bytes
// than the next wider one.
//
// Derived files live in a cache folder under the source's content hash, with
// a small JSON record of what was made written last: a rebuild, or a second
// post showing the same picture, finds the record and does no image work.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path, { posix } from 'node:path';
import type { ImageAttributes } from '../../common/markdown/pipeline';
import { IMAGE_SIZES } from '../../common/theme/site';
import type { ImageIndex } from './imageIndex';

/** Formats resized here; others (GIF animations, AVIF, icons) are published as they are. */
const RESIZED = new Set(['.jpg', '.jpeg', '.png', '.webp']);

export const isResizable = (relative: string): boolean => RESIZED.has(posix.extname(relative).toLowerCase());

type Format = 'jpeg' | 'png' | 'webp';

/** What to make of a source image. */
export interface ImagePlan {
  /** Names the plan's record in the cache. */
  name: string;
  /** Widths to make, narrowest first; none above the original's. */
  widths: readonly number[];
  /** Offer WebP beside the source's format (link-preview crawlers and icon slots want PNG or JPEG). */
  webp: boolean;
  /** The widths bound the height too (a square icon slot). */
  square?: boolean;
}

/** A post image: srcset widths up to 2.5x the 40rem column. */
export const RESPONSIVE: ImagePlan = { name: 'srcset', widths: [480, 960, 1600], webp: true };
/** The link-preview picture: the 1200 px width Facebook and X recommend for large cards, in the source's format. */
export const CARD: ImagePlan = { name: 'card', widths: [1200], webp: false };
/** Favicon sizes: the 32 px tab icon and the 180 px iOS home-screen icon. */
export const FAVICON: ImagePlan = { name: 'icon32', widths: [32], webp: false, square: true };
export const TOUCH_ICON: ImagePlan = { name: 'icon180', widths: [180], webp: false, square: true };

/** One file made from a source. */
export interface Variant {
  width: number;
  format: Format;
}

/** What the cache keeps of one source image under one plan. */
export interface ImageRecord {
  /** Content hash of the source bytes. */
  hash: string;
  /** Upright size of the source, after orientation. */
  width: number;
  height: number;
  /** The srcset, narrowest first: each width in whichever format came out smaller. */
  sources: Variant[];
  /** The src: the widest, in the source's own format (feed readers and mail clients that lack WebP get this). */
  fallback: Variant;
}

/** A derived file: its name in the cache and in the site, beside the source. */
export interface DerivedFile {
  cacheName: string;
  sitePath: string;
}

const EXTENSIONS: Record<Format, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
/** Bumped when what a record means changes, so old records are made again. */
const RECORD_VERSION = 2;

export class ImageStore {
  /** Records by plan, source path, size and mtime, so an unchanged file is not even hashed twice in a build. */
  readonly #known = new Map<string, ImageRecord | 'failed'>();
  readonly #loading = new Map<string, Promise<ImageRecord | 'failed'>>();
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    readonly folder: string,
    /** Records by each source's size, mtime and inode from earlier builds: an unchanged file is not read. */
    private readonly index?: ImageIndex,
  ) {}

  /** The record of `source` if this store already read it ('failed' when sharp could not read it); for the synchronous render. */
  known(source: string, plan = RESPONSIVE): ImageRecord | 'failed' | undefined {
    return this.#known.get(statKey(source, plan));
  }

  /**
   * The record of `source`, from the cache or made now (resizing it). An image
   * sharp cannot read is 'failed': it is published as it is, as before.
   */
  async load(source: string, plan = RESPONSIVE): Promise<ImageRecord | 'failed'> {
    const key = statKey(source, plan);
    const seen = this.#known.get(key);
    if (seen) return seen;
    // The preview asks for an image and its files at once: one of them makes it, the others wait.
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#read(source, plan).catch(() => 'failed' as const);
      this.#loading.set(key, loading);
    }
    const record = await loading;
    this.#known.set(key, record);
    this.#loading.delete(key);
    return record;
  }

  async #read(source: string, plan: ImagePlan): Promise<ImageRecord> {
    // Stated before the read: a file that changes in between has other stats next time, and is read again.
    const stats = this.index && fs.statSync(source);
    const indexed = stats && this.index!.get(plan.name, source, stats);
    if (indexed) return indexed;
    const bytes = fs.readFileSync(source);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const recordFile = path.join(this.folder, `${hash}.${plan.name}.json`);
    let record = readRecord(recordFile, hash);
    if (!record) {
      // One image at a time: each sharp pipeline holds one of libuv's four threads, which the workspace's
      // file reads and writes share, so a preview resizing a few photos must not stall a save.
      const made = this.#turn.then(() => derive(bytes, hash, plan, this.folder));
      // This image's error reaches its caller through `made`; the next image only waits for the turn to end.
      this.#turn = made.catch(() => undefined);
      record = await made;
      writeAside(recordFile, JSON.stringify({ version: RECORD_VERSION, ...record }));
    }
    if (stats) this.index!.set(plan.name, source, stats, record);
    return record;
  }
}

/** Every file made from `record` of the image at site path `relative`: the srcset's and the fallback, each once. */
export function derivedFiles(relative: string, record: ImageRecord): DerivedFile[] {
  const variants = [...record.sources];
  if (!variants.some((v) => sameVariant(v, record.fallback))) variants.push(record.fallback);
  return variants.map((v) => derivedFile(relative, record, v));
}

/** The img attributes for `record`, with `href` turning a site path into a link. No srcset when it would only name the src again. */
export function imageAttributes(relative: string, record: ImageRecord, href: (sitePath: string) => string): { src: string; attributes: ImageAttributes } {
  const { fallback, sources } = record;
  const sized: ImageAttributes = { width: fallback.width, height: heightAt(record, fallback.width) };
  const alone = sources.length === 1 && sameVariant(sources[0]!, fallback);
  return {
    src: href(derivedFile(relative, record, fallback).sitePath),
    attributes: alone ? sized : { ...sized, srcset: sources.map((v) => `${href(derivedFile(relative, record, v).sitePath)} ${v.width}w`).join(', '), sizes: IMAGE_SIZES },
  };
}

/** The height of `record`'s picture shown `width` wide. */
export const heightAt = (record: ImageRecord, width: number): number => Math.max(1, Math.round((record.height * width) / record.width));

function derivedFile(relative: string, record: ImageRecord, variant: Variant): DerivedFile {
  const stem = relative.slice(0, relative.length - posix.extname(relative).length);
  return { cacheName: cacheName(record.hash, variant), sitePath: `${stem}.${record.hash.slice(0, 10)}-${variant.width}.${EXTENSIONS[variant.format]}` };
}

/** The name of a derived file in the cache folder. */
export const cacheName = (hash: string, { width, format }: Variant): string => `${hash}-${width}.${EXTENSIONS[format]}`;

/** MIME type of a derived file. */
export const typeOf = ({ format }: Variant): string => `image/${format}`;

/** Writes beside and renames: a build and the preview making the same file never read half of it. */
function writeAside(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temp, data);
  fs.renameSync(temp, file);
}

const sameVariant = (a: Variant, b: Variant): boolean => a.width === b.width && a.format === b.format;

function statKey(source: string, plan: ImagePlan): string {
  const stats = fs.statSync(source);
  return `${plan.name}\0${source}\0${stats.size}\0${Math.floor(stats.mtimeMs)}`;
}

function readRecord(file: string, hash: string): ImageRecord | null {
  try {
    const { version, ...record } = JSON.parse(fs.readFileSync(file, 'utf8')) as ImageRecord & { version?: number };
    return version === RECORD_VERSION && record.hash === hash ? record : null;
  } catch {
    return null;
  }
}

/** The source as sharp reads it: upright size, format, and whether its bytes could be published as they are. */
interface Source {
  bytes: Buffer;
  width: number;
  height: number;
  format: Format;
  /** Upright already and without EXIF, XMP, IPTC or text chunks: nothing to strip. */
  clean: boolean;
}

/** An encoding (or the source's own bytes) at one width. */
interface Made extends Variant {
  data: Buffer;
}

async function derive(bytes: Buffer, hash: string, plan: ImagePlan, folder: string): Promise<ImageRecord> {
  const { default: sharp } = await import('sharp');
  const meta = await sharp(bytes, { failOn: 'error' }).metadata();
  if (!meta.width || !meta.height) throw new Error('the image has no size');
  // EXIF orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const [width, height] = turned ? [meta.height, meta.width] : [meta.width, meta.height];
  const format: Format = meta.format === 'jpeg' || meta.format === 'png' || meta.format === 'webp' ? meta.format : 'png';
  const clean = meta.format === format && (meta.orientation ?? 1) === 1 && !meta.exif && !meta.xmp && !meta.iptc && !meta.comments?.length;
  const source: Source = { bytes, width, height, format, clean };

  // A square slot bounds the longer side; otherwise the width alone.
  const scale = (bound: number) => Math.min(1, bound / (plan.square ? Math.max(width, height) : width));
  const widths = [...new Set(plan.widths.map((bound) => Math.max(1, Math.round(width * scale(bound)))))].sort((a, b) => a - b);
  const widest = widths.at(-1)!;
  const encode = (to: number, as: Format): Promise<Made> => {
    // .rotate() with no angle applies the EXIF orientation; sharp writes no metadata unless asked.
    const resized = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: to, withoutEnlargement: true });
    const encoded = as === 'webp' ? resized.webp({ quality: 80 }) : as === 'jpeg' ? resized.jpeg({ quality: 82, mozjpeg: true }) : resized.png({ compressionLevel: 9, palette: true, quality: 90 });
    return encoded.toBuffer().then((data) => ({ width: to, format: as, data }));
  };
  /** The smallest of `formats` at width `to`, the source's own bytes included when they would do. */
  const smallest = async (to: number, formats: Format[]): Promise<Made> => {
    const made: Made[] = [];
    for (const as of formats) made.push(await encode(to, as));
    if (to === source.width && source.clean && formats.includes(source.format)) made.push({ width: to, format: source.format, data: source.bytes });
    return made.reduce((best, next) => (next.data.length < best.data.length ? next : best));
  };

  const fallback = await smallest(widest, [format]);
  const offered: Format[] = plan.webp && format !== 'webp' ? [format, 'webp'] : [format];
  const sources: Made[] = [];
  let above = Infinity;
  for (const to of [...widths].reverse()) {
    const best = to === widest ? (offered.length > 1 ? smallestOf(fallback, await encode(to, 'webp')) : fallback) : await smallest(to, offered);
    // A narrower picture that is not smaller in bytes saves a reader nothing.
    if (best.data.length >= above) continue;
    sources.unshift(best);
    above = best.data.length;
  }

  for (const made of [fallback, ...sources]) writeAside(path.join(folder, cacheName(hash, made)), made.data);
  const variant = ({ width: w, format: f }: Made): Variant => ({ width: w, format: f });
  return { hash, width, height, sources: sources.map(variant), fallback: variant(fallback) };
}

const smallestOf = (a: Made, b: Made): Made => (b.data.length < a.data.length ? b : a);
