// History: the versions that saves replaced, newest first. Picking one shows
// it beside the current text with the differing lines marked; Restore puts it
// back as one undoable change and saves (which keeps the text it replaces).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryVersion } from '../../common/api';
import { useApi } from '../apiContext';
import { diffLines } from '../lineDiff';
import { formatTime } from '../dateFormat';
import { Dialog } from './Dialog';
import { VersionPane } from './VersionPane';
import './HistoryDialog.css';
import { errorMessage } from '../../common/errors';

interface HistoryDialogProps {
  postId: string;
  path: string;
  /** The editor's text when the dialog opened. */
  current: string;
  /** Restores `text`; resolves true once it is saved. */
  onRestore: (text: string, version: HistoryVersion) => Promise<boolean>;
  onClose: () => void;
}

type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };


/** "+120 words", "−40 words"; "+3 characters" when the word count held (a typo fixed); null for the oldest. */
export function sizeChange(version: Pick<HistoryVersion, 'wordsChange' | 'charsChange'>): string {
  const { wordsChange, charsChange } = version;
  if (wordsChange === null || charsChange === null) return 'oldest kept';
  const signed = (n: number, one: string, many: string) => `${n > 0 ? '+' : '\u2212'}${Math.abs(n).toLocaleString()} ${Math.abs(n) === 1 ? one : many}`;
  if (wordsChange !== 0) return signed(wordsChange, 'word', 'words');
  if (charsChange !== 0) return signed(charsChange, 'character', 'characters');
  return 'same length';
}

/** "Line 12: The retry budget…", where this version first differs from the one before it. */
export function changeLine(version: Pick<HistoryVersion, 'firstChange'>): string | null {
  const change = version.firstChange;
  if (!change) return null;
  return change.text ? `Line ${change.line}: ${change.text}` : `Lines removed after line ${change.line}`;
}

/** Said after a restore: what happened, where the replaced text went, how to take it back. */
export function restoredNotice(time: number): string {
  return `Restored the version saved ${formatTime(time)}. The text it replaced is kept in History; Undo takes the restore back.`;
}

export function HistoryDialog({ postId, path, current, onRestore, onClose }: HistoryDialogProps) {
  const api = useApi();
  const [versions, setVersions] = useState<Loaded<HistoryVersion[]>>({ state: 'loading' });
  const [selected, setSelected] = useState<string | null>(null);
  const [text, setText] = useState<Loaded<string> | null>(null);
  const [restoring, setRestoring] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    api.history.list(postId).then(
      (value) => {
        if (!live) return;
        setVersions({ state: 'ready', value });
        if (value[0]) setSelected(value[0].id);
      },
      (error: unknown) => live && setVersions({ state: 'error', message: errorMessage(error) }),
    );
    return () => void (live = false);
  }, [api, postId]);

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setText({ state: 'loading' });
    api.history.read(postId, selected).then(
      ({ text: value }) => live && setText({ state: 'ready', value }),
      (error: unknown) => live && setText({ state: 'error', message: errorMessage(error) }),
    );
    return () => void (live = false);
  }, [api, postId, selected]);

  // The list takes the keyboard once it is there, on the selected version.
  const ready = versions.state === 'ready' && versions.value.length > 0;
  useEffect(() => {
    if (ready) list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [ready]);

  const currentLines = useMemo(() => current.split('\n'), [current]);
  const oldLines = useMemo(() => (text?.state === 'ready' ? text.value.split('\n') : []), [text]);
  const diff = useMemo(() => diffLines(oldLines, currentLines), [oldLines, currentLines]);
  // Both sides start where they part ways: lines before the first change are the same on both.
  const parting = [diff.changedA.indexOf(true), diff.changedB.indexOf(true)].filter((i) => i >= 0);
  const startLine = parting.length ? Math.min(...parting) : undefined;
  const version = versions.state === 'ready' ? versions.value.find((v) => v.id === selected) : undefined;

  const move = (event: KeyboardEvent<HTMLUListElement>) => {
    if (versions.state !== 'ready') return;
    const all = versions.value;
    const at = all.findIndex((v) => v.id === selected);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, next))]!;
    setSelected(target.id);
    list.current?.querySelector<HTMLElement>(`[data-id="${target.id}"]`)?.focus();
  };

  const restore = async () => {
    if (text?.state !== 'ready' || !version) return;
    setRestoring(true);
    const done = await onRestore(text.value, version);
    setRestoring(false);
    if (done) onClose();
  };

  return (
    <Dialog title={`History of ${path}`} className={ready ? 'history-dialog with-versions' : 'history-dialog'} onClose={onClose}>
      {versions.state === 'loading' && <p className="dialog-text">Loading versions…</p>}
      {versions.state === 'error' && (
        <p className="dialog-text problem" role="alert">
          Couldn't read the history: {versions.message}
        </p>
      )}
      {versions.state === 'ready' && versions.value.length === 0 && (
        <p className="dialog-text">No earlier versions yet. Each save keeps the version it replaces, here on this computer.</p>
      )}
      {ready && (
        <div className="history-body">
          <ul ref={list} className="history-list" role="listbox" aria-label="Versions, newest first" onKeyDown={move}>
            {versions.value.map((v) => (
              <li
                key={v.id}
                data-id={v.id}
                role="option"
                aria-selected={v.id === selected}
                tabIndex={v.id === selected ? 0 : -1}
                className="history-item ring-inside"
                onClick={() => setSelected(v.id)}
              >
                <span className="history-when">
                  <time dateTime={new Date(v.time).toISOString()}>{formatTime(v.time)}</time>
                </span>
                <span className="history-words">
                  {v.words.toLocaleString()} {v.words === 1 ? 'word' : 'words'}
                  <span className="history-change">{sizeChange(v)}</span>
                </span>
                {changeLine(v) && <span className="history-line">{changeLine(v)}</span>}
              </li>
            ))}
          </ul>
          <div className="versions">
            {text?.state === 'error' ? (
              <p className="dialog-text problem" role="alert">
                {text.message}
              </p>
            ) : (
              <VersionPane
                label="This version"
                note={version ? `saved ${formatTime(version.time)}` : ''}
                lines={oldLines}
                changed={diff.changedA}
                startLine={startLine}
              />
            )}
            <VersionPane label="Current text" note="in the editor" lines={currentLines} changed={diff.changedB} startLine={startLine} />
          </div>
        </div>
      )}
      <div className="dialog-actions">
        {ready && <p className="hint history-hint">Restoring saves this version; the current text stays in History, and Undo takes it back.</p>}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        {ready && (
          <button type="button" className="button primary" onClick={() => void restore()} disabled={restoring || text?.state !== 'ready'}>
            Restore this version
          </button>
        )}
      </div>
    </Dialog>
  );
}
