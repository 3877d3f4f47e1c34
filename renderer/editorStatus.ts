// What the status bar says about the text: cursor line and column, words,
// characters. Counting walks the whole document, so it never runs before the
// keystroke is painted (it waits for idle time), and on long posts it waits
// for a pause in typing.
import type { EditorState } from '@codemirror/state';
import { Store } from './store';
import { countCharacters, countWords } from './wordCount';

export interface EditorStatusState {
  /** 1-based line of the cursor. */
  line: number;
  /** 1-based column of the cursor (in UTF-16 units, as CodeMirror and VS Code count). */
  column: number;
  words: number;
  /** Characters in the body, spaces included. */
  characters: number;
}

/** Below this many characters, counting in the next idle time keeps up with typing. */
const countNowBelow = 20_000;
const pause = 300;

function cursor(state: EditorState): Pick<EditorStatusState, 'line' | 'column'> {
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  return { line: line.number, column: head - line.from + 1 };
}

function counts(state: EditorState): Pick<EditorStatusState, 'words' | 'characters'> {
  const text = state.doc.toString();
  return { words: countWords(text), characters: countCharacters(text) };
}

export class EditorStatus {
  readonly store = new Store<EditorStatusState>({ line: 1, column: 1, words: 0, characters: 0 });
  #timer: ReturnType<typeof setTimeout> | undefined;
  #idle = 0;

  /** After a transaction: the cursor now, the counts soon. */
  update(state: EditorState, docChanged: boolean): void {
    const at = cursor(state);
    const now = this.store.get();
    if (at.line !== now.line || at.column !== now.column) this.store.update(at);
    if (!docChanged) return;
    this.#cancel();
    if (state.doc.length < countNowBelow) this.#idle = requestIdleCallback(() => this.#count(state));
    else this.#timer = setTimeout(() => this.#count(state), pause);
  }

  /** After the editor got a whole new state (a post was opened). */
  reset(state: EditorState): void {
    this.#cancel();
    this.store.set({ ...cursor(state), ...counts(state) });
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    cancelIdleCallback(this.#idle);
  }

  #count(state: EditorState): void {
    const next = counts(state);
    const now = this.store.get();
    if (next.words !== now.words || next.characters !== now.characters) this.store.update(next);
  }
}
