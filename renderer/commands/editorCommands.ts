// The palette's editor commands: formatting, save, find, and the writing
// settings that can be flipped without opening Settings.
import { openSearchPanel } from '@codemirror/search';
import type { EditorView } from '@codemirror/view';
import type { CommandRegistry } from './registry';
import { conflictCommands, resolveAtCursor } from '../editor/conflictBlocks';
import { formatCommands } from '../editor/formatCommands';
import type { PostSession } from '../session';
import type { Settings, SettingsStore } from '../preferences/appPreferences';

interface EditorCommandDeps {
  view: EditorView;
  session: PostSession;
  settings: SettingsStore;
}

export function registerEditorCommands(commands: CommandRegistry, { view, session, settings }: EditorCommandDeps): () => void {
  /** Acts on the editor only while a post is open in it, and gives it the keyboard back. */
  const inEditor = (act: () => void) => () => {
    if (!session.state.post) return;
    act();
    view.focus();
  };
  const flip = (key: 'focusMode' | 'typewriter' | 'spellcheck' | 'autosave' | 'hideFrontMatter' | 'outlinePanel') => () => settings.update({ [key]: !settings.get()[key] });
  const font = (editorFont: Settings['editorFont']) => () => settings.update({ editorFont });

  return commands.registerTable(
    ...formatCommands.map(({ id, run }) => ({ id, run: inEditor(() => run(view)) })),
    ...conflictCommands.map(({ id, choice }) => ({ id, run: inEditor(() => resolveAtCursor(choice)(view)) })),
    // Mod-S is bound here for the whole window too, and the editor's own keymap takes it first while typing.
    { id: 'file.save', run: () => void session.save() },
    { id: 'edit.find', run: inEditor(() => openSearchPanel(view)) },
    { id: 'settings.autosave', run: flip('autosave') },
    { id: 'settings.focusMode', run: flip('focusMode') },
    { id: 'settings.typewriter', run: flip('typewriter') },
    { id: 'settings.outlinePanel', run: flip('outlinePanel') },
    { id: 'settings.hideFrontMatter', run: flip('hideFrontMatter') },
    { id: 'settings.spellcheck', run: flip('spellcheck') },
    { id: 'settings.font.serif', run: font('serif') },
    { id: 'settings.font.sans', run: font('sans') },
    { id: 'settings.font.mono', run: font('mono') },
  );
}
