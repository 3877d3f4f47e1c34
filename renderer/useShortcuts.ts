// App-wide commands, reached two ways: shortcuts typed in the page, and the
// native menu (whose accelerators the page never sees) via `app.command`.
// The editor's own keymap runs first (it sits deeper in the DOM); anything it
// handled arrives here with defaultPrevented set.
import { useEffect, useRef } from 'react';
import type { AppCommand } from '../common/api';
import { api } from './client';
import { isMod } from './platform';

export type CommandHandlers = Record<AppCommand, () => void>;

const keys: Record<string, AppCommand> = { n: 'file.new', s: 'file.save', '\\': 'view.sidebar' };

function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

export function useShortcuts(handlers: CommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    // While a modal is open it owns the keyboard; only the browser's save-page is kept away.
    const run = (command: AppCommand) => {
      if (!modalOpen()) latest.current[command]();
    };
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !isMod(event)) return;
      const command = keys[event.code === 'Backslash' ? '\\' : event.key.toLowerCase()];
      if (!command || (command !== 'file.save' && modalOpen())) return;
      event.preventDefault();
      run(command);
    }
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = api.on('app.command', ({ command }) => run(command));
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}
