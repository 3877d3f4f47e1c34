// The caches in the cache folder (a check's facts, a publish's hashes) are written
// aside and renamed, so a crash never leaves half a file, and a failed write is
// dropped: it only costs the next run its head start.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` as JSON to `file`, whole or not at all; never throws. */
export function saveCacheFileSync(file: string, data: unknown): void {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, JSON.stringify(data));
    fs.renameSync(temp, file);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}
