// One side of the conflict dialog: a read-only text with its differing lines marked.
import { useEffect, useRef } from 'react';
import './VersionPane.css';

interface VersionPaneProps {
  label: string;
  /** Shown under the label, e.g. "unsaved" or "saved by another program". */
  note: string;
  lines: readonly string[];
  changed: readonly boolean[];
  /** The line to start at; by default the first changed one. A side with only additions on the other uses the other's. */
  startLine?: number;
}

export function VersionPane({ label, note, lines, changed, startLine }: VersionPaneProps) {
  const pane = useRef<HTMLPreElement>(null);
  const first = startLine ?? changed.indexOf(true);
  const count = changed.filter(Boolean).length;

  // Start where the versions part ways rather than at the (shared) front matter. An effect, not a layout
  // effect: the dialog around the pane opens in its own layout effect, which runs after this one's would.
  useEffect(() => {
    const el = pane.current;
    const line = first >= 0 && el ? el.children[Math.min(first, el.children.length - 1)] : undefined;
    if (el && line instanceof HTMLElement) el.scrollTop = Math.max(0, line.offsetTop - el.clientHeight / 3);
  }, [first]);

  return (
    <section className="version">
      <header className="version-header">
        <h3>{label}</h3>
        <span className="version-note">{note}</span>
        {count > 0 && (
          <span className="version-count">
            {count} {count === 1 ? 'line differs' : 'lines differ'}
          </span>
        )}
      </header>
      {/* Focusable so the keyboard can scroll it. */}
      <pre ref={pane} className="version-text ring-inside" tabIndex={0} aria-label={`${label}, read only`}>
        {lines.map((line, i) => (
          <span key={i} className={changed[i] ? 'version-line changed' : 'version-line'}>
            {line || '\u200b'}
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}
