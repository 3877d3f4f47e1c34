// The desktop app's secret vault: Electron's safeStorage encrypts with a key
// the OS keychain holds (Keychain, DPAPI, libsecret or KWallet), and only the
// ciphertext, as base64, is kept in electron-store. On Linux without a keychain
// safeStorage falls back to `basic_text`, a fixed key that hides nothing: there
// no secret is stored until the author has said yes to that in so many words.
import type { SafeStorage } from 'electron';
import { ApiError } from '../../common/errors';
import type { SecretStoreInfo } from '../../common/publish';
import type { SecretScope, SecretVault } from '../secretVault';

/** The part of electron-store the vault uses (so the file name and folder stay main.ts's choice). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export type Encryption = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

const SECRETS = 'secrets';
const PLAIN_TEXT_ALLOWED = 'plainTextAllowed';

/** One entry per workspace, target and key; the folder path is not secret, and JSON keeps the parts apart. */
const entryKey = ({ workspace, target, key }: SecretScope) => JSON.stringify([workspace, target, key]);

export function keychain(safeStorage: Encryption, store: KeyValueStore, platform: NodeJS.Platform = process.platform): SecretVault {
  const entries = (): Record<string, string> => {
    const value = store.get(SECRETS);
    return typeof value === 'object' && value !== null ? { ...(value as Record<string, string>) } : {};
  };
  const save = (next: Record<string, string>) => store.set(SECRETS, next);
  // Asked each time: the backend is only known once the app is ready.
  const encrypted = () => platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  const info = (): SecretStoreInfo => ({ kind: 'keychain', encrypted: encrypted(), plainTextAllowed: store.get(PLAIN_TEXT_ALLOWED) === true });

  return {
    info,
    has: async (scope) => Object.hasOwn(entries(), entryKey(scope)),
    async get(scope) {
      const ciphertext = entries()[entryKey(scope)];
      if (ciphertext === undefined) return undefined;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(ciphertext, 'base64'));
        if (shouldReEncrypt) save({ ...entries(), [entryKey(scope)]: (await safeStorage.encryptStringAsync(result)).toString('base64') });
        return result;
      } catch {
        throw new ApiError(
          'auth-failed',
          `The saved ${scope.key} for "${scope.target}" can no longer be decrypted (the system keychain has changed). Set it again in Publish settings.`,
        );
      }
    },
    async set(scope, value, { allowPlainText = false } = {}) {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        throw new ApiError(
          'unsupported',
          `This system offers Postwright no keychain, so ${scope.key} for "${scope.target}" was not saved. Set the environment variable ${scope.key} before starting Postwright instead.`,
        );
      }
      if (!encrypted()) {
        if (!allowPlainText && !info().plainTextAllowed) {
          throw new ApiError(
            'forbidden',
            `No keychain (such as GNOME Keyring or KWallet) is running, so ${scope.key} for "${scope.target}" would be stored without real encryption; it was not saved. Start a keychain, or agree to store it unencrypted, or set the environment variable ${scope.key} instead.`,
          );
        }
        store.set(PLAIN_TEXT_ALLOWED, true);
      }
      const ciphertext = await safeStorage.encryptStringAsync(value);
      save({ ...entries(), [entryKey(scope)]: ciphertext.toString('base64') });
    },
    async clear(scope) {
      const next = entries();
      delete next[entryKey(scope)];
      save(next);
    },
    async clearTarget(workspace, target) {
      const next = entries();
      for (const key of Object.keys(next)) {
        const [w, t] = JSON.parse(key) as string[];
        if (w === workspace && t === target) delete next[key];
      }
      save(next);
    },
  };
}
