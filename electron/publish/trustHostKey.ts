// "Trust this server" in the app: the author was shown a fingerprint in a
// host-key error and said yes. Trusting whatever key the server shows next
// would let a server that changed its key in between slip through on a yes
// given to another key, so only the key with that fingerprint is kept.
import { createHash } from 'node:crypto';
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../common/errors';

/** A known_hosts line's key as OpenSSH fingerprints it. */
function lineFingerprint(line: string): string {
  const blob = Buffer.from(line.trim().split(/\s+/)[2] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * `connect` runs the target with acceptNew into a copy of our known_hosts
 * (what the sftp target appends there is `host type base64`); of what it
 * added, only the key with `fingerprint` is kept in the real file.
 */
export async function trustMatchingKey(
  name: string,
  fingerprint: string,
  policy: { trustedHostsFile: string },
  connect: (trialFile: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'postwright-hostkey-'));
  const trial = path.join(dir, 'known_hosts');
  try {
    // No trusted-hosts file yet (the first host trusted): the trial starts empty.
    await copyFile(policy.trustedHostsFile, trial).catch(() => {});
    const before = await readFile(trial, 'utf8').catch(() => '');
    // The key is checked before logging in, so a later failure (a wrong password) still leaves it recorded.
    const failure = await connect(trial).then(
      () => null,
      (error: unknown) => ApiError.from(error),
    );
    const added = (await readFile(trial, 'utf8').catch(() => before)).slice(before.length).split('\n').filter((line) => line.trim());
    const matching = added.filter((line) => lineFingerprint(line) === fingerprint);
    if (!matching.length) {
      if (failure && !added.length) throw failure;
      if (!added.length) return; // Already trusted.
      throw new ApiError(
        'host-key',
        `Target "${name}": the server now shows the key ${lineFingerprint(added[0]!)}, not the ${fingerprint} you accepted, so nothing was trusted. Check the fingerprint with the server's administrator.`,
      );
    }
    await mkdir(path.dirname(policy.trustedHostsFile), { recursive: true });
    await appendFile(policy.trustedHostsFile, `${matching.join('\n')}\n`, { mode: 0o600 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
