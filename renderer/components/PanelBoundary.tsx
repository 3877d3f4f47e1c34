// Keeps a failing panel to itself. Without a boundary, an error thrown while
// rendering any part of the window unmounts all of it: the editor goes blank and
// the author cannot save. The editor's text lives in CodeMirror's state, outside
// React, so the rest of the window (and the text) survives a panel that fails.
import { Component, type ReactNode } from 'react';
import './PanelBoundary.css';

interface PanelBoundaryProps {
  /** Names the panel in the message, e.g. "Publish". */
  name: string;
  children: ReactNode;
  /** Removes the panel (closes the dialog, hides the result); without it the fallback offers only Try again. */
  onClose?: () => void;
  /** Shown under the message when the panel fails: the window's boundary keeps the editor there, so its text can still be saved. */
  keep?: ReactNode;
}

interface PanelBoundaryState {
  error: Error | null;
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): PanelBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { name, onClose, keep } = this.props;
    const message = (
      <div className="panel-error" role="alert">
        <p>
          <strong>{name} stopped working:</strong> {error.message}
        </p>
        <p className="hint">The rest of the window and your text are unaffected.</p>
        <div className="panel-error-actions">
          <button type="button" className="quiet-button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {onClose && (
            <button type="button" className="quiet-button" onClick={onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
    if (!keep) return message;
    return (
      <div className="window-error">
        {message}
        {keep}
      </div>
    );
  }
}
