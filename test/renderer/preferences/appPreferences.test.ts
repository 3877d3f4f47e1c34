import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, SettingsStore } from '../../../renderer/preferences/appPreferences';

describe('settings', () => {
  it('falls back to the defaults for missing, unreadable or wrong values, one field at a time', () => {
    expect(parseSettings(null)).toEqual(defaultSettings);
    expect(parseSettings('{not json')).toEqual(defaultSettings);
    const parsed = parseSettings(JSON.stringify({ theme: 'dark', viewMode: 'sideways', autosaveDelayMs: -5, spellcheck: false }));
    expect(parsed).toEqual({ ...defaultSettings, theme: 'dark', spellcheck: false });
  });

  it('persists every change and reads it back', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    new SettingsStore(storage).update({ focusMode: true, editorFont: 'mono' });
    expect(new SettingsStore(storage).get()).toMatchObject({ focusMode: true, editorFont: 'mono' });
  });
});
