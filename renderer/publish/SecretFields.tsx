// A target's secrets in the Publish settings: each one's state ("Set in the
// keychain", "From the environment", "Not set"), never its value. A new value
// is typed into a password field and sent once; nothing is ever read back.
import { useId, useState } from 'react';
import { ApiError, type PublishOverview, type PublishTargetInfo, type SecretKey, type SecretStoreInfo } from '../../common/api';
import { useApi } from '../apiContext';

const labels: Record<SecretKey, string> = {
  AWS_ACCESS_KEY_ID: 'Access key ID',
  AWS_SECRET_ACCESS_KEY: 'Secret access key',
  AWS_SESSION_TOKEN: 'Session token (optional)',
  NETLIFY_AUTH_TOKEN: 'Personal access token',
  POSTWRIGHT_SFTP_PASSWORD: 'Password (when there is no key)',
  FLY_API_TOKEN: 'Fly API token (optional: flyctl’s own login otherwise)',
};

interface SecretFieldsProps {
  target: PublishTargetInfo;
  store: SecretStoreInfo;
  onChange: (overview: PublishOverview) => void;
}

export function SecretFields({ target, store, onChange }: SecretFieldsProps) {
  const keys = Object.keys(target.secrets) as SecretKey[];
  const [plainText, setPlainText] = useState(false);
  if (keys.length === 0) return null;
  const mayStore = store.kind === 'keychain' && (store.encrypted || store.plainTextAllowed || plainText);

  return (
    <fieldset className="secrets">
      <legend className="setting-label">Credentials</legend>
      {store.kind === 'environment' && (
        <p className="hint">
          This window is served by <code>postwright serve</code>, which keeps no secrets: set {keys.map((k) => <code key={k}>{k} </code>)}in the environment
          before starting it. The desktop app keeps them in your system’s keychain.
        </p>
      )}
      {store.kind === 'keychain' && !store.encrypted && (
        <div className="plain-text-warning" role="alert">
          <p className="plain-text-title">⚠ Secrets would NOT be encrypted on this computer</p>
          <p>
            No keychain (such as GNOME Keyring or KWallet) is running, so Postwright can only obfuscate what it stores: anyone who can read your files can
            read these secrets. Start a keychain and restart Postwright, or set the environment variables ({keys.join(', ')}) instead.
          </p>
          {!store.plainTextAllowed && (
            <label className="check-field">
              <input type="checkbox" checked={plainText} onChange={(event) => setPlainText(event.target.checked)} /> I understand: store secrets on this
              computer without encryption
            </label>
          )}
        </div>
      )}
      {keys.map((key) => (
        <SecretField key={key} name={target.name} secretKey={key} origin={target.secrets[key] ?? null} canStore={mayStore} allowPlainText={plainText} onChange={onChange} />
      ))}
    </fieldset>
  );
}

interface SecretFieldProps {
  name: string;
  secretKey: SecretKey;
  origin: PublishTargetInfo['secrets'][SecretKey] | null;
  canStore: boolean;
  allowPlainText: boolean;
  onChange: (overview: PublishOverview) => void;
}

function SecretField({ name, secretKey, origin, canStore, allowPlainText, onChange }: SecretFieldProps) {
  const api = useApi();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const stateId = useId();
  const state = origin === 'keychain' ? 'Set, in the keychain' : origin === 'environment' ? `From the environment (${secretKey})` : 'Not set';

  async function act(call: () => Promise<PublishOverview>) {
    setBusy(true);
    setProblem(null);
    try {
      onChange(await call());
      setValue('');
    } catch (error) {
      setProblem(ApiError.from(error).message);
    } finally {
      setBusy(false);
    }
  }

  const save = () => {
    if (value) void act(() => api.publish.setSecret(name, secretKey, value, allowPlainText ? { allowPlainText: true } : undefined));
  };

  return (
    <div className="secret">
      {canStore ? (
        <label className="field-label" htmlFor={inputId}>
          {labels[secretKey]}
        </label>
      ) : (
        <span className="field-label">{labels[secretKey]}</span>
      )}
      <span id={stateId} className={origin ? 'secret-state set' : 'secret-state'}>
        {state}
      </span>
      {canStore && (
        // Not a <form>: it sits inside the target's form, and forms do not nest.
        <div className="secret-row">
          <input
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={origin === 'keychain' ? 'Type a new value to replace it' : ''}
            aria-describedby={stateId}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              save();
            }}
          />
          <button type="button" className="button" disabled={busy || !value} onClick={save}>
            Save
          </button>
          {origin === 'keychain' && (
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => api.publish.clearSecret(name, secretKey))}>
              Clear
            </button>
          )}
        </div>
      )}
      {problem && (
        <p className="hint problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
