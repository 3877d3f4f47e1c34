// Turns panel edits into editor transactions. A burst of edits to one field is
// one undo step, and keeps the quoting the value had when the burst began (a
// title typed through "Hello " would otherwise stay quoted once it had to be).
import { isolateHistory } from '@codemirror/commands';
import type { EditorState, TransactionSpec } from '@codemirror/state';
import { frontMatterQuoteStyle, type QuoteStyle } from '../../common/post';
import { fieldChange, yamlField, type FieldEdit, type FieldName } from './fields';
import { frontMatterField } from './frontMatterField';

/** What the editor needs to offer; an EditorView fits. */
export interface EditorTarget {
  readonly state: EditorState;
  dispatch(spec: TransactionSpec): void;
}

export class FieldEditor {
  #burst: { field: FieldName; quote: QuoteStyle | undefined } | null = null;

  constructor(private readonly editor: EditorTarget) {}

  /** Writes one field edit into the document; does nothing while the front matter cannot be edited. */
  edit(edit: FieldEdit): void {
    const { state } = this.editor;
    const fm = state.field(frontMatterField);
    if (fm.error || fm.block.kind === 'json') return;
    const fresh = this.#burst?.field !== edit.field;
    if (fresh) this.#burst = { field: edit.field, quote: frontMatterQuoteStyle(fm.head, yamlField(fm, edit).key) ?? undefined };
    const changes = fieldChange(state, edit, this.#burst!.quote);
    if (!changes) return;
    // History joins adjacent changes made in quick succession; a new burst must not join the one before it.
    this.editor.dispatch(fresh ? { changes, annotations: isolateHistory.of('before') } : { changes });
  }

  /** The field lost focus (or an undo ran): the next edit starts a new burst. */
  end(): void {
    this.#burst = null;
  }
}
