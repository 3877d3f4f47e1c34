import type { ReactNode } from 'react';
import type { WorkspaceInfo } from '../../common/api';
import type { EditorStatus } from '../editorStatus';
import { keyLabel } from '../commands/modifierKeys';
import type { SessionState } from '../session';
import { useStore } from '../store';
import { readingMinutes } from '../wordCount';
import { Icon } from './Icon';
import './StatusBar.css';

interface StatusBarProps {
  session: SessionState;
  /** Subscribed here, not in App: the cursor moves on every keystroke, and only the status bar shows it. */
  status: EditorStatus;
  workspace: WorkspaceInfo | null;
  /** Opens the pre-publish check. */
  onCheck: () => void;
  onSettings: () => void;
  /** Controls shown at the right end, before the workspace name. */
  children?: ReactNode;
}

export function StatusBar({ session, status: editorStatus, workspace, onCheck, onSettings, children }: StatusBarProps) {
  const status = useStore(editorStatus.store);
  const minutes = readingMinutes(status.words);
  return (
    <footer className="status-bar">
      {session.post && (
        <>
          <SaveState session={session} />
          <span>{status.words.toLocaleString('en')} {status.words === 1 ? 'word' : 'words'}</span>
          <span>{status.characters.toLocaleString('en')} {status.characters === 1 ? 'character' : 'characters'}</span>
          {minutes > 0 && <span>{minutes} min read</span>}
          <span>
            Ln {status.line.toLocaleString('en')}, Col {status.column.toLocaleString('en')}
          </span>
        </>
      )}
      <span className="spacer" />
      {children}
      <button type="button" className="status-button" onClick={onCheck}>
        Check
      </button>
      {workspace && (
        <span className="workspace" title={workspace.root}>
          {workspace.name}
        </span>
      )}
      <button type="button" className="icon-button small status-button" aria-label="Settings" title={`Settings (${keyLabel('Mod-,')})`} onClick={onSettings}>
        <Icon name="settings" />
      </button>
    </footer>
  );
}

/** Dirty or saved, quietly. One persistent live region, so each change is announced. */
function SaveState({ session }: { session: SessionState }) {
  const state = !session.dirty ? 'saved' : session.saving ? 'saving' : 'dirty';
  return (
    <span role="status" className={`save-state ${state}`} aria-label={state === 'dirty' ? 'Unsaved changes' : undefined}>
      {state === 'saved' && 'Saved ✓'}
      {state === 'saving' && 'Saving…'}
      {state === 'dirty' && (
        <>
          <span className="dirty-dot" aria-hidden="true">
            ●
          </span>{' '}
          Unsaved
        </>
      )}
    </span>
  );
}
