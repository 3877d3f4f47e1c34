import type { Notice } from '../notices';
import { keyLabel } from '../commands/modifierKeys';
import { Icon } from './Icon';
import './Toasts.css';

interface ToastsProps {
  notices: readonly Notice[];
  onDismiss: (id: number) => void;
  onAction: (id: number) => void;
}

/** Errors are alerts (announced at once); news is a polite status. Neither blocks the editor. */
export function Toasts({ notices, onDismiss, onAction }: ToastsProps) {
  return (
    <div className="toasts">
      {notices.map((notice) => (
        <div key={notice.id} className={`toast ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p className="toast-message">{notice.message}</p>
          {notice.action && (
            <button
              type="button"
              className="button toast-action"
              // Mod-Z outside the editor runs Undo too (useUndoNotice).
              title={notice.action.label === 'Undo' ? `Undo (${keyLabel('Mod-z')})` : undefined}
              onClick={() => onAction(notice.id)}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            <Icon name="close" />
          </button>
        </div>
      ))}
    </div>
  );
}
