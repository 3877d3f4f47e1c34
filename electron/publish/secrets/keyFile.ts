// Reading an SSH private key named by `keyFile` in postwright.json. The path
// comes from the workspace, so it may name anything: a FIFO that would block
// a plain read for ever, /dev/zero that never ends, a huge file. The file is
// opened without blocking (O_NONBLOCK: opening a FIFO for reading does not
// wait for a writer), checked with fstat on that same handle (no race with a
// swap of the path), and read only if it is a regular file of a key's size.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../common/errors';

/** OpenSSH's largest keys (16,384-bit RSA) are about 13 KB; no real key comes near this. */
export const MAX_KEY_BYTES = 64 * 1024;

/** The key's bytes; `label` names the target in errors. `~` is the home folder. */
export async function readKeyFile(keyFile: string, label: string): Promise<Buffer> {
  const file = /^~(?:[/\\]|$)/.test(keyFile) ? path.join(homedir(), keyFile.slice(1)) : keyFile;
  const fix = `Fix "keyFile" in the target's settings, or remove it to use the ssh agent.`;
  let handle;
  try {
    // O_NONBLOCK is POSIX; Windows has no FIFOs to wait on, and Node leaves the constant undefined there.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ApiError(missing ? 'not-found' : 'io', `${label}: cannot read the key file ${file}${missing ? ': it does not exist' : ''}. ${fix}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new ApiError('invalid-arguments', `${label}: the key file ${file} is not a regular file (it is a ${kindOf(stats)}). ${fix}`);
    if (stats.size > MAX_KEY_BYTES) {
      throw new ApiError('invalid-arguments', `${label}: the key file ${file} is ${stats.size.toLocaleString('en')} bytes, too large for an SSH key (at most ${MAX_KEY_BYTES / 1024} KiB). ${fix}`);
    }
    // Read at most one byte more than allowed, so a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(MAX_KEY_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_KEY_BYTES) throw new ApiError('invalid-arguments', `${label}: the key file ${file} is too large for an SSH key. ${fix}`);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'special file';
}
