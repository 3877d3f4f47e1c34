// The publish in progress and its result, in a panel under the editor (the
// author may keep writing): the phase, a bar, files and bytes, Cancel; then
// what each target uploaded and deleted, with the site's address; or, per
// target, what went wrong and what to do, including the host-key question.
import { useEffect, useRef } from 'react';
import type { PublishOutcome } from '../../common/api';
import type { ErrorData } from '../../common/errors';
import { hostKeyFingerprint, untrustedAddress } from '../../common/publish';
import { count, phaseLabel, progressCounts, scheduledLabel, uploadedAndDeleted } from './publishFormat';
import type { PublishRun, PublishRunState } from './publishRun';
import { useStore } from '../store';
import { AddressPrompt } from './AddressPrompt';
import { EndpointPrompt } from './EndpointPrompt';
import { HostKeyPrompt } from './HostKeyPrompt';
import { Icon } from '../components/Icon';
import './PublishDialogs.css';

interface PublishPanelProps {
  run: PublishRun;
  onOpenUrl: (url: string) => void;
  onSettings: () => void;
  onClose: () => void;
}

/** What the author can do about each kind of failure, after the backend's own words. */
const advice: Partial<Record<ErrorData['code'], string>> = {
  unreachable: 'Check your connection and the host name, then publish again.',
  'auth-failed': 'Check the credentials in Publish settings.',
  cancelled: 'Publish again to finish: only what is missing will be uploaded.',
};

export function PublishPanel({ run, onOpenUrl, onSettings, onClose }: PublishPanelProps) {
  const state = useStore(run.store);
  const running = state.kind === 'running';

  return (
    <section
      className="bottom-panel publish-panel"
      aria-label="Publish"
      aria-busy={running}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !running) onClose();
      }}
    >
      <header className="check-header">
        <h2 className="check-title">Publish</h2>
        <span role="status" className={state.kind === 'failed' ? 'check-summary failed' : 'check-summary'}>
          {headline(state)}
        </span>
        <span className="spacer" />
        {running ? (
          <button type="button" className="button small-button" onClick={() => void run.cancel()} disabled={state.cancelling}>
            {state.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : (
          <>
            <button type="button" className="quiet-button" onClick={onSettings}>
              Publish settings…
            </button>
            <button type="button" className="quiet-button" onClick={() => void run.start()}>
              Publish again
            </button>
            <button type="button" className="icon-button small" aria-label="Close publish results" onClick={onClose}>
              <Icon name="close" />
            </button>
          </>
        )}
      </header>
      <div className="publish-body">
        {running && <Progress state={state} />}
        {state.kind === 'address' && <AddressPrompt reason={state.reason} onSetAddress={onSettings} onPublishAnyway={() => void run.publishAnyway()} onCancel={onClose} />}
        {state.kind === 'failed' && <Failure target={null} error={state.error} onSettings={onSettings} />}
        {state.kind === 'done' && (
          <ul className="publish-outcomes">
            {state.outcomes.map((outcome) => (
              <li key={outcome.target}>
                <Outcome outcome={outcome} run={run} onOpenUrl={onOpenUrl} onSettings={onSettings} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function headline(state: PublishRunState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'address':
      return 'Not published yet';
    case 'running':
      return state.cancelling ? 'Cancelling…' : phaseLabel(state.progress);
    case 'failed':
      return state.error.code === 'cancelled' ? 'Cancelled' : 'Not published';
    case 'done': {
      const failed = state.outcomes.filter((o) => !o.ok).length;
      if (failed === 0) return state.outcomes.length === 1 ? 'Published' : `Published to ${count(state.outcomes.length, 'target')}`;
      return failed === state.outcomes.length ? 'Not published' : `${failed} of ${count(state.outcomes.length, 'target')} failed`;
    }
  }
}

function Progress({ state }: { state: Extract<PublishRunState, { kind: 'running' }> }) {
  const progress = state.progress;
  // Bytes move the bar while uploading; files otherwise (a build counts pages, deletes have no size).
  const measure = progress && progress.phase === 'uploading' && progress.bytes.total > 0 ? progress.bytes : progress?.files;
  const determinate = measure !== undefined && measure.total > 0;
  const counts = progress ? progressCounts(progress) : '';
  return (
    <div className="export-progress">
      <progress
        max={determinate ? measure.total : undefined}
        value={determinate ? measure.done : undefined}
        aria-label={progress?.target ? `Publishing to ${progress.target}` : 'Publishing'}
        aria-valuetext={counts || undefined}
      />
      <p className="hint publish-counts">{progress?.phase === 'building' && progress.files.total ? `${count(progress.files.done, 'page')} of ${progress.files.total.toLocaleString('en')} built` : counts}</p>
    </div>
  );
}

function Outcome({ outcome, run, onOpenUrl, onSettings }: { outcome: PublishOutcome; run: PublishRun; onOpenUrl: (url: string) => void; onSettings: () => void }) {
  if (!outcome.ok) {
    const address = outcome.error.code === 'untrusted-endpoint' ? untrustedAddress(outcome.error.message) : null;
    if (address) {
      return <EndpointPrompt target={outcome.target} address={address} onConfirm={() => run.confirmAndRetry(outcome.target, address)} onCancel={() => run.dismiss()} />;
    }
    const fingerprint = outcome.error.code === 'host-key' ? hostKeyFingerprint(outcome.error.message) : null;
    if (fingerprint && !/CHANGED|revoked/.test(outcome.error.message)) {
      return (
        <HostKeyPrompt
          target={outcome.target}
          fingerprint={fingerprint}
          detail={outcome.error.message}
          onTrust={() => run.trustAndRetry(outcome.target, fingerprint)}
          onCancel={() => run.dismiss()}
        />
      );
    }
    return <Failure target={outcome.target} error={outcome.error} onSettings={onSettings} onRetry={() => void run.start(outcome.target)} />;
  }
  const nothing = outcome.uploaded.files === 0 && outcome.deleted === 0;
  return (
    <div className="publish-outcome">
      <span className="publish-target" title={`Credentials went to ${outcome.address}`}>
        {outcome.target} <span className="hint publish-address">({outcome.address})</span>
      </span>
      <span className="publish-result">
        {outcome.dryRun ? 'Would upload: ' : ''}
        {nothing ? 'Already up to date: nothing to upload.' : `${uploadedAndDeleted(outcome.uploaded.files, outcome.uploaded.bytes, outcome.deleted)}.`}
      </span>
      {outcome.scheduled.count > 0 && <span className="hint publish-scheduled">{scheduledLabel(outcome.scheduled)}</span>}
      {outcome.dryRun && outcome.notes && <pre className="publish-notes">{outcome.notes.join('\n')}</pre>}
      {outcome.url && (
        <a
          className="publish-url"
          href={outcome.url}
          onClick={(event) => {
            event.preventDefault();
            onOpenUrl(outcome.url!);
          }}
        >
          {outcome.url}
        </a>
      )}
    </div>
  );
}

function Failure({ target, error, onSettings, onRetry }: { target: string | null; error: ErrorData; onSettings: () => void; onRetry?: () => void }) {
  const heading = target ? `Could not publish to “${target}”` : error.code === 'cancelled' ? 'Publishing was cancelled' : 'Could not publish';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={ref} className={error.code === 'cancelled' ? 'publish-failure cancelled' : 'publish-failure'} role="alert">
      <h3 className="publish-failure-title">{heading}</h3>
      <p className="publish-failure-message">{error.message}</p>
      {advice[error.code] && <p className="hint">{advice[error.code]}</p>}
      {target && (
        <div className="host-key-actions">
          <button type="button" className="quiet-button" onClick={onSettings}>
            Open Publish settings
          </button>
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
    </div>
  );
}
