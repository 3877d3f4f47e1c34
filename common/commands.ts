// Every command the author can run, as data: its palette title, its key, where
// the native menu shows it and what the README's keyboard table says of it. The
// native menu (electron/menu.ts), the window's key binder and the command
// palette (renderer/commands/) and the README's table are all read from here,
// as `markdownKeymap` is data in @codemirror/lang-markdown; what each command
// does lives beside the state it changes.

/** Where the native menu shows a command: separators fall between groups. */
export interface MenuPlace {
  menu: 'File' | 'View';
  group: number;
  order: number;
  /** In the menu's Title Case. */
  label: string;
}

export interface CommandEntry {
  /** As the palette lists it, "Group: Action". */
  title: string;
  /** In CodeMirror notation (`Mod-Shift-p`). */
  key?: string;
  /** The key in a browser tab when Chromium keeps `key` for itself (Ctrl-N opens a window there). */
  browserKey?: string;
  /**
   * Who binds `key`: the window's one key binder (the default), or the editor's
   * keymap, for keys that act on the text and only while typing.
   */
  boundBy?: 'window' | 'editor';
  /** While a modal dialog is open nothing runs; this key is still kept from the browser (its "save page"). */
  keptFromBrowserInModal?: true;
  menu?: MenuPlace;
  /** The README's keyboard table: what the key does; neighbours that say the same share a row. */
  readme?: string;
  /** Also reached by typing this in the editor; the README lists it first. */
  typed?: string;
}

// README rows that several commands share.
const conflictRow = 'Conflict block at the caret: Accept mine, Accept theirs, Keep both';
const inlineRow = 'Bold, italic, inline code, strikethrough';
const listRow = 'Bulleted, numbered and task list';

export const commandTable = {
  'app.palette': { title: 'Show all commands', key: 'Mod-Shift-p', readme: 'Command palette' },
  'file.new': {
    title: 'File: New post…',
    key: 'Mod-n',
    browserKey: 'Mod-Alt-n',
    menu: { menu: 'File', group: 0, order: 0, label: 'New Post' },
    readme: 'New post (in a browser tab, where Chromium keeps Ctrl-N: `Mod-Alt-N`)',
  },
  'file.save': {
    title: 'File: Save',
    key: 'Mod-s',
    keptFromBrowserInModal: true,
    menu: { menu: 'File', group: 1, order: 0, label: 'Save' },
    readme: 'Save',
  },
  'view.sidebar': {
    title: 'View: Toggle sidebar',
    key: 'Mod-\\',
    menu: { menu: 'View', group: 0, order: 0, label: 'Toggle Sidebar' },
    readme: 'Show or hide the post list',
  },
  'view.mode.cycle': { title: 'View: Cycle view mode', key: 'Mod-Alt-p', readme: 'Cycle editor / split / preview' },
  'go.outline': { title: 'Go: Outline of headings…', key: 'Mod-Shift-o', readme: 'Outline: jump to a heading' },
  'app.settings': { title: 'Settings…', key: 'Mod-,', readme: 'Settings' },
  'site.publish': {
    // Ctrl+Shift+B as in VS Code's "run build task" (Mod-Shift-U is the editor's redo-selection on macOS and IBus's Unicode entry on Linux).
    title: 'Site: Publish (build, check and upload)',
    key: 'Mod-Shift-b',
    menu: { menu: 'File', group: 3, order: 0, label: 'Publish' },
    readme: 'Publish (build, check and upload to every target), in a browser tab too',
  },
  'view.distractionFree': {
    // Ctrl-Shift-Enter reaches the page in Chromium (test/e2e/realKeys.test.ts), and the editor binds only Mod-Enter.
    title: 'View: Distraction-free writing (full screen)',
    key: 'Mod-Shift-Enter',
    readme: 'Distraction-free writing: full screen, only the text (`Esc` or the same key leaves)',
  },
  'file.history': {
    title: 'File: History…',
    key: 'Mod-Shift-y',
    menu: { menu: 'File', group: 1, order: 1, label: 'History…' },
    readme: 'History: earlier versions of the post',
  },
  'conflict.mine': { title: 'Conflict: Accept mine', key: 'Mod-Alt-m', boundBy: 'editor', readme: conflictRow },
  'conflict.theirs': { title: 'Conflict: Accept theirs', key: 'Mod-Alt-t', boundBy: 'editor', readme: conflictRow },
  'conflict.both': { title: 'Conflict: Keep both', key: 'Mod-Alt-b', boundBy: 'editor', readme: conflictRow },
  'edit.find': { title: 'Edit: Find and replace', key: 'Mod-f', boundBy: 'editor', readme: 'Find and replace in the post' },
  'go.findInPosts': { title: 'Go: Find in all posts…', key: 'Mod-Shift-f', readme: 'Find in all posts' },
  'edit.linkToPost': {
    title: 'Edit: Link to post…',
    key: 'Mod-Shift-k',
    boundBy: 'editor',
    typed: '[[',
    readme: "Link to another post (the selection becomes the link's text)",
  },
  'format.bold': { title: 'Format: Bold', key: 'Mod-b', boundBy: 'editor', readme: inlineRow },
  'format.italic': { title: 'Format: Italic', key: 'Mod-i', boundBy: 'editor', readme: inlineRow },
  'format.code': { title: 'Format: Inline code', key: 'Mod-e', boundBy: 'editor', readme: inlineRow },
  'format.strikethrough': { title: 'Format: Strikethrough', key: 'Mod-Shift-x', boundBy: 'editor', readme: inlineRow },
  'format.link': { title: 'Format: Link', key: 'Mod-k', boundBy: 'editor', readme: 'Link (the selection becomes the text, the URL is selected)' },
  'format.heading': {
    title: 'Format: Heading (cycle #, ##, ###, none)',
    key: 'Mod-Shift-h',
    boundBy: 'editor',
    readme: 'Heading: none → `#` → `##` → `###` → none',
  },
  'format.quote': { title: 'Format: Quote', key: 'Mod-Shift-.', boundBy: 'editor', readme: 'Quote' },
  'format.bullets': { title: 'Format: Bulleted list', key: 'Mod-Shift-8', boundBy: 'editor', readme: listRow },
  'format.numbers': { title: 'Format: Numbered list', key: 'Mod-Shift-7', boundBy: 'editor', readme: listRow },
  'format.tasks': { title: 'Format: Task list', key: 'Mod-Shift-9', boundBy: 'editor', readme: listRow },

  'file.newPage': { title: 'File: New page…' },
  'file.rename': { title: 'File: Rename post…' },
  'file.delete': { title: 'File: Move post to the Trash…' },
  'file.exportSite': { title: 'File: Export site…', menu: { menu: 'File', group: 2, order: 0, label: 'Export Site…' } },
  'file.exportPost': { title: 'File: Export post as HTML…', menu: { menu: 'File', group: 2, order: 1, label: 'Export Post as HTML…' } },
  'edit.copyHtml': { title: 'Edit: Copy post as HTML', menu: { menu: 'File', group: 2, order: 2, label: 'Copy Post as HTML' } },
  'site.check': { title: 'Site: Check for problems', menu: { menu: 'File', group: 2, order: 3, label: 'Check Site…' } },
  'site.publishSettings': { title: 'Site: Publish settings…', menu: { menu: 'File', group: 3, order: 1, label: 'Publish Settings…' } },
  'edit.insertVideo': { title: 'Edit: Insert video…' },
  'settings.autosave': { title: 'File: Toggle autosave' },
  'settings.focusMode': { title: 'View: Toggle focus mode' },
  'settings.typewriter': { title: 'View: Toggle typewriter scrolling' },
  'settings.outlinePanel': { title: 'View: Show or hide the outline beside the text' },
  'settings.hideFrontMatter': { title: 'View: Hide or show the front matter in the text' },
  'settings.spellcheck': { title: 'Editor: Toggle spellcheck' },
  'settings.font.serif': { title: 'Editor font: Serif' },
  'settings.font.sans': { title: 'Editor font: Sans' },
  'settings.font.mono': { title: 'Editor font: Mono' },
  'view.mode.editor': { title: 'View: Editor only' },
  'view.mode.split': { title: 'View: Split' },
  'view.mode.preview': { title: 'View: Preview only' },
  'theme.system': { title: 'Theme: Follow the system' },
  'theme.light': { title: 'Theme: Light' },
  'theme.dark': { title: 'Theme: Dark' },
} as const satisfies Record<string, CommandEntry>;

export type CommandId = keyof typeof commandTable;

export const commandIds = Object.keys(commandTable) as CommandId[];

export function commandEntry(id: CommandId): CommandEntry {
  return commandTable[id];
}

/** A command's key where it runs: a browser tab takes `browserKey` when there is one. */
export function commandKey(id: CommandId, inBrowserTab = false): string | undefined {
  const { key, browserKey } = commandEntry(id);
  return (inBrowserTab && browserKey) || key;
}

type KeyedCommandId = { [K in CommandId]: (typeof commandTable)[K] extends { key: string } ? K : never }[CommandId];

/** The key of a command that has one, for the keymaps and hints that bind or show it. */
export function keyOf(id: KeyedCommandId, inBrowserTab = false): string {
  return commandKey(id, inBrowserTab) ?? commandTable[id].key;
}

type MenuCommandId = { [K in CommandId]: (typeof commandTable)[K] extends { menu: MenuPlace } ? K : never }[CommandId];

/** The commands the native menu sends to the page (its `app.command` event). */
export const menuCommandIds = commandIds.filter((id): id is MenuCommandId => commandEntry(id).menu !== undefined) as [MenuCommandId, ...MenuCommandId[]];
