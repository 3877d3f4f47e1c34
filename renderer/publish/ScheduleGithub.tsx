// "Schedule on GitHub…" in Publish settings: writes the workflow that
// publishes this target from GitHub Actions on every push and every hour (as
// `postwright schedule github` does), then lists the repository secrets to add
// by name. A workflow the author changed is only replaced when they say so.
import { useState } from 'react';
import { ApiError, type ScheduleResult } from '../../common/api';
import type { ErrorData } from '../../common/errors';
import { useApi } from '../apiContext';
import './ScheduleGithub.css';

type State = { status: 'writing' } | { status: 'done'; result: ScheduleResult } | { status: 'failed'; error: ErrorData };

export function ScheduleGithub({ target, onDismiss }: { target: string; onDismiss: () => void }) {
  const api = useApi();
  const [state, setState] = useState<State | null>(null);
  const write = async (force: boolean) => {
    setState({ status: 'writing' });
    try {
      setState({ status: 'done', result: await api.publish.scheduleGithub(target, { force }) });
    } catch (error) {
      setState({ status: 'failed', error: ApiError.from(error).toJSON() });
    }
  };

  if (state === null) {
    return (
      <div className="schedule-github">
        <p className="hint">
          GitHub Actions can publish “{target}” on every push and every hour, so a post dated in the future goes live on time while this computer is off. This
          writes .github/workflows/postwright-publish.yml into the blog’s repository.
        </p>
        <div className="host-key-actions">
          <button type="button" className="quiet-button" onClick={onDismiss}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => void write(false)}>
            Write the workflow
          </button>
        </div>
      </div>
    );
  }
  if (state.status === 'writing') {
    return (
      <p className="hint schedule-github" role="status">
        Writing the workflow…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="schedule-github" role="alert">
        <p className="hint problem">{state.error.message}</p>
        <div className="host-key-actions">
          <button type="button" className="quiet-button" onClick={onDismiss}>
            Keep mine
          </button>
          {state.error.code === 'exists' && (
            <button type="button" className="button danger" onClick={() => void write(true)}>
              Replace it
            </button>
          )}
        </div>
      </div>
    );
  }
  const { result } = state;
  return (
    <div className="schedule-github" role="status">
      <p className="hint connection-test ok">
        ✓ {result.status === 'unchanged' ? 'Already in place' : result.status === 'updated' ? 'Replaced' : 'Written'}: {result.file}. Commit and push it.
      </p>
      {result.secrets.length > 0 ? (
        <>
          <p className="hint">Add these repository secrets on GitHub (Settings → Secrets and variables → Actions):</p>
          <ul className="schedule-secrets">
            {result.secrets.map((secret) => (
              <li key={secret}>
                <code>{secret}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">It needs no repository secrets.</p>
      )}
      {result.notes.map((note) => (
        <p key={note} className="hint">
          {note}
        </p>
      ))}
      <div className="host-key-actions">
        <button type="button" className="quiet-button" onClick={onDismiss}>
          Close
        </button>
      </div>
    </div>
  );
}
