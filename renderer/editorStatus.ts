// Line and word count for the status bar. Counting words walks the whole
// document, so on long posts it waits for a pause in typing.
import type { EditorState } from '@codemirror/state';
import { Store } from './store';
import { countWords } from './wordCount';

export interface EditorStatusState {
  /** 1-based line of the cursor. */
  line: number;
  words: number;
}

/** Below this many characters, counting is cheaper than a timer. */
const countNowBelow = 20_000;
const pause = 300;

export class EditorStatus {
  readonly store = new Store<EditorStatusState>({ line: 1, words: 0 });
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** After a transaction: the line now, the words soon. */
  update(state: EditorState, docChanged: boolean): void {
    const line = state.doc.lineAt(state.selection.main.head).number;
    if (line !== this.store.get().line) this.store.update({ line });
    if (!docChanged) return;
    clearTimeout(this.#timer);
    if (state.doc.length < countNowBelow) this.#count(state);
    else this.#timer = setTimeout(() => this.#count(state), pause);
  }

  /** After the editor got a whole new state (a post was opened). */
  reset(state: EditorState): void {
    clearTimeout(this.#timer);
    this.store.set({ line: state.doc.lineAt(state.selection.main.head).number, words: countWords(state.doc.toString()) });
  }

  #count(state: EditorState): void {
    const words = countWords(state.doc.toString());
    if (words !== this.store.get().words) this.store.update({ words });
  }
}
