// Two versions of a post side by side, their differing lines marked: the text
// in hand (unsaved, or recovered) and the file on disk, or a note that the
// file is gone. The conflict and recovery dialogs show this.
import { useMemo } from 'react';
import { diffLines } from '../lineDiff';
import { VersionPane } from './VersionPane';

interface Side {
  label: string;
  note: string;
}

interface VersionsProps {
  mine: Side & { text: string };
  /** The file on disk; its text is null when it is gone, and `gone` says so. */
  disk: Side & { text: string | null; gone: string };
}

export function Versions({ mine, disk }: VersionsProps) {
  const mineLines = useMemo(() => mine.text.split('\n'), [mine.text]);
  const diskLines = useMemo(() => disk.text?.split('\n') ?? [], [disk.text]);
  // Against a deleted file every line "differs"; marking them all would only be noise.
  const diff = useMemo(() => (disk.text !== null ? diffLines(mineLines, diskLines) : { changedA: [], changedB: [] }), [disk.text, mineLines, diskLines]);

  return (
    <div className="versions">
      <VersionPane label={mine.label} note={mine.note} lines={mineLines} changed={diff.changedA} />
      {disk.text !== null ? (
        <VersionPane label={disk.label} note={disk.note} lines={diskLines} changed={diff.changedB} />
      ) : (
        <section className="version version-gone">
          <header className="version-header">
            <h3>{disk.label}</h3>
          </header>
          <p>{disk.gone}</p>
        </section>
      )}
    </div>
  );
}
