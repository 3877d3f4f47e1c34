// Is this the SSH server we trusted before? The server's host key is checked
// against known_hosts files the way OpenSSH does: plain host patterns (with
// `*`, `?` and `!`), `[host]:port` for other ports, and hashed `|1|salt|hash`
// names (HMAC-SHA1 of the name, keyed by the salt). A new host is trusted only
// when the author says so; a changed key is always refused.
//
// Read here with node:crypto rather than by running `ssh-keygen -F`: that
// finds the lines naming a host but still leaves comparing the keys to us, and
// costs a process per connection on a tool Windows and macOS may lack on PATH.
import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import type { HostKeyPolicy } from './types';

/** A key as OpenSSH prints it: `SHA256:` and the unpadded base64 of the key blob's SHA-256. */
/**
 * The known_hosts files a publish trusts: the author's own, read only, and
 * Postwright's, in its data folder, where keys the author accepted are added
 * (one file for the CLI and `postwright serve`, which share that folder).
 */
export function hostKeyFiles(dataDir: string): Omit<HostKeyPolicy, 'acceptNew'> {
  return { knownHosts: [path.join(homedir(), '.ssh', 'known_hosts')], trustedHostsFile: path.join(dataDir, 'known_hosts') };
}

export function fingerprintOf(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named at the start of an SSH public key blob (`ssh-ed25519`, `ssh-rsa`…). */
export function keyTypeOf(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return '';
  const length = keyBlob.readUInt32BE(0);
  return keyBlob.subarray(4, 4 + length).toString('latin1');
}

/** How known_hosts names a host: the bare name on port 22, `[host]:port` on any other. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

interface KnownKey {
  readonly file: string;
  readonly line: number;
  readonly type: string;
  readonly blob: Buffer;
  readonly revoked: boolean;
}

/**
 * Trusts the key or throws ApiError('host-key'). `target` names the publish
 * target in the message. A new host's key is appended to the policy's
 * trustedHostsFile when `acceptNew` is set.
 */
export async function verifyHostKey(host: string, port: number, keyBlob: Buffer, policy: HostKeyPolicy, target: string): Promise<void> {
  const name = hostEntryName(host, port);
  const fingerprint = fingerprintOf(keyBlob);
  const type = keyTypeOf(keyBlob);
  const known = (await Promise.all([...policy.knownHosts, policy.trustedHostsFile].map((file) => keysFor(file, name)))).flat();

  const revoked = known.find((key) => key.revoked && key.blob.equals(keyBlob));
  if (revoked) {
    throw new ApiError('host-key', `${target}: the server ${name} offered the ${type} key ${fingerprint}, which ${revoked.file}:${revoked.line} marks as revoked. Publishing stopped; ask the server's administrator.`);
  }
  const trusted = known.filter((key) => !key.revoked);
  if (trusted.some((key) => key.blob.equals(keyBlob))) return;

  const changed = trusted.find((key) => key.type === type);
  if (changed) {
    throw new ApiError(
      'host-key',
      `${target}: the host key of ${name} has CHANGED: it is now the ${type} key ${fingerprint}, not the one in ${changed.file}:${changed.line}. ` +
        'Someone may be intercepting the connection (or the server was reinstalled). Publishing stopped. ' +
        `If the server's administrator confirms the new fingerprint, remove line ${changed.line} of ${changed.file} and publish again.`,
    );
  }

  if (!policy.acceptNew) {
    const others = trusted.length ? ` (known_hosts holds only a ${[...new Set(trusted.map((key) => key.type))].join(', ')} key for it)` : '';
    throw new ApiError(
      'host-key',
      `${target}: the server ${name} is not yet trusted${others}. Its ${type} key fingerprint is ${fingerprint}. ` +
        "Check it with the server's administrator, then run with --accept-host-key or accept it in the app.",
    );
  }
  await mkdir(path.dirname(policy.trustedHostsFile), { recursive: true });
  await appendFile(policy.trustedHostsFile, `${name} ${type} ${keyBlob.toString('base64')}\n`, { mode: 0o600 });
}

/** The keys a known_hosts file holds for `name`; a missing file holds none. */
async function keysFor(file: string, name: string): Promise<KnownKey[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ApiError('io', `Cannot read the known hosts file ${file}: ${(error as Error).message}`);
  }
  const keys: KnownKey[] = [];
  text.split('\n').forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (!fields[0] || fields[0].startsWith('#')) return;
    const marker = fields[0].startsWith('@') ? fields.shift() : undefined;
    // Certificate authorities sign host certificates, which we do not ask for.
    if (marker === '@cert-authority') return;
    const [patterns, type, base64] = fields;
    if (!patterns || !type || !base64 || !namesHost(patterns, name)) return;
    keys.push({ file, line: index + 1, type, blob: Buffer.from(base64, 'base64'), revoked: marker === '@revoked' });
  });
  return keys;
}

/** Whether a known_hosts host field (comma-separated patterns, or one hashed name) covers `name`. */
export function namesHost(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [salt, hash] = field.slice(3).split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let matched = false;
  for (const pattern of field.split(',')) {
    const negated = pattern.startsWith('!');
    if (!globMatches(negated ? pattern.slice(1) : pattern, name)) continue;
    // A matching negation rules the host out whatever else matches.
    if (negated) return false;
    matched = true;
  }
  return matched;
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}
