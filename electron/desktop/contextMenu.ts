// The right-click menu as data, built from Electron's `context-menu` params:
// for editable text, the spelling suggestions, Add to Dictionary, Look Up (macOS)
// and Cut/Copy/Paste/Select All; for a link (the preview's), Open Link and Copy
// Link Address. Links open only through the same allowlist as everywhere else.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { isExternalUrlAllowed } from '../../common/links';

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  lookUp(): void;
  openLink(url: string): void;
  copyText(text: string): void;
}

type Params = Pick<ContextMenuParams, 'isEditable' | 'misspelledWord' | 'dictionarySuggestions' | 'selectionText' | 'linkURL' | 'editFlags'>;

export function contextMenuTemplate(params: Params, actions: ContextMenuActions, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const sections: MenuItemConstructorOptions[][] = [];
  if (params.isEditable && params.misspelledWord) {
    const word = params.misspelledWord;
    const suggestions = params.dictionarySuggestions.map((s) => ({ label: s, click: () => actions.replaceMisspelling(s) }));
    sections.push([
      ...(suggestions.length ? suggestions : [{ label: 'No Guesses Found', enabled: false }]),
      { label: 'Add to Dictionary', click: () => actions.addToDictionary(word) },
    ]);
  }
  if (platform === 'darwin' && params.selectionText.trim()) {
    sections.push([{ label: `Look Up “${shorten(params.selectionText.trim())}”`, click: () => actions.lookUp() }]);
  }
  if (params.linkURL && isExternalUrlAllowed(params.linkURL)) {
    const url = params.linkURL;
    sections.push([
      { label: 'Open Link', click: () => actions.openLink(url) },
      { label: 'Copy Link Address', click: () => actions.copyText(url) },
    ]);
  }
  if (params.isEditable) {
    const can = params.editFlags;
    sections.push([
      { role: 'cut', enabled: can.canCut },
      { role: 'copy', enabled: can.canCopy },
      { role: 'paste', enabled: can.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: can.canSelectAll },
    ]);
  } else if (params.selectionText) {
    sections.push([{ role: 'copy', enabled: params.editFlags.canCopy }]);
  }
  return sections.flatMap((section, i) => (i === 0 ? section : [{ type: 'separator' as const }, ...section]));
}

/** macOS shortens the Look Up item's quoted text the same way. */
function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
