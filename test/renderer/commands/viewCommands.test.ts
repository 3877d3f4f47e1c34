import { describe, expect, it } from 'vitest';
import { bindCommandKeys } from '../../../renderer/commands/commandKeys';
import { CommandRegistry } from '../../../renderer/commands/registry';
import { SettingsStore } from '../../../renderer/preferences/appPreferences';
import { registerViewCommands } from '../../../renderer/commands/viewCommands';

/** A registry with the view commands, over settings kept in memory. */
function setup() {
  const commands = new CommandRegistry();
  const stored = new Map<string, string>();
  const settings = new SettingsStore({ getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) });
  const unregister = registerViewCommands(commands, settings);
  return { commands, settings, stored, unregister };
}

describe('the view commands', () => {
  it('lists the view modes and themes in the palette by name', () => {
    const { commands } = setup();
    expect(commands.store.get().map((c) => c.title)).toEqual([
      'View: Editor only',
      'View: Split',
      'View: Preview only',
      'View: Cycle view mode',
      'Theme: Follow the system',
      'Theme: Light',
      'Theme: Dark',
    ]);
  });

  it('sets the view mode, and cycles it editor → split → preview → editor', () => {
    const { commands, settings, stored } = setup();
    expect(settings.get().viewMode).toBe('split');
    commands.run('view.mode.editor');
    expect(settings.get().viewMode).toBe('editor');
    const seen = [1, 2, 3].map(() => (commands.run('view.mode.cycle'), settings.get().viewMode));
    expect(seen).toEqual(['split', 'preview', 'editor']);
    commands.run('view.mode.preview');
    expect(JSON.parse(stored.get('postwright.settings')!)).toMatchObject({ viewMode: 'preview' });
  });

  it('sets the theme', () => {
    const { commands, settings } = setup();
    commands.run('theme.dark');
    expect(settings.get().theme).toBe('dark');
    commands.run('theme.light');
    expect(settings.get().theme).toBe('light');
    commands.run('theme.system');
    expect(settings.get().theme).toBe('system');
  });

  it('binds Mod-Alt-P to the cycle in the whole window, and nothing else to Mod-P', () => {
    const { commands, settings, unregister } = setup();
    let listener: ((e: KeyboardEvent) => void) | undefined;
    const target = {
      addEventListener: (_: string, l: (e: KeyboardEvent) => void) => (listener = l),
      removeEventListener: () => (listener = undefined),
      document: { querySelector: () => null },
    } as unknown as Window;
    bindCommandKeys(commands, target);
    const press = (init: Partial<KeyboardEvent>) =>
      listener!({ key: 'p', code: 'KeyP', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, preventDefault() {}, ...init } as KeyboardEvent);
    press({});
    expect(settings.get().viewMode).toBe('split');
    // With Alt held the key is often a different character (π on some layouts): matched by its code.
    press({ altKey: true, key: 'π' });
    expect(settings.get().viewMode).toBe('preview');
    unregister();
    press({ altKey: true });
    expect(settings.get().viewMode).toBe('preview');
  });
});
