// The formatting commands: what each does, by its id in the command table
// (common/commands.ts), which holds its title and key. One list feeds both the
// editor's keymap and the command palette.
import { Prec, type Extension, type StateCommand } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { keyOf } from '../../common/commands';
import { cycleHeading } from './cycleHeading';
import { toggleBold, toggleInlineCode, toggleItalic, toggleStrikethrough } from './toggleInline';
import { toggleBulletList, toggleNumberedList, toggleQuote, toggleTaskList } from './toggleLinePrefix';
import { toggleLink } from './toggleLink';

export interface FormatCommand {
  id: 'format.bold' | 'format.italic' | 'format.link' | 'format.code' | 'format.strikethrough' | 'format.heading' | 'format.quote' | 'format.bullets' | 'format.numbers' | 'format.tasks';
  run: StateCommand;
}

export const formatCommands: readonly FormatCommand[] = [
  { id: 'format.bold', run: toggleBold },
  { id: 'format.italic', run: toggleItalic },
  { id: 'format.link', run: toggleLink },
  { id: 'format.code', run: toggleInlineCode },
  { id: 'format.strikethrough', run: toggleStrikethrough },
  { id: 'format.heading', run: cycleHeading },
  { id: 'format.quote', run: toggleQuote },
  { id: 'format.bullets', run: toggleBulletList },
  { id: 'format.numbers', run: toggleNumberedList },
  { id: 'format.tasks', run: toggleTaskList },
];

/** Above the default keymap, whose Mod-i would otherwise select the parent syntax node. */
export function formatKeymap(): Extension {
  return Prec.high(keymap.of(formatCommands.map(({ id, run }) => ({ key: keyOf(id), run, preventDefault: true }))));
}
