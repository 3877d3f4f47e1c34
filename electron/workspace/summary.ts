// What the post list shows for one file: front matter first, then what the
// file name and body imply (Jekyll dates, page-bundle slugs, first heading).
import { isUtf8 } from 'node:buffer';
import { countWords, countWordsUtf8 } from '../../common/words';
import {
  findFrontMatter,
  firstHeading,
  frontMatterData,
  frontMatterSettled,
  frontMatterTags,
  frontMatterText as text,
  isDraft,
  normalizeDate,
  parsePost,
} from '../../common/post';
import { fieldOf } from '../../common/frontMatter/keys';
import { navClaimOf } from '../../common/frontMatter/navClaim';
import type { FrontMatterError, PostSummary } from '../../common/types';
import { hasBom, notUtf8 } from './encoding';
import { baseName, dateFromPath, slugFromPath } from './names';

/** A post's summary from its text (as the editor has it). */
export function summarize(id: string, relative: string, text: string, modified: number): PostSummary {
  const { data, body, error } = parsePost(text);
  return build(id, relative, data, countWords(body), () => body, modified, error);
}

/** Enough of the file's start to hold ordinary front matter; longer ones take the slow path. */
const HEAD_BYTES = 1024;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A post's summary from its bytes on disk, for the list: validates UTF-8,
 * decodes only the first KiB (the front matter) and counts words on the
 * bytes. Decoding 10,000 whole posts to strings is what made listing slow.
 */
export function summarizeBytes(id: string, relative: string, bytes: Uint8Array, modified: number): PostSummary {
  if (!isUtf8(bytes)) {
    const { message, line } = notUtf8(bytes, relative);
    return build(id, relative, {}, 0, () => '', modified, { message, line });
  }
  const start = hasBom(bytes) ? 3 : 0;
  let headEnd = Math.min(bytes.length, start + HEAD_BYTES);
  while (headEnd < bytes.length && (bytes[headEnd]! & 0xc0) === 0x80) headEnd--; // not inside a character
  const whole = headEnd === bytes.length;
  const head = decoder.decode(bytes.subarray(start, headEnd));
  const block = findFrontMatter(head);
  const settled = whole || frontMatterSettled(head, block);
  if (!settled) return summarize(id, relative, decoder.decode(bytes.subarray(start)), modified); // huge front matter
  const { data, error } = frontMatterData(head, block);
  const bodyByte = start + Buffer.byteLength(head.slice(0, block.bodyStart), 'utf8');
  const body = () => decoder.decode(bytes.subarray(bodyByte));
  return build(id, relative, data, countWordsUtf8(bytes, bodyByte), body, modified, error);
}

/** A file whose bytes could not be read (too large): listed by its name. */
export function summarizeUnreadable(id: string, relative: string, modified: number, error: FrontMatterError): PostSummary {
  return build(id, relative, {}, 0, () => '', modified, error);
}

function build(
  id: string,
  relative: string,
  data: Record<string, unknown>,
  words: number,
  body: () => string,
  modified: number,
  error: FrontMatterError | undefined,
): PostSummary {
  const field = (name: string) => fieldOf(data, name);
  const summary: PostSummary = {
    id,
    path: relative,
    title: text(field('title')) || firstHeading(body()) || baseName(relative),
    // Hugo's publishDate stands in for a missing date.
    date: normalizeDate(field('date')) ?? normalizeDate(field('publishDate')) ?? dateFromPath(relative),
    tags: frontMatterTags(field('tags')),
    draft: isDraft(data),
    slug: text(field('slug')) || slugFromPath(relative),
    description: text(field('description')) || text(field('summary')) || text(field('excerpt')),
    words,
    modified: Math.floor(modified),
  };
  // Optional fields stay absent when unset, so summaries (and the list cache) of most posts keep their shape.
  const author = text(data.author);
  const image = text(data.image) || text(data.cover);
  const updated = normalizeDate(data.updated) ?? normalizeDate(data.lastmod);
  if (author) summary.author = author;
  if (image) summary.image = image;
  if (updated) summary.updated = updated;
  if (error) summary.error = error;
  const categories = frontMatterTags(field('categories') ?? field('category'));
  if (categories.length > 0) summary.categories = categories;
  const permalink = text(field('permalink')) || text(field('url'));
  if (permalink) summary.permalink = permalink;
  // Hugo's expiryDate (also expirydate, unpublishdate): after it, the post is no longer published.
  const expires = normalizeDate(field('expiryDate')) ?? normalizeDate(field('unpublishDate'));
  if (expires) summary.expires = expires;
  const aliases = [field('aliases'), field('redirect_from')].flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.map(text) : []));
  if (aliases.length > 0) summary.aliases = aliases.filter((alias) => alias !== '');
  if (!text(field('slug'))) summary.fileSlug = true;
  const nav = navClaimOf(data, text(field('title')) !== '');
  if (nav) summary.nav = nav;
  return summary;
}
