// The window's one key binder for the registry's shortcuts (see Command.keys),
// and the way in for the native menu's commands. A modal that is open owns the
// keyboard and holds both back; a key the editor already handled is left alone.
import type { CommandRegistry } from './registry';
import { isMac } from './modifierKeys';

/** Keys whose `event.key` changes with Shift or the layout, by their physical code. */
function codeName(code: string): string {
  if (code.startsWith('Key')) return code.slice(3).toLowerCase();
  if (code.startsWith('Digit')) return code.slice(5);
  return ({ Comma: ',', Period: '.', Slash: '/', Backslash: '\\', Semicolon: ';', Quote: "'", BracketLeft: '[', BracketRight: ']' } as Record<string, string>)[code] ?? code;
}

/** Whether a keydown is the binding `Mod-Shift-p` (CodeMirror notation). */
export function matchesKey(event: KeyboardEvent, binding: string): boolean {
  const parts = binding.split(/-(?!$)/);
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== mods.has('Mod') || otherMod || event.altKey !== mods.has('Alt') || event.shiftKey !== mods.has('Shift')) return false;
  return event.key.toLowerCase() === key || codeName(event.code) === key;
}

function modalOpen(target: Window): boolean {
  return target.document.querySelector('dialog[open]') !== null;
}

export function bindCommandKeys(registry: CommandRegistry, target: Window = window): () => void {
  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    const command = registry.store.get().find((c) => c.shortcut && c.keys !== 'elsewhere' && matchesKey(event, c.shortcut));
    if (!command) return;
    if (modalOpen(target)) {
      if (command.keptFromBrowserInModal) event.preventDefault();
      return;
    }
    event.preventDefault();
    command.run();
  }
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}

/** A command chosen from the native menu (whose accelerators the page never sees), unless a modal is open. */
export function runMenuCommand(registry: CommandRegistry, id: string, target: Window = window): void {
  if (!modalOpen(target)) registry.run(id);
}
