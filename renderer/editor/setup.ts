// The editor's extensions, assembled from one factory per feature.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightSpecialChars, keymap, rectangularSelection } from '@codemirror/view';
import { codeBlocks } from './codeBlocks';
import { conflictBlocks } from './conflictBlocks';
import { formatKeymap } from './formatCommands';
import { leaveBlockKeymap } from './leaveBlock';
import { postLanguage } from './language';
import { saveKeymap } from './saveKeymap';
import { savedState } from './savedState';
import { statusListener, type EditorChange } from './statusListener';
import { editorTheme } from './theme';

export interface EditorConfig {
  /** Called for Mod-S. */
  onSave: () => void;
  /** Called after the document or the cursor changed. */
  onChange: (change: EditorChange) => void;
}

export function editorSetup(config: EditorConfig): Extension {
  return [
    savedState(),
    history(),
    highlightSpecialChars(),
    drawSelection(),
    dropCursor(),
    rectangularSelection(),
    EditorState.allowMultipleSelections.of(true),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Post text', autocorrect: 'on', autocapitalize: 'sentences' }),
    search({ top: true }),
    highlightSelectionMatches(),
    saveKeymap(config.onSave),
    formatKeymap(),
    leaveBlockKeymap(),
    // Tab indents lists; Esc then Tab still moves focus out (CodeMirror's tab-focus mode).
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    postLanguage(),
    codeBlocks(),
    conflictBlocks(),
    editorTheme(),
    statusListener(config.onChange),
  ];
}
