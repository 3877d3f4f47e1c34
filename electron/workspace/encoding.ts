// Bytes on disk ↔ the text the editor sees.
//
// The editor always gets UTF-8 text with LF line endings and no BOM. The
// file's own BOM and dominant line ending are read back from the bytes on disk
// at save time and re-applied, so a CRLF or BOM file keeps them byte for byte.
import { createHash } from 'node:crypto';
import { ApiError } from '../../common/errors';

export type LineEnding = '\n' | '\r\n';

export interface DiskFormat {
  bom: boolean;
  eol: LineEnding;
}

export interface DiskText extends DiskFormat {
  /** BOM stripped, CRLF turned into LF. */
  text: string;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Content hash of the bytes on disk: what a save must be based on. */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
}

export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Decodes strictly; a file that is not UTF-8 is refused, never "repaired" with U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, relative: string): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw notUtf8(bytes, relative);
  }
}

export function notUtf8(bytes: Uint8Array, relative: string): ApiError & { line: number } {
  const offset = firstInvalidUtf8(bytes);
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  const error = new ApiError(
    'not-utf8',
    `${relative} is not valid UTF-8 (first bad byte at offset ${offset}, line ${line}). ` +
      'Postwright left it untouched; convert it to UTF-8 to edit it here.',
  );
  return Object.assign(error, { line });
}

export function fromDisk(bytes: Uint8Array, relative: string): DiskText {
  const bom = hasBom(bytes);
  const raw = decodeUtf8(bom ? bytes.subarray(3) : bytes, relative);
  const eol = dominantLineEnding(raw);
  return { text: raw.includes('\r\n') ? raw.replace(/\r\n/g, '\n') : raw, bom, eol };
}

/** Re-applies a file's BOM and line ending to the editor's text. */
export function toDisk(text: string, format: DiskFormat): Buffer {
  const lf = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  const body = format.eol === '\r\n' ? lf.replace(/\n/g, '\r\n') : lf;
  const encoded = Buffer.from(body, 'utf8');
  return format.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encoded]) : encoded;
}

/** The format of a file, from its bytes; LF wins ties and files without line breaks. */
export function formatOf(bytes: Uint8Array): DiskFormat {
  let crlf = 0;
  let lf = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) {
    if (i > 0 && bytes[i - 1] === 13) crlf++;
    else lf++;
  }
  return { bom: hasBom(bytes), eol: crlf > lf ? '\r\n' : '\n' };
}

function dominantLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b === 0xe0) (need = 2), (min = 0xa0);
    else if (b === 0xed) (need = 2), (min = 0x80), (max = 0x9f);
    else if (b >= 0xe1 && b <= 0xef) (need = 2), (min = 0x80);
    else if (b === 0xf0) (need = 3), (min = 0x90);
    else if (b >= 0xf1 && b <= 0xf3) (need = 3), (min = 0x80);
    else if (b === 0xf4) (need = 3), (min = 0x80), (max = 0x8f);
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i; // the sequence that starts here is broken
    }
    i += need + 1;
  }
  return -1;
}
