// Editor states written as text, CodeMirror style: `|` is a cursor, `«` and `»`
// are a selection's anchor and head (so `»text«` selects backwards). Markdown
// never needs these characters in a test, unlike `[`, `>` or `*`.
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorSelection, EditorState, type StateCommand, type TransactionSpec } from '@codemirror/state';
import { postLanguage } from '../../../renderer/editor/language';

export function mkState(spec: string): EditorState {
  let doc = '';
  const ranges: { anchor: number; head: number }[] = [];
  let open: { mark: string; pos: number } | null = null;
  for (const ch of spec) {
    if (ch === '|') ranges.push({ anchor: doc.length, head: doc.length });
    else if (ch === '«' || ch === '»') {
      if (!open) open = { mark: ch, pos: doc.length };
      else {
        const [anchor, head] = open.mark === '«' ? [open.pos, doc.length] : [doc.length, open.pos];
        ranges.push({ anchor, head });
        open = null;
      }
    } else doc += ch;
  }
  if (open) throw new Error(`Unpaired ${open.mark} in ${JSON.stringify(spec)}`);
  if (!ranges.length) throw new Error(`No cursor or selection in ${JSON.stringify(spec)}`);
  const selection = EditorSelection.create(ranges.map((r) => EditorSelection.range(r.anchor, r.head)));
  const state = EditorState.create({ doc, selection, extensions: [postLanguage(), EditorState.allowMultipleSelections.of(true)] });
  // A new state parses only for a few milliseconds, which a busy machine can run out of: finish the
  // parse, then take a state that carries the whole tree, so commands always see the full syntax.
  if (!ensureSyntaxTree(state, state.doc.length, 10_000)) throw new Error('The test document did not parse in 10 s');
  return state.update({}).state;
}

/** The state written back the way mkState reads it. */
export function show(state: EditorState): string {
  const marks: { pos: number; text: string }[] = [];
  for (const r of state.selection.ranges) {
    if (r.empty) marks.push({ pos: r.head, text: '|' });
    else {
      marks.push({ pos: r.anchor, text: '«' });
      marks.push({ pos: r.head, text: '»' });
    }
  }
  // Insert from the end so earlier offsets stay valid; at one offset, a head closes before the next anchor opens.
  marks.sort((a, b) => b.pos - a.pos || (a.text === '«' ? -1 : 1));
  let doc = state.doc.toString();
  for (const m of marks) doc = doc.slice(0, m.pos) + m.text + doc.slice(m.pos);
  return doc;
}

/** Runs a command on a written state and writes the result; the input unchanged when the command declined. */
export function run(command: StateCommand, spec: string): string {
  let state = mkState(spec);
  command({ state, dispatch: (tr) => (state = tr.state) });
  return show(state);
}

/** Applies the change `change` makes at the `^` in `spec` (a cursor is `|`, as mkState reads it) and writes the result. */
export function changeAt(spec: string, change: (state: EditorState, at: number) => TransactionSpec): string {
  const at = spec.replace('|', '').indexOf('^');
  const state = mkState(spec.replace('^', ''));
  return show(state.update(change(state, at)).state);
}
