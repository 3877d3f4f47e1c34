// The context menu's platform differences, as data (the main-process wiring is in mainEditing.test.ts).
import { describe, expect, it } from 'vitest';
import { contextMenuTemplate } from '../../../electron/desktop/contextMenu';

describe('the context menu on macOS', () => {
  const params = { isEditable: true, misspelledWord: '', dictionarySuggestions: [], linkURL: '', selectionText: 'serendipity', editFlags: { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false } };
  const actions = { replaceMisspelling: () => {}, addToDictionary: () => {}, openLink: () => {}, copyText: () => {}, lookUp: () => looked.push('lookUp') };
  const looked: string[] = [];

  it('offers Look Up for the selection, on macOS only', () => {
    const mac = contextMenuTemplate(params, actions, 'darwin');
    const lookUp = mac.find((i) => i.label === 'Look Up “serendipity”');
    (lookUp?.click as () => void)();
    expect(looked).toEqual(['lookUp']);
    expect(contextMenuTemplate(params, actions, 'linux').some((i) => i.label?.startsWith('Look Up'))).toBe(false);
  });

  it('says so when the spellchecker has no suggestion, and still offers Add to Dictionary', () => {
    const labels = contextMenuTemplate({ ...params, misspelledWord: 'Postwright', selectionText: '' }, actions, 'linux').map((i) => i.label ?? i.role ?? i.type);
    expect(labels.slice(0, 3)).toEqual(['No Guesses Found', 'Add to Dictionary', 'separator']);
  });
});
