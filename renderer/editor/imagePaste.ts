// Pasting or dropping an image into the editor saves it in the post's assets
// folder and inserts a relative markdown image link where it was pasted or
// dropped. Saving is asynchronous, so the insertion point is tracked through
// the edits made meanwhile (a StateField that maps it), and a failure inserts
// nothing and says why. An image put between blocks becomes a block of its own,
// with blank lines around it (else it would join a paragraph or a table), and a
// caret that waited where it was inserted moves past it.
import { StateEffect, StateField, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { errorMessage } from '../../common/errors';

/** Saves one image; resolves with the link to insert (relative to the post), or null when the author chose not to add it. */
export type SaveImage = (file: File) => Promise<string | null>;

const addPending = StateEffect.define<{ id: number; pos: number }>();
const removePending = StateEffect.define<number>();

/** Where each image being saved will be inserted, kept in step with edits. */
const pending = StateField.define<ReadonlyMap<number, number>>({
  create: () => new Map(),
  update(value, tr) {
    let next = value;
    if (tr.docChanged && value.size) next = new Map([...value].map(([id, pos]) => [id, tr.changes.mapPos(pos)]));
    for (const effect of tr.effects) {
      if (effect.is(addPending)) next = new Map(next).set(effect.value.id, effect.value.pos);
      if (effect.is(removePending)) {
        next = new Map(next);
        (next as Map<number, number>).delete(effect.value);
      }
    }
    return next;
  },
});

let nextId = 1;

function imagesOf(data: DataTransfer | null): File[] {
  return [...(data?.files ?? [])].filter((file) => file.type.startsWith('image/'));
}

/** The text for a link: alt text from the file name, the URL in <> when it has spaces or parentheses. */
export function imageMarkdown(link: string, fileName: string): string {
  const alt = fileName.replace(/\.[^.]*$/, '').replace(/[[\]\\\n\r]/g, '').slice(0, 100);
  return `![${alt}](${/[\s()<>]/.test(link) ? `<${link}>` : link})`;
}

/**
 * Inserts the image `markdown` at `at`. On a blank line or at the start of a
 * line it is a block, with a blank line on each side where there is none; in
 * the middle or at the end of text it stays inline. A cursor at `at` ends up
 * after the image.
 */
export function placeImage(state: EditorState, at: number, markdown: string): TransactionSpec {
  const line = state.doc.lineAt(at);
  const blank = (n: number) => n < 1 || n > state.doc.lines || state.doc.line(n).text.trim() === '';
  let before = '';
  let after = '';
  if (line.text.trim() === '') {
    if (!blank(line.number - 1)) before = '\n';
    if (!blank(line.number + 1)) after = '\n';
  } else if (at === line.from) {
    if (!blank(line.number - 1)) before = '\n';
    after = '\n\n';
  }
  const caretHere = state.selection.ranges.length === 1 && state.selection.main.empty && state.selection.main.head === at;
  return {
    changes: { from: at, insert: before + markdown + after },
    ...(caretHere ? { selection: { anchor: at + before.length + markdown.length } } : {}),
  };
}

export function imagePaste(save: SaveImage, onError: (message: string) => void): Extension {
  const insert = (view: EditorView, files: File[], pos: number) => {
    for (const file of files) {
      const id = nextId++;
      view.dispatch({ effects: addPending.of({ id, pos }) });
      save(file).then(
        (link) => {
          const at = view.state.field(pending).get(id);
          if (at === undefined) return;
          if (link === null) return view.dispatch({ effects: removePending.of(id) });
          view.dispatch({ ...placeImage(view.state, at, imageMarkdown(link, file.name)), effects: removePending.of(id), userEvent: 'input.paste' });
        },
        (error: unknown) => {
          view.dispatch({ effects: removePending.of(id) });
          onError(`Couldn't add the image ${file.name || '(pasted)'}: ${errorMessage(error)}`);
        },
      );
    }
  };
  return [
    pending,
    EditorView.domEventHandlers({
      paste(event, view) {
        const files = imagesOf(event.clipboardData);
        if (!files.length) return false;
        event.preventDefault();
        const { from, to } = view.state.selection.main;
        if (to > from) view.dispatch({ changes: { from, to }, userEvent: 'delete' });
        insert(view, files, from);
        return true;
      },
      drop(event, view) {
        const files = imagesOf(event.dataTransfer);
        if (!files.length) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        insert(view, files, pos);
        return true;
      },
    }),
  ];
}
