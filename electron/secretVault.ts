// Where the app keeps publish secrets, one per workspace, target and key. The
// desktop app keeps them in the OS keychain (desktop/keychain.ts); the CLI and the
// browser bridge keep none and read the environment only.
import { ApiError } from '../common/errors';
import type { SecretKey, SecretStoreInfo } from '../common/publish';

export interface SecretScope {
  /** The workspace's folder: the same target name in two blogs is two secrets. */
  readonly workspace: string;
  readonly target: string;
  readonly key: SecretKey;
}

export interface SecretVault {
  info(): SecretStoreInfo;
  get(scope: SecretScope): Promise<string | undefined>;
  /** Whether a secret is stored, without decrypting it. */
  has(scope: SecretScope): Promise<boolean>;
  /** `allowPlainText`: the author's yes to storing it where the OS cannot encrypt it. */
  set(scope: SecretScope, value: string, options?: { allowPlainText?: boolean }): Promise<void>;
  clear(scope: SecretScope): Promise<void>;
  /** Forgets every secret of one target (it was removed). */
  clearTarget(workspace: string, target: string): Promise<void>;
}

/** The CLI's and the bridge's vault: nothing is stored, so secrets come from the environment. */
export function environmentVault(): SecretVault {
  return {
    info: () => ({ kind: 'environment', encrypted: false, plainTextAllowed: false }),
    get: async () => undefined,
    has: async () => false,
    set: async ({ target, key }) => {
      throw new ApiError(
        'unsupported',
        `Secrets can only be saved in the desktop app's keychain. To publish "${target}" from here, set the environment variable ${key} before starting postwright.`,
      );
    },
    clear: async () => {},
    clearTarget: async () => {},
  };
}
