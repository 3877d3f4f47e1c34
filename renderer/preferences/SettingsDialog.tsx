// The writing settings. Each control applies at once (the editor reconfigures
// live), so there is nothing to confirm: Done or Esc closes.
import { useId, useState } from 'react';
import type { Settings, SettingsStore } from './appPreferences';
import { useStore } from '../store';
import { themes } from './useTheme';
import { viewModes } from './viewModes';
import { Dialog } from '../components/Dialog';
import './SettingsDialog.css';

interface SettingsDialogProps {
  settings: SettingsStore;
  onClose: () => void;
}

const fonts: { value: Settings['editorFont']; label: string; className: string }[] = [
  { value: 'serif', label: 'Serif', className: 'font-serif' },
  { value: 'sans', label: 'Sans', className: 'font-sans' },
  { value: 'mono', label: 'Mono', className: 'font-mono' },
];

interface ChoiceProps<T extends string> {
  legend: string;
  options: readonly { value: T; label: string; className?: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** One of a few values, as a segmented row of radio buttons. */
function Choice<T extends string>({ legend, options, value, onChange }: ChoiceProps<T>) {
  const name = useId();
  return (
    <fieldset className="setting-choice">
      <legend className="setting-label">{legend}</legend>
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className={option.className ? `segment ${option.className}` : 'segment'}>
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

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
        <Toggle
          label="Show remote images in the preview"
          hint="Off: images from the web are blocked while you write, so nothing is requested. On: each one is loaded from its host."
          checked={value.remoteImages}
          onChange={(remoteImages) => set({ remoteImages })}
        />
        <Toggle
          label="Hide the front matter in the text"
          hint="Title, date, tags and the rest stay in the panel above the text; the lines stay in the file."
          checked={value.hideFrontMatter}
          onChange={(hideFrontMatter) => set({ hideFrontMatter })}
        />
        <Toggle
          label="Show the outline beside the text"
          hint="The post's headings, kept open; choose one to go there."
          checked={value.outlinePanel}
          onChange={(outlinePanel) => set({ outlinePanel })}
        />
        <Toggle label="Focus mode" hint="Dim everything but the paragraph you are writing." checked={value.focusMode} onChange={(focusMode) => set({ focusMode })} />
        <Toggle label="Typewriter scrolling" hint="Keep the line you are writing in the middle." checked={value.typewriter} onChange={(typewriter) => set({ typewriter })} />
        <Choice legend="Editor typeface" options={fonts} value={value.editorFont} onChange={(editorFont) => set({ editorFont })} />
        <Choice
          legend="View"
          options={viewModes.map(({ mode, title }) => ({ value: mode, label: title }))}
          value={value.viewMode}
          onChange={(viewMode) => set({ viewMode })}
        />
        <Choice legend="Theme" options={themes.map(({ theme, short }) => ({ value: theme, label: short }))} value={value.theme} onChange={(theme) => set({ theme })} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
