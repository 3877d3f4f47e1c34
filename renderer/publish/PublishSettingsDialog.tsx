// File → Publish Settings…: the workspace's publish targets, when each last
// published, Test Connection for each, and adding, editing and removing them.
// Targets live in postwright.json; secrets in the keychain (SecretFields).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type PublishOverview, type PublishTargetInfo } from '../../common/api';
import { useApi } from '../apiContext';
import { describeTarget, targetTypes } from './publishFields';
import { lastPublishedLabel } from './publishFormat';
import { ConnectionTestResult, type TestState } from './ConnectionTestResult';
import { Dialog } from '../components/Dialog';
import { CredentialsGoTo } from './CredentialsGoTo';
import { ScheduleGithub } from './ScheduleGithub';
import { SiteAddressField } from './SiteAddressField';
import { TargetForm } from './TargetForm';
import './PublishDialogs.css';

/** `opened` tells one visit to the form from the next, so saving a new target keeps the form (and what it says) in place. */
type View = { kind: 'list' } | { kind: 'edit'; name: string | null; opened: number } | { kind: 'remove'; name: string };

export function PublishSettingsDialog({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const [overview, setOverview] = useState<PublishOverview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [tests, setTests] = useState<Record<string, TestState>>({});
  const addButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await api.publish.targets());
      setProblem(null);
    } catch (error) {
      setProblem(ApiError.from(error).message);
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const test = async (name: string) => {
    setTests((t) => ({ ...t, [name]: { status: 'testing' } }));
    const result = await api.publish.test(name);
    setTests((t) => ({ ...t, [name]: { status: 'done', result } }));
  };

  const find = (name: string | null) => overview?.targets.find((t) => t.name === name) ?? null;
  const title = view.kind === 'edit' ? (view.name ? `Edit “${view.name}”` : 'Add a publish target') : 'Publish settings';

  return (
    <Dialog title={title} onClose={onClose} className="publish-settings" initialFocus={addButton}>
      {problem && (
        <p className="hint problem" role="alert">
          {problem}
        </p>
      )}
      {view.kind === 'edit' && overview && (
        <TargetForm
          key={view.opened}
          saved={find(view.name)}
          store={overview.secretStore}
          taken={overview.targets.map((t) => t.name)}
          onSaved={(next, name) => {
            setOverview(next);
            if (view.name !== name) setView({ ...view, name });
          }}
          onBack={() => setView({ kind: 'list' })}
        />
      )}
      {view.kind === 'remove' && (
        <RemoveTarget
          name={view.name}
          onRemoved={(next) => {
            setOverview(next);
            setView({ kind: 'list' });
          }}
          onCancel={() => setView({ kind: 'list' })}
        />
      )}
      {view.kind === 'list' && (
        <>
          <SiteAddressField />
          {overview && overview.targets.length === 0 && (
            <p className="dialog-text">No publish targets yet. Add one, and the Publish button builds the site, checks it and uploads it in one click.</p>
          )}
          {overview && overview.targets.length > 0 && (
            <ul className="target-list" aria-label="Publish targets">
              {overview.targets.map((target) => (
                <TargetRow
                  key={target.name}
                  target={target}
                  test={tests[target.name]}
                  onTest={() => void test(target.name)}
                  onTrust={async (fingerprint) => {
                    try {
                      await api.publish.trustHostKey(target.name, fingerprint);
                      await test(target.name);
                    } catch (error) {
                      setTests((t) => ({ ...t, [target.name]: { status: 'done', result: { ok: false, error: ApiError.from(error).toJSON() } } }));
                    }
                  }}
                  onConfirmAddress={async (address) => {
                    try {
                      await api.publish.trustEndpoint(target.name, address);
                      await test(target.name);
                    } catch (error) {
                      setTests((t) => ({ ...t, [target.name]: { status: 'done', result: { ok: false, error: ApiError.from(error).toJSON() } } }));
                    }
                  }}
                  onDismissTest={() => setTests(({ [target.name]: _, ...rest }) => rest)}
                  onEdit={() => setView({ kind: 'edit', name: target.name, opened: Date.now() })}
                  onRemove={() => setView({ kind: 'remove', name: target.name })}
                />
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <button ref={addButton} type="button" className="button" disabled={!overview} onClick={() => setView({ kind: 'edit', name: null, opened: Date.now() })}>
              Add target…
            </button>
            <span className="spacer" />
            <button type="button" className="button primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

interface TargetRowProps {
  target: PublishTargetInfo;
  test: TestState | undefined;
  onTest: () => void;
  onTrust: (fingerprint: string) => Promise<void>;
  onConfirmAddress: (address: string) => Promise<void>;
  onDismissTest: () => void;
  onEdit: () => void;
  onRemove: () => void;
}

function TargetRow({ target, test, onTest, onTrust, onConfirmAddress, onDismissTest, onEdit, onRemove }: TargetRowProps) {
  const [scheduling, setScheduling] = useState(false);
  const kind = targetTypes.find((t) => t.type === target.config.type)!.label;
  const missing = Object.entries(target.secrets).filter(([key, origin]) => origin === null && key !== 'AWS_SESSION_TOKEN').length;
  return (
    <li className="target-row" aria-label={target.name}>
      <div className="target-summary">
        <span className="target-name">{target.name}</span>
        <span className="badge">{kind}</span>
        <span className="target-where" title={describeTarget(target.config)}>
          {describeTarget(target.config)}
        </span>
        <CredentialsGoTo config={target.config} />
        <span className="hint target-last">
          {lastPublishedLabel(target.last)}
          {missing > 0 && target.config.type !== 'sftp' && target.config.type !== 'fly' ? ` · ${missing === 1 ? 'a credential is' : 'credentials are'} not set` : ''}
        </span>
      </div>
      <div className="target-actions">
        <button type="button" className="quiet-button" aria-label={`Test connection to ${target.name}`} disabled={test?.status === 'testing'} onClick={onTest}>
          Test connection
        </button>
        <button type="button" className="quiet-button" aria-label={`Schedule ${target.name} on GitHub`} aria-expanded={scheduling} onClick={() => setScheduling(true)}>
          Schedule on GitHub…
        </button>
        <button type="button" className="quiet-button" aria-label={`Edit ${target.name}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="quiet-button" aria-label={`Remove ${target.name}`} onClick={onRemove}>
          Remove
        </button>
      </div>
      {test && <ConnectionTestResult target={target.name} state={test} onTrust={onTrust} onConfirmAddress={onConfirmAddress} onDismiss={onDismissTest} />}
      {scheduling && <ScheduleGithub target={target.name} onDismiss={() => setScheduling(false)} />}
    </li>
  );
}

function RemoveTarget({ name, onRemoved, onCancel }: { name: string; onRemoved: (overview: PublishOverview) => void; onCancel: () => void }) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div className="dialog-form">
      <p className="dialog-text">
        Remove the target “{name}”? Its settings leave postwright.json and its saved credentials leave the keychain. What it published stays online.
      </p>
      {problem && (
        <p className="hint problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button danger"
          onClick={async () => {
            try {
              onRemoved(await api.publish.removeTarget(name));
            } catch (error) {
              setProblem(ApiError.from(error).message);
            }
          }}
        >
          Remove
        </button>
      </div>
    </div>
  );
}
