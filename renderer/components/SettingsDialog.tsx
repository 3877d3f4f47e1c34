// The writing settings. Each control applies at once (the editor reconfigures
// live), so there is nothing to confirm: Done or Esc closes.
import { useId, useState } from 'react';
import type { Settings, SettingsStore } from '../settings';
import { useStore } from '../store';
import { Dialog } from './Dialog';
import './SettingsDialog.css';

interface SettingsDialogProps {
  settings: SettingsStore;
  onClose: () => void;
}

const fonts: { value: Settings['editorFont']; label: string }[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans' },
  { value: 'mono', label: 'Mono' },
];

function Toggle({ label, hint, checked, onChange }: { label: string; hint: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="setting">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>
        <span className="setting-label">{label}</span>
        <span className="hint">{hint}</span>
      </span>
    </label>
  );
}

export function SettingsDialog({ settings, onClose }: SettingsDialogProps) {
  const value = useStore(settings);
  const set = (patch: Partial<Settings>) => settings.update(patch);
  // The field keeps what is typed ("0." on the way to "0.5"); the setting changes only to a valid value.
  const [delay, setDelay] = useState(String(value.autosaveDelayMs / 1000));
  const delayMs = Math.round(Number(delay) * 1000);
  const delayValid = delay.trim() !== '' && Number.isFinite(delayMs) && delayMs >= 200 && delayMs <= 60_000;
  const delayHint = useId();

  return (
    <Dialog title="Settings" onClose={onClose} className="settings-dialog">
      <div className="settings">
        <Toggle label="Save automatically" hint="After a pause in typing." checked={value.autosave} onChange={(autosave) => set({ autosave })} />
        <label className="setting setting-indent">
          <span className="setting-label">Pause before saving</span>
          <span className="setting-number">
            <input
              type="number"
              min={0.2}
              max={60}
              step={0.1}
              value={delay}
              disabled={!value.autosave}
              aria-invalid={!delayValid}
              aria-describedby={delayHint}
              onChange={(event) => {
                setDelay(event.target.value);
                const ms = Math.round(Number(event.target.value) * 1000);
                if (event.target.value.trim() !== '' && ms >= 200 && ms <= 60_000) set({ autosaveDelayMs: ms });
              }}
            />
            <span>seconds</span>
          </span>
        </label>
        <p id={delayHint} className={delayValid ? 'hint setting-indent' : 'hint problem setting-indent'}>
          {delayValid ? `Saves ${value.autosaveDelayMs / 1000} s after you stop typing.` : 'Enter a pause between 0.2 and 60 seconds; the last valid one still applies.'}
        </p>
        <Toggle label="Check spelling" hint="Underline words the dictionary does not know." checked={value.spellcheck} onChange={(spellcheck) => set({ spellcheck })} />
        <Toggle label="Focus mode" hint="Dim everything but the paragraph you are writing." checked={value.focusMode} onChange={(focusMode) => set({ focusMode })} />
        <Toggle label="Typewriter scrolling" hint="Keep the line you are writing in the middle." checked={value.typewriter} onChange={(typewriter) => set({ typewriter })} />
        <fieldset className="setting-fonts">
          <legend className="setting-label">Editor typeface</legend>
          <div className="segmented">
            {fonts.map((font) => (
              <label key={font.value} className={`segment font-${font.value}`}>
                <input type="radio" name="editor-font" value={font.value} checked={value.editorFont === font.value} onChange={() => set({ editorFont: font.value })} />
                <span>{font.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
