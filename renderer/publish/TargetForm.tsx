// Adding or editing one publish target: its name and kind, the kind's fields,
// Test Connection on what is typed (saved or not), and once saved its secrets.
import { useId, useState, type FormEvent } from 'react';
import { ApiError, type PublishOverview, type PublishTargetInfo, type SecretStoreInfo } from '../../common/api';
import { secretKeysFor, type PublishTargetConfig } from '../../common/publish';
import { TargetName } from '../../common/publishSettings';
import { useApi } from '../apiContext';
import { configOf, fieldsFor, problemsOf, targetTypes, valuesOf, type FieldSpec, type FieldValues, type TargetType } from './publishFields';
import { ConnectionTestResult, type TestState } from './ConnectionTestResult';
import { CredentialsGoTo } from './CredentialsGoTo';
import { SecretFields } from './SecretFields';
import './PublishDialogs.css';
import '../preferences/SettingsDialog.css';

interface TargetFormProps {
  /** The saved target being edited; null when adding one. */
  saved: PublishTargetInfo | null;
  store: SecretStoreInfo;
  taken: readonly string[];
  onSaved: (overview: PublishOverview, name: string) => void;
  onBack: () => void;
}

export function TargetForm({ saved, store, taken, onSaved, onBack }: TargetFormProps) {
  const api = useApi();
  const [name, setName] = useState(saved?.name ?? '');
  const [type, setType] = useState<TargetType>(saved?.config.type ?? 'git');
  const [values, setValues] = useState<FieldValues>(() => valuesOf(saved?.config ?? null));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'saved' | 'problem'; message: string } | null>(null);
  const [test, setTest] = useState<TestState | null>(null);
  const typeName = useId();

  const config = configOf(type, values);
  const problems = problemsOf(config);
  const nameProblem = !name.trim()
    ? 'must not be empty'
    : !TargetName.safeParse(name.trim()).success
      ? 'must be letters, digits, "-" or "_", starting with a letter or digit'
      : !saved && taken.includes(name.trim())
        ? 'is taken by another target'
        : null;
  const valid = !nameProblem && Object.keys(problems).length === 0;
  const targetName = name.trim();

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!valid || busy) return;
    setBusy(true);
    try {
      const overview = await api.publish.saveTarget(targetName, config);
      const credentials = secretKeysFor[type].length > 0 && !saved ? ' Set its credentials below.' : '';
      setStatus({ kind: 'saved', message: `Saved to postwright.json.${credentials}` });
      onSaved(overview, targetName);
    } catch (error) {
      setStatus({ kind: 'problem', message: ApiError.from(error).message });
    } finally {
      setBusy(false);
    }
  }

  async function testConnection() {
    setAttempted(true);
    if (!valid) return;
    setTest({ status: 'testing' });
    setTest({ status: 'done', result: await api.publish.test(targetName, config) });
  }

  const field = (spec: FieldSpec) => (
    <Field
      key={`${type}.${spec.key}`}
      spec={spec}
      value={values[spec.key]}
      problem={attempted ? problems[spec.key] : undefined}
      onChange={(value) => {
        setValues({ ...values, [spec.key]: value });
        setStatus(null);
        setTest(null);
      }}
    />
  );

  return (
    <form className="target-form" onSubmit={save} noValidate>
      <div className="target-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${typeName}-input`}>
            Name
          </label>
          <input
            id={`${typeName}-input`}
            value={name}
            readOnly={saved !== null}
            aria-invalid={attempted && nameProblem !== null}
            aria-describedby={`${typeName}-name`}
            autoFocus={saved === null}
            spellCheck={false}
            onChange={(event) => setName(event.target.value)}
          />
          <span id={`${typeName}-name`} className={attempted && nameProblem ? 'hint problem' : 'hint'}>
            {attempted && nameProblem ? `The name ${nameProblem}.` : saved ? 'Secrets and history are kept under this name.' : 'For example “pages” or “vps”.'}
          </span>
        </div>
        <fieldset className="setting-choice">
          <legend className="field-label">Kind</legend>
          <div className="segmented">
            {targetTypes.map((option) => (
              <label key={option.type} className="segment">
                <input
                  type="radio"
                  name={typeName}
                  value={option.type}
                  checked={type === option.type}
                  onChange={() => {
                    setType(option.type);
                    setTest(null);
                  }}
                />
                <span>{option.label}</span>
              </label>
            ))}
          </div>
          <span className="hint">{targetTypes.find((t) => t.type === type)!.hint}</span>
        </fieldset>
        {fieldsFor[type].map(field)}
        {Object.keys(problems).length === 0 && <CredentialsGoTo config={config as PublishTargetConfig} wide />}
        {attempted && problems[''] && (
          <p className="hint problem" role="alert">
            {problems['']}
          </p>
        )}
      </div>
      {test && (
        <ConnectionTestResult
          target={targetName}
          state={test}
          onConfirmAddress={async (address) => {
            try {
              await api.publish.trustEndpoint(targetName, address, config);
              await testConnection();
            } catch (error) {
              setTest({ status: 'done', result: { ok: false, error: ApiError.from(error).toJSON() } });
            }
          }}
          onDismiss={() => setTest(null)}
          onTrust={async (fingerprint) => {
            try {
              await api.publish.trustHostKey(targetName, fingerprint, config);
              await testConnection();
            } catch (error) {
              setTest({ status: 'done', result: { ok: false, error: ApiError.from(error).toJSON() } });
            }
          }}
        />
      )}
      {saved && saved.config.type === type && <SecretFields target={saved} store={store} onChange={(overview) => onSaved(overview, saved.name)} />}
      {status && (
        <p className={status.kind === 'saved' ? 'hint' : 'hint problem'} role={status.kind === 'saved' ? 'status' : 'alert'}>
          {status.message}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onBack}>
          Back to targets
        </button>
        <span className="spacer" />
        <button type="button" className="button" disabled={test?.status === 'testing'} onClick={() => void testConnection()}>
          Test connection
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}

function Field({ spec, value, problem, onChange }: { spec: FieldSpec; value: string | boolean | undefined; problem: string | undefined; onChange: (value: string | boolean) => void }) {
  const hintId = useId();
  const inputId = useId();
  if (spec.kind === 'checkbox') {
    return (
      <label className="check-field target-wide">
        <input type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} /> {spec.label}
      </label>
    );
  }
  const hint = problem ? `${spec.label} ${problem}.` : spec.hint;
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {spec.label}
        {spec.required ? '' : <span className="optional"> (optional)</span>}
      </label>
      <input
        id={inputId}
        value={typeof value === 'string' ? value : ''}
        inputMode={spec.kind === 'number' ? 'numeric' : undefined}
        placeholder={spec.placeholder}
        spellCheck={false}
        aria-invalid={problem !== undefined}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={hintId} className={problem ? 'hint problem' : 'hint'}>
          {hint}
        </span>
      )}
    </div>
  );
}
