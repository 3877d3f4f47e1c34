// The window commands: the ones that open a dialog, a picker or a panel, or
// change the layout, which only the App (holding that UI state) can carry out.
// The palette, the window's key binder and the native menu (through
// `app.command`) all reach them here.
import { useEffect, useRef } from 'react';
import { keyOf } from '../../common/commands';
import { inDesktopApp } from '../desktopApp';
import type { CommandRegistry } from './registry';

/** A browser tab never sees Ctrl-N (Chromium opens a window), so there New post has its browser key. */
export const newPostKey = keyOf('file.new', !inDesktopApp);

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
  findInPosts: () => void;
  linkToPost: () => void;
  insertVideo: () => void;
}

export function useAppCommands(commands: CommandRegistry, handlers: AppCommandHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const h = () => latest.current;
    return commands.registerTable(
      { id: 'app.palette', run: () => h().palette() },
      { id: 'file.new', run: () => h().newPost() },
      { id: 'file.newPage', run: () => h().newPage() },
      { id: 'file.rename', run: () => h().rename() },
      { id: 'file.delete', run: () => h().remove() },
      { id: 'go.outline', run: () => h().outline() },
      { id: 'view.sidebar', run: () => h().toggleSidebar() },
      { id: 'view.distractionFree', run: () => h().distractionFree() },
      { id: 'app.settings', run: () => h().settings() },
      { id: 'file.exportSite', run: () => h().exportSite() },
      { id: 'file.exportPost', run: () => h().exportPost() },
      { id: 'edit.copyHtml', run: () => h().copyHtml() },
      { id: 'site.check', run: () => h().check() },
      { id: 'site.publish', run: () => h().publish() },
      { id: 'site.publishSettings', run: () => h().publishSettings() },
      { id: 'file.history', run: () => h().history() },
      { id: 'go.findInPosts', run: () => h().findInPosts() },
      // The editor's keymap binds the key (and `[[`), so it works while typing.
      { id: 'edit.linkToPost', run: () => h().linkToPost() },
      { id: 'edit.insertVideo', run: () => h().insertVideo() },
    );
  }, [commands]);
}
