// Digests of a built file in the algorithms hosts use to compare content:
// Netlify's SHA-1, the MD5 of an S3 ETag. Streamed, so a large asset is never
// read into memory just to be hashed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

export async function digestOf(siteDir: string, relative: string, algorithm: 'md5' | 'sha1'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path.join(siteDir, ...relative.split('/')))) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
