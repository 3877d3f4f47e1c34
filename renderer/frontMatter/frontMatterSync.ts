// Shows the front matter of whatever state the editor holds to React: the
// store follows every transaction and every new state (a post opened), and
// changes only when the front matter does.
import { EditorState, type Extension } from '@codemirror/state';
import { ViewPlugin } from '@codemirror/view';
import { Store } from '../store';
import { frontMatterField, type FrontMatter } from './frontMatterField';

export class FrontMatterSync {
  readonly store = new Store<FrontMatter>(EditorState.create({ extensions: frontMatterField }).field(frontMatterField));

  /** Add to the editor's extensions. */
  readonly extension: Extension = [
    frontMatterField,
    ViewPlugin.define((view) => {
      this.store.set(view.state.field(frontMatterField));
      return { update: (update) => this.store.set(update.state.field(frontMatterField)) };
    }),
  ];
}
