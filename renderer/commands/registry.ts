// The command registry: everything the author can do by name. The command
// palette lists it; commands whose shortcut no other keymap binds are bound
// here for the whole window (commandKeys.ts). What a command is called, its key
// and its menu place are in the command table (common/commands.ts); a command
// is registered where the state it changes lives, by id:
//
//   commands.registerTable({ id: 'view.mode.split', run: () => settings.update({ viewMode: 'split' }) });
import { commandEntry, commandKey, type CommandId } from '../../common/commands';
import { Store } from '../store';

export interface Command {
  /** Stable and unique, e.g. `format.bold`. */
  id: string;
  /** As the palette lists it, "Group: Action". */
  title: string;
  /** In CodeMirror notation (`Mod-Shift-p`), shown beside the title in the platform's spelling. */
  shortcut?: string;
  /**
   * `window` (the default): the registry binds the shortcut in the whole window.
   * `elsewhere`: a keymap already binds it (the editor's), so the registry only shows it.
   */
  keys?: 'window' | 'elsewhere';
  /** While a modal is open the key runs nothing, but is still kept from the browser. */
  keptFromBrowserInModal?: boolean;
  run: () => void;
}

export class CommandRegistry {
  readonly store = new Store<readonly Command[]>([]);
  /** In a browser tab a command may take another key (CommandEntry.browserKey). */
  private readonly browserTab: boolean;

  constructor({ browserTab = false }: { browserTab?: boolean } = {}) {
    this.browserTab = browserTab;
  }

  /** Adds commands; returns a function that removes them again. */
  register(...commands: Command[]): () => void {
    const taken = new Set(this.store.get().map((c) => c.id));
    for (const command of commands) {
      if (taken.has(command.id)) throw new Error(`A command with the id "${command.id}" is already registered.`);
      taken.add(command.id);
    }
    this.store.set([...this.store.get(), ...commands]);
    return () => this.store.set(this.store.get().filter((c) => !commands.includes(c)));
  }

  /** Adds the command table's commands with what they do; their titles and keys come from the table. */
  registerTable(...commands: { id: CommandId; run: () => void }[]): () => void {
    return this.register(
      ...commands.map(({ id, run }) => {
        const { title, boundBy, keptFromBrowserInModal } = commandEntry(id);
        const shortcut = commandKey(id, this.browserTab);
        return { id, title, run, keys: boundBy === 'editor' ? ('elsewhere' as const) : ('window' as const), keptFromBrowserInModal, ...(shortcut && { shortcut }) };
      }),
    );
  }

  get(id: string): Command | undefined {
    return this.store.get().find((c) => c.id === id);
  }

  /** Runs a command by id; false when there is none. */
  run(id: string): boolean {
    const command = this.get(id);
    command?.run();
    return command !== undefined;
  }
}
