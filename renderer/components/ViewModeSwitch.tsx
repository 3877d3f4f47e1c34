// Editor | Split | Preview, as a segmented control in the status bar, and the
// shortcut that cycles through them (Mod-Alt-P: Mod-P prints in a browser and
// Mod-Shift-P opens the command palette).
import { useEffect, useRef } from 'react';
import { isMac } from '../platform';
import type { Settings } from '../settings';

type ViewMode = Settings['viewMode'];

const modes: { mode: ViewMode; label: string }[] = [
  { mode: 'editor', label: 'Editor' },
  { mode: 'split', label: 'Split' },
  { mode: 'preview', label: 'Preview' },
];

export const viewModeShortcut = isMac ? '⌥⌘P' : 'Ctrl+Alt+P';

/** The next mode in the cycle editor → split → preview → editor. */
export function nextViewMode(mode: ViewMode): ViewMode {
  return modes[(modes.findIndex((m) => m.mode === mode) + 1) % modes.length]!.mode;
}

export function ViewModeSwitch({ mode, onChange }: { mode: ViewMode; onChange: (mode: ViewMode) => void }) {
  return (
    <div className="view-modes" role="group" aria-label={`View (${viewModeShortcut} cycles)`}>
      {modes.map(({ mode: m, label }) => (
        <button
          key={m}
          type="button"
          className="view-mode"
          aria-pressed={mode === m}
          aria-keyshortcuts={isMac ? 'Meta+Alt+P' : 'Control+Alt+P'}
          title={`${label} (${viewModeShortcut} cycles the views)`}
          onClick={() => onChange(m)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

/** Mod-Alt-P anywhere in the page, unless a dialog is open. */
export function useViewModeShortcut(cycle: () => void): void {
  const latest = useRef(cycle);
  latest.current = cycle;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      if (!mod || !event.altKey || event.shiftKey || event.code !== 'KeyP' || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
