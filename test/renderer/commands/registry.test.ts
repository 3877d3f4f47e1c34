import { describe, expect, it } from 'vitest';
import { bindCommandKeys, matchesKey, runMenuCommand } from '../../../renderer/commands/commandKeys';
import { CommandRegistry } from '../../../renderer/commands/registry';
import { keyLabel, shortcutLabel } from '../../../renderer/commands/modifierKeys';

/** Just the fields of a keydown that matching reads (no DOM in these tests; isMac is false here). */
const key = (init: Partial<KeyboardEvent>) =>
  ({ key: '', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init }) as KeyboardEvent;

describe('CommandRegistry', () => {
  it('registers, lists, runs and unregisters commands', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    const remove = registry.register({ id: 'a', title: 'A', run: () => ran.push('a') }, { id: 'b', title: 'B', run: () => ran.push('b') });
    expect(registry.store.get().map((c) => c.id)).toEqual(['a', 'b']);
    expect(registry.run('b')).toBe(true);
    expect(registry.run('missing')).toBe(false);
    expect(ran).toEqual(['b']);
    remove();
    expect(registry.store.get()).toEqual([]);
  });

  it('refuses a second command with the same id, naming it', () => {
    const registry = new CommandRegistry();
    registry.register({ id: 'file.save', title: 'Save', run: () => {} });
    expect(() => registry.register({ id: 'file.save', title: 'Save again', run: () => {} })).toThrow(/"file\.save"/);
    expect(registry.store.get()).toHaveLength(1);
  });
});

describe('matchesKey', () => {
  it('matches modifiers exactly', () => {
    expect(matchesKey(key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true }), 'Mod-Shift-p')).toBe(true);
    expect(matchesKey(key({ key: 'p', code: 'KeyP', ctrlKey: true }), 'Mod-Shift-p')).toBe(false);
    expect(matchesKey(key({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true, altKey: true }), 'Mod-Shift-p')).toBe(false);
  });

  it('reads shifted digits and punctuation by their key code', () => {
    expect(matchesKey(key({ key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true }), 'Mod-Shift-8')).toBe(true);
    expect(matchesKey(key({ key: ',', code: 'Comma', ctrlKey: true }), 'Mod-,')).toBe(true);
  });
});

describe('bindCommandKeys', () => {
  it('runs window-bound commands and leaves the others to their own keymaps', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    registry.register(
      { id: 'palette', title: 'Palette', shortcut: 'Mod-Shift-p', run: () => ran.push('palette') },
      { id: 'bold', title: 'Bold', shortcut: 'Mod-b', keys: 'elsewhere', run: () => ran.push('bold') },
    );
    let listener: ((e: KeyboardEvent) => void) | undefined;
    let dialogOpen = false;
    const target = {
      addEventListener: (_: string, l: (e: KeyboardEvent) => void) => (listener = l),
      removeEventListener: () => (listener = undefined),
      document: { querySelector: () => (dialogOpen ? {} : null) },
    } as unknown as Window;
    const unbind = bindCommandKeys(registry, target);
    let prevented = 0;
    const press = (init: Partial<KeyboardEvent>) => listener!({ ...key(init), defaultPrevented: false, preventDefault: () => prevented++ } as KeyboardEvent);
    press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    press({ key: 'b', code: 'KeyB', ctrlKey: true });
    expect(ran).toEqual(['palette']);
    expect(prevented).toBe(1);
    dialogOpen = true;
    press({ key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    expect(ran).toEqual(['palette']);
    unbind();
    expect(listener).toBeUndefined();
  });
});

describe('the command table in the registry', () => {
  it('takes titles and keys from the table: the browser key in a browser tab, editor keys left to the editor', () => {
    const run = () => {};
    const inApp = new CommandRegistry();
    inApp.registerTable({ id: 'file.new', run }, { id: 'format.bold', run });
    expect(inApp.get('file.new')).toMatchObject({ title: 'File: New post…', shortcut: 'Mod-n', keys: 'window' });
    expect(inApp.get('format.bold')).toMatchObject({ title: 'Format: Bold', shortcut: 'Mod-b', keys: 'elsewhere' });
    const inTab = new CommandRegistry({ browserTab: true });
    inTab.registerTable({ id: 'file.new', run }, { id: 'format.bold', run });
    expect(inTab.get('file.new')?.shortcut).toBe('Mod-Alt-n');
    expect(inTab.get('format.bold')?.shortcut).toBe('Mod-b');
  });

  it('holds keys and menu commands back while a modal is open, still keeping Save from the browser', () => {
    const registry = new CommandRegistry();
    const ran: string[] = [];
    registry.registerTable({ id: 'file.save', run: () => ran.push('save') }, { id: 'app.palette', run: () => ran.push('palette') });
    let listener: ((e: KeyboardEvent) => void) | undefined;
    let dialogOpen = true;
    const target = {
      addEventListener: (_: string, l: (e: KeyboardEvent) => void) => (listener = l),
      document: { querySelector: () => (dialogOpen ? {} : null) },
    } as unknown as Window;
    bindCommandKeys(registry, target);
    const prevented: string[] = [];
    const press = (name: string, init: Partial<KeyboardEvent>) =>
      listener!({ ...key(init), defaultPrevented: false, preventDefault: () => prevented.push(name) } as KeyboardEvent);
    press('save', { key: 's', code: 'KeyS', ctrlKey: true });
    press('palette', { key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    runMenuCommand(registry, 'file.save', target);
    expect(ran).toEqual([]);
    expect(prevented).toEqual(['save']);
    dialogOpen = false;
    runMenuCommand(registry, 'file.save', target);
    press('save', { key: 's', code: 'KeyS', ctrlKey: true });
    expect(ran).toEqual(['save', 'save']);
  });
});

describe('keyLabel', () => {
  it('writes CodeMirror bindings the way this platform does', () => {
    expect(keyLabel('Mod-Shift-p')).toBe(shortcutLabel('Shift+P'));
    expect(keyLabel('Mod-Shift-p')).toBe('Ctrl+Shift+P');
    expect(keyLabel('Mod-\\')).toBe('Ctrl+\\');
    expect(keyLabel('Mod-,')).toBe('Ctrl+,');
    expect(keyLabel('Mod-Alt-p')).toBe('Ctrl+Alt+P');
    expect(keyLabel('Mod-Alt-p')).toBe(shortcutLabel('Alt+P'));
  });
});
