// The formatting commands as data: one list feeds both the editor's keymap and
// the command palette, so a shortcut is written once.
import { Prec, type Extension, type StateCommand } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { cycleHeading } from './cycleHeading';
import { toggleBold, toggleInlineCode, toggleItalic, toggleStrikethrough } from './toggleInline';
import { toggleBulletList, toggleNumberedList, toggleQuote, toggleTaskList } from './toggleLinePrefix';
import { toggleLink } from './toggleLink';

export interface FormatCommand {
  id: string;
  /** As the palette lists it. */
  title: string;
  /** CodeMirror key notation. */
  key: string;
  run: StateCommand;
}

export const formatCommands: readonly FormatCommand[] = [
  { id: 'format.bold', title: 'Format: Bold', key: 'Mod-b', run: toggleBold },
  { id: 'format.italic', title: 'Format: Italic', key: 'Mod-i', run: toggleItalic },
  { id: 'format.link', title: 'Format: Link', key: 'Mod-k', run: toggleLink },
  { id: 'format.code', title: 'Format: Inline code', key: 'Mod-e', run: toggleInlineCode },
  { id: 'format.strikethrough', title: 'Format: Strikethrough', key: 'Mod-Shift-x', run: toggleStrikethrough },
  { id: 'format.heading', title: 'Format: Heading (cycle #, ##, ###, none)', key: 'Mod-Shift-h', run: cycleHeading },
  { id: 'format.quote', title: 'Format: Quote', key: 'Mod-Shift-.', run: toggleQuote },
  { id: 'format.bullets', title: 'Format: Bulleted list', key: 'Mod-Shift-8', run: toggleBulletList },
  { id: 'format.numbers', title: 'Format: Numbered list', key: 'Mod-Shift-7', run: toggleNumberedList },
  { id: 'format.tasks', title: 'Format: Task list', key: 'Mod-Shift-9', run: toggleTaskList },
];

/** Above the default keymap, whose Mod-i would otherwise select the parent syntax node. */
export function formatKeymap(): Extension {
  return Prec.high(keymap.of(formatCommands.map(({ key, run }) => ({ key, run, preventDefault: true }))));
}
