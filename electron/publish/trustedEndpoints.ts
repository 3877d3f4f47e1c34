// The addresses the author confirmed, on this computer, as places their publish
// credentials may go (an S3 endpoint, an SFTP server, a git remote). They are
// kept in the app's data folder, which the CLI and `postwright serve` share,
// never in the workspace: postwright.json may come from a stranger, and a
// confirmation it carried would be the stranger's, not the author's.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../common/errors';
import type { PublishTargetConfig } from '../../common/publish';
import { confirmationKey, credentialAddress } from '../../common/publishAddress';
import { writeAtomic } from '../workspace/files';
import { code } from '../workspace/paths';

/** Where confirmations are read, and whether this run trusts a new address anyway (`--trust-endpoint`). */
export interface EndpointPolicy {
  readonly file: string;
  readonly trustNew: boolean;
}

const Confirmed = z.object({ endpoints: z.array(z.string()) });

export function trustedEndpointsFile(dataDir: string): string {
  return path.join(dataDir, 'trusted-endpoints.json');
}

async function confirmed(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return [];
    throw new ApiError('io', `Cannot read the confirmed publish addresses in ${file} (${code(error) ?? String(error)}).`);
  }
  // A damaged file confirms nothing: the author is asked again, which is safe.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = Confirmed.safeParse(json);
  return parsed.success ? parsed.data.endpoints : [];
}

/**
 * Throws 'untrusted-endpoint' when `config` would send credentials to an
 * address the author has not confirmed here; the message names the address
 * between < and > (see untrustedAddress in common/publish.ts).
 */
export async function assertEndpointTrusted(name: string, config: PublishTargetConfig, policy: EndpointPolicy): Promise<void> {
  const { address, confirm } = credentialAddress(config);
  if (!confirm || policy.trustNew) return;
  if ((await confirmed(policy.file)).includes(confirmationKey(config))) return;
  throw new ApiError(
    'untrusted-endpoint',
    `Target "${name}" would send your credentials to <${address}>, which you have not confirmed on this computer. ` +
      'The address comes from postwright.json, which anyone who shared this blog could have written. ' +
      'If it is your server, confirm it in the app, or run postwright publish with --trust-endpoint.',
  );
}

/** Records the author's yes to `config`'s address. */
export async function trustEndpoint(config: PublishTargetConfig, file: string): Promise<void> {
  const key = confirmationKey(config);
  const endpoints = await confirmed(file);
  if (endpoints.includes(key)) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeAtomic(file, Buffer.from(`${JSON.stringify({ endpoints: [...endpoints, key] }, null, 2)}\n`), path.basename(file), { mode: 0o600 });
}
