// The palette's window commands: the ones that open a dialog or change the
// layout, which only the App (holding that UI state) can carry out.
import { useEffect, useRef } from 'react';
import { inDesktopApp } from './client';
import type { CommandRegistry } from './commands';
import { distractionFreeKey } from './useDistractionFree';
import { publishKey } from './usePublish';

/** A browser tab never sees Ctrl-N (Chromium opens a window), so there New post is Mod-Alt-N. */
export const newPostKey = inDesktopApp ? 'Mod-n' : 'Mod-Alt-n';

export interface AppCommandHandlers {
  newPost: () => void;
  newPage: () => void;
  toggleSidebar: () => void;
  rename: () => void;
  remove: () => void;
  outline: () => void;
  palette: () => void;
  settings: () => void;
  exportSite: () => void;
  exportPost: () => void;
  copyHtml: () => void;
  check: () => void;
  publish: () => void;
  publishSettings: () => void;
  history: () => void;
  distractionFree: () => void;
}

export function useAppCommands(commands: CommandRegistry, handlers: AppCommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const h = () => latest.current;
    return commands.register(
      { id: 'app.palette', title: 'Show all commands', shortcut: 'Mod-Shift-p', run: () => h().palette() },
      // In the app the File menu's accelerator takes Mod-N; in a browser tab the registry binds Mod-Alt-N.
      { id: 'file.new', title: 'File: New post…', shortcut: newPostKey, keys: inDesktopApp ? 'elsewhere' : 'window', run: () => h().newPost() },
      { id: 'file.newPage', title: 'File: New page…', run: () => h().newPage() },
      { id: 'file.rename', title: 'File: Rename post…', run: () => h().rename() },
      { id: 'file.delete', title: 'File: Move post to the Trash…', run: () => h().remove() },
      { id: 'go.outline', title: 'Go: Outline of headings…', shortcut: 'Mod-Shift-o', run: () => h().outline() },
      { id: 'view.sidebar', title: 'View: Toggle sidebar', shortcut: 'Mod-\\', keys: 'elsewhere', run: () => h().toggleSidebar() },
      { id: 'view.distractionFree', title: 'View: Distraction-free writing (full screen)', shortcut: distractionFreeKey, run: () => h().distractionFree() },
      { id: 'app.settings', title: 'Settings…', shortcut: 'Mod-,', run: () => h().settings() },
      { id: 'file.exportSite', title: 'File: Export site…', run: () => h().exportSite() },
      { id: 'file.exportPost', title: 'File: Export post as HTML…', run: () => h().exportPost() },
      { id: 'edit.copyHtml', title: 'Edit: Copy post as HTML', run: () => h().copyHtml() },
      { id: 'site.check', title: 'Site: Check for problems', run: () => h().check() },
      { id: 'site.publish', title: 'Site: Publish (build, check and upload)', shortcut: publishKey, run: () => h().publish() },
      { id: 'site.publishSettings', title: 'Site: Publish settings…', run: () => h().publishSettings() },
      // Bound here for the browser; in the app the File menu's accelerator takes the key first.
      { id: 'file.history', title: 'File: History…', shortcut: 'Mod-Shift-y', run: () => h().history() },
    );
  }, [commands]);
}
