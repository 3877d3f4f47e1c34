// The pre-publish check, in a panel under the editor: runs `site.check` when
// opened, lists each problem with its place, and opens the post at that line
// when one is chosen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { summarizeCheck, type CheckProblem, type CheckResult } from '../../common/check';
import { ApiError } from '../../common/api';
import { useApi } from '../apiContext';
import { Icon } from './Icon';
import './CheckPanel.css';

interface CheckPanelProps {
  onGoTo: (problem: CheckProblem) => void;
  onClose: () => void;
}

type CheckState = { status: 'running' } | { status: 'done'; result: CheckResult } | { status: 'failed'; message: string };

export function CheckPanel({ onGoTo, onClose }: CheckPanelProps) {
  const api = useApi();
  const [state, setState] = useState<CheckState>({ status: 'running' });
  const runs = useRef(0);

  const run = useCallback(async () => {
    const run = ++runs.current;
    setState({ status: 'running' });
    try {
      const result = await api.site.check();
      if (run === runs.current) setState({ status: 'done', result });
    } catch (error) {
      if (run === runs.current) setState({ status: 'failed', message: ApiError.from(error).message });
    }
  }, [api]);

  useEffect(() => {
    void run();
  }, [run]);

  const summary =
    state.status === 'running' ? 'Checking…' : state.status === 'failed' ? `The check failed: ${state.message}` : summarizeCheck(state.result);

  return (
    <section
      className="bottom-panel check-panel"
      aria-label="Check results"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="check-header">
        <h2 className="check-title">Check</h2>
        <span role="status" className={state.status === 'failed' ? 'check-summary failed' : 'check-summary'}>
          {summary}
        </span>
        <span className="spacer" />
        <button type="button" className="quiet-button" onClick={() => void run()} disabled={state.status === 'running'}>
          Check again
        </button>
        <button type="button" className="icon-button small" aria-label="Close check results" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {state.status === 'done' && state.result.problems.length > 0 && (
        <ul className="check-list">
          {state.result.problems.map((problem, index) => (
            <li key={`${problem.file}:${problem.line}:${problem.column ?? 0}:${index}`}>
              <button type="button" className="check-item ring-inside" onClick={() => onGoTo(problem)}>
                <span className={`check-severity ${problem.severity}`}>{problem.severity === 'error' ? 'Error' : 'Warning'}</span>
                <span className="check-place">
                  {problem.file}:{problem.line}
                </span>
                <span className="check-message">{problem.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
