// Editor | Split | Preview, as a segmented control in the status bar. The key
// that cycles them is bound by the command registry (see commands/viewCommands.ts).
import { isMac, keyLabel } from '../commands/modifierKeys';
import { keyOf } from '../../common/commands';
import { viewModes, type ViewMode } from '../preferences/viewModes';
import './ViewModeSwitch.css';

const cycleLabel = keyLabel(keyOf('view.mode.cycle'));

export function ViewModeSwitch({ mode, onChange }: { mode: ViewMode; onChange: (mode: ViewMode) => void }) {
  return (
    <div className="view-modes" role="group" aria-label={`View (${cycleLabel} cycles)`}>
      {viewModes.map(({ mode: m, label }) => (
        <button
          key={m}
          type="button"
          className="view-mode"
          aria-pressed={mode === m}
          aria-keyshortcuts={isMac ? 'Meta+Alt+P' : 'Control+Alt+P'}
          title={`${label} (${cycleLabel} cycles the views)`}
          onClick={() => onChange(m)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
