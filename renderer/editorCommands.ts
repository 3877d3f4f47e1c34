// The palette's editor commands: formatting, save, find, and the writing
// settings that can be flipped without opening Settings.
import { openSearchPanel } from '@codemirror/search';
import type { EditorView } from '@codemirror/view';
import type { CommandRegistry } from './commands';
import { conflictCommands, resolveAtCursor } from './editor/conflictBlocks';
import { formatCommands } from './editor/formatCommands';
import type { PostSession } from './session';
import type { Settings, SettingsStore } from './settings';

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

  return commands.register(
    ...formatCommands.map(({ id, title, key, run }) => ({ id, title, shortcut: key, keys: 'elsewhere' as const, run: inEditor(() => run(view)) })),
    ...conflictCommands.map(({ id, title, key, choice }) => ({ id, title, shortcut: key, keys: 'elsewhere' as const, run: inEditor(() => resolveAtCursor(choice)(view)) })),
    { id: 'file.save', title: 'File: Save', shortcut: 'Mod-s', keys: 'elsewhere', run: () => void session.save() },
    { id: 'edit.find', title: 'Edit: Find and replace', shortcut: 'Mod-f', keys: 'elsewhere', run: inEditor(() => openSearchPanel(view)) },
    { id: 'settings.autosave', title: 'File: Toggle autosave', run: flip('autosave') },
    { id: 'settings.focusMode', title: 'View: Toggle focus mode', run: flip('focusMode') },
    { id: 'settings.typewriter', title: 'View: Toggle typewriter scrolling', run: flip('typewriter') },
    { id: 'settings.outlinePanel', title: 'View: Show or hide the outline beside the text', run: flip('outlinePanel') },
    { id: 'settings.hideFrontMatter', title: 'View: Hide or show the front matter in the text', run: flip('hideFrontMatter') },
    { id: 'settings.spellcheck', title: 'Editor: Toggle spellcheck', run: flip('spellcheck') },
    { id: 'settings.font.serif', title: 'Editor font: Serif', run: font('serif') },
    { id: 'settings.font.sans', title: 'Editor font: Sans', run: font('sans') },
    { id: 'settings.font.mono', title: 'Editor font: Mono', run: font('mono') },
  );
}
