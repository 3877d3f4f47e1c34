// Mod-Z right after a delete: with the editor not in use (a deleted post
// leaves none open, and the keyboard goes to the post list), Mod-Z does what
// the toast's Undo button does. In the editor, in a field or under a dialog,
// Mod-Z stays theirs.
import { useEffect } from 'react';
import { matchesKey } from './commands/commandKeys';
import type { Notices } from './notices';

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null);
}

export function useUndoNotice(notices: Notices): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || !matchesKey(event, 'Mod-z') || isTextEntry(event.target) || document.querySelector('dialog[open]')) return;
      const notice = notices.latestUndo();
      if (!notice) return;
      event.preventDefault();
      notices.act(notice.id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [notices]);
}
