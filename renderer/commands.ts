// The command registry: everything the author can do by name. The command
// palette lists it; commands whose shortcut no other keymap binds are bound
// here for the whole window. Adding a command is one `register` call:
//
//   commands.register({ id: 'view.split', title: 'View: Editor and preview', shortcut: 'Mod-p', run: () => … });
import { Store } from './store';

export interface Command {
  /** Stable and unique, e.g. `format.bold`. */
  id: string;
  /** As the palette lists it, "Group: Action". */
  title: string;
  /** In CodeMirror notation (`Mod-Shift-p`), shown beside the title in the platform's spelling. */
  shortcut?: string;
  /**
   * `window` (the default): the registry binds the shortcut in the whole window.
   * `elsewhere`: a keymap already binds it (the editor's, or the app's menu
   * shortcuts), so the registry only shows it.
   */
  keys?: 'window' | 'elsewhere';
  run: () => void;
}

export class CommandRegistry {
  readonly store = new Store<readonly Command[]>([]);

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
