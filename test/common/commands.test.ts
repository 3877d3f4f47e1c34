// The command table is the one place a command's key is written: the README's
// keyboard table is its image, every key reaches a handler (the window's one
// binder or the editor's keymap), and no key means two things.
import { readFileSync } from 'node:fs';
import { keymap } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { commandEntry, commandIds, commandKey, type CommandId } from '../../common/commands';
import { bindCommandKeys } from '../../renderer/commands/commandKeys';
import { CommandRegistry } from '../../renderer/commands/registry';
import { conflictBlocks } from '../../renderer/editor/conflictBlocks';
import { linkToPost } from '../../renderer/editor/linkToPost';
import { editorSetup } from '../../renderer/editor/setup';

/**
 * The README's keyboard table rows after the commands': keys that belong to a
 * list, a dialog or the undo notice rather than to a command.
 */
const otherKeys: readonly { keys: string; readme: string }[] = [
  { keys: '`Mod-Z` right after a delete', readme: 'Undo the delete (while the text editor is not in use)' },
  { keys: '`Enter` on an empty item or `>` line', readme: 'Leave the list or quote (a nested item moves out one level)' },
  {
    keys: '`↑` `↓` `PgUp` `PgDn` `Home` `End`, `Enter`',
    readme: 'Move through the post list and open a post (`↓` from the filter box enters the list)',
  },
  { keys: '`Esc`', readme: 'Close a dialog or panel' },
];

/** `Mod-Shift-p` as the README writes it: `Mod-Shift-P`. */
function readmeKey(key: string): string {
  const parts = key.split(/-(?!$)/);
  const last = parts.pop()!;
  return `\`${[...parts, last.length === 1 ? last.toUpperCase() : last].join('-')}\``;
}

/** The table's keyed commands as README rows, neighbours that say the same in one row, then the other keys. */
function expectedRows(): string[] {
  const rows: { keys: string[]; typed?: string; readme: string }[] = [];
  for (const id of commandIds) {
    const { key, readme, typed } = commandEntry(id);
    if (!key || !readme) continue;
    const last = rows.at(-1);
    if (last?.readme === readme) last.keys.push(key);
    else rows.push({ keys: [key], readme, ...(typed && { typed }) });
  }
  return [
    ...rows.map(({ keys, typed, readme }) => `| ${typed ? `\`${typed}\` or ` : ''}${keys.map(readmeKey).join(', ')} | ${readme} |`),
    ...otherKeys.map(({ keys, readme }) => `| ${keys} | ${readme} |`),
  ];
}

function readmeRows(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Keyboard'));
  const table = section.slice(section.indexOf('| keys | |\n|---|---|\n') + '| keys | |\n|---|---|\n'.length);
  return table.slice(0, table.indexOf('\n\n')).split('\n');
}

/** A keydown of the binding, with just the fields the binder reads (isMac is false here). */
function keydown(binding: string, onPrevent: () => void): KeyboardEvent {
  const parts = binding.split(/-(?!$)/);
  const key = parts.pop()!;
  return {
    key,
    code: '',
    ctrlKey: parts.includes('Mod'),
    metaKey: false,
    altKey: parts.includes('Alt'),
    shiftKey: parts.includes('Shift'),
    defaultPrevented: false,
    preventDefault: onPrevent,
  } as unknown as KeyboardEvent;
}

describe('the command table', () => {
  it("is the README's keyboard table", () => {
    expect(readmeRows()).toEqual(expectedRows());
  });

  for (const browserTab of [false, true]) {
    const where = browserTab ? 'in a browser tab' : 'in the desktop app';

    it(`binds each window key in the one binder, which runs its command (${where})`, () => {
      const registry = new CommandRegistry({ browserTab });
      const ran: CommandId[] = [];
      registry.registerTable(...commandIds.map((id) => ({ id, run: () => ran.push(id) })));
      let listener: ((e: KeyboardEvent) => void) | undefined;
      const target = { addEventListener: (_: string, l: (e: KeyboardEvent) => void) => (listener = l), document: { querySelector: () => null } } as unknown as Window;
      bindCommandKeys(registry, target);
      const windowKeyed = commandIds.filter((id) => commandKey(id) && commandEntry(id).boundBy !== 'editor');
      expect(windowKeyed).toContain('file.new');
      for (const id of windowKeyed) {
        let prevented = false;
        listener!(keydown(commandKey(id, browserTab)!, () => (prevented = true)));
        expect(ran.at(-1), id).toBe(id);
        expect(prevented, id).toBe(true);
      }
      expect(ran).toEqual(windowKeyed);
    });

    it(`gives no two commands one key (${where})`, () => {
      const keys = commandIds.flatMap((id) => commandKey(id, browserTab) ?? []);
      expect(new Set(keys).size).toBe(keys.length);
    });
  }

  it("leaves each editor key to a binding in the editor's keymap", () => {
    const state = EditorState.create({ extensions: [editorSetup({ onSave: () => {}, onChange: () => {} }), conflictBlocks(), linkToPost(() => {})] });
    const bound = new Set(state.facet(keymap).flat().flatMap((binding) => [binding.key, binding.linux, binding.win].filter((k) => k !== undefined)));
    const editorKeyed = commandIds.filter((id) => commandEntry(id).boundBy === 'editor');
    expect(editorKeyed).toContain('format.bold');
    for (const id of editorKeyed) expect(bound.has(commandKey(id) ?? `(${id} has no key)`), id).toBe(true);
  });
});
