// File → Export Site…: builds the site into the workspace's output folder,
// with a progress bar fed by `site.progress` events, then says what was built.
import { useEffect, useRef, useState } from 'react';
import { ApiError, type SiteBuildSummary } from '../../common/api';
import { useApi } from '../apiContext';
import { Dialog } from './Dialog';
import './ExportSiteDialog.css';

type State = { kind: 'ready' } | { kind: 'building'; done: number; total: number } | { kind: 'built'; summary: SiteBuildSummary } | { kind: 'failed'; message: string };

const count = (n: number) => n.toLocaleString();
/** "1 draft", "3 drafts"; empty for none. */
const plural = (n: number, one: string, many = `${one}s`) => (n === 0 ? '' : `${count(n)} ${n === 1 ? one : many}`);

export function ExportSiteDialog({ outputDir, onClose }: { outputDir: string; onClose: () => void }) {
  const api = useApi();
  const [state, setState] = useState<State>({ kind: 'ready' });
  const [drafts, setDrafts] = useState(false);
  const [future, setFuture] = useState(false);
  const exportButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    return api.on('site.progress', ({ done, total }) => {
      setState((current) => (current.kind === 'building' ? { kind: 'building', done, total } : current));
    });
  }, [api]);

  async function build() {
    setState({ kind: 'building', done: 0, total: 0 });
    try {
      setState({ kind: 'built', summary: await api.site.build({ drafts, future }) });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof ApiError ? error.message : String(error) });
    }
  }

  const building = state.kind === 'building';
  return (
    <Dialog title="Export site" onClose={building ? () => {} : onClose} initialFocus={exportButton}>
      {state.kind === 'ready' && (
        <div className="dialog-form">
          <p className="dialog-text">
            Builds every published post, the index, tag pages, feeds and sitemap into <code>{outputDir}</code>.
          </p>
          <label className="check-field">
            <input type="checkbox" checked={drafts} onChange={(e) => setDrafts(e.target.checked)} /> Include drafts
          </label>
          <label className="check-field">
            <input type="checkbox" checked={future} onChange={(e) => setFuture(e.target.checked)} /> Include posts dated in the future
          </label>
        </div>
      )}
      {building && (
        <div className="export-progress">
          <progress max={state.total || undefined} value={state.total ? state.done : undefined} aria-label="Pages built" />
          <p className="hint" aria-live="polite">
            {state.total ? `${count(state.done)} / ${count(state.total)} pages` : 'Starting…'}
          </p>
        </div>
      )}
      {state.kind === 'built' && (
        <div className="dialog-form" role="status">
          <p className="dialog-text">
            Built {count(state.summary.posts)} posts
            {state.summary.pages > 0 ? ` and ${count(state.summary.pages)} page${state.summary.pages === 1 ? '' : 's'}` : ''} into <code>{state.summary.output}</code>: {count(state.summary.files)} files,{' '}
            {count(state.summary.written)} written{state.summary.deleted ? `, ${count(state.summary.deleted)} deleted` : ''}, in{' '}
            {(state.summary.ms / 1000).toFixed(1)} s.
          </p>
          {(state.summary.drafts > 0 || state.summary.future > 0) && (
            <p className="hint">
              Left out{' '}
              {[plural(state.summary.drafts, 'draft'), plural(state.summary.future, 'post dated in the future', 'posts dated in the future')]
                .filter(Boolean)
                .join(' and ')}
              .
            </p>
          )}
          {state.summary.warnings.length > 0 && (
            <ul className="export-warnings" aria-label="Warnings">
              {state.summary.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'failed' && (
        <p className="hint problem" role="alert">
          {state.message}
        </p>
      )}
      <div className="dialog-actions">
        {state.kind === 'ready' ? (
          <>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button ref={exportButton} type="button" className="button primary" onClick={() => void build()}>
              Export
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={building} onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Dialog>
  );
}
