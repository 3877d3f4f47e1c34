// The editor's ways into the link-to-post picker: typing `[[` (as in Obsidian
// and Logseq) and Mod-Shift-K. The picker replaces `range` with the link:
// the `[[` just typed, or the selection, which becomes the link's text.
import { syntaxTree } from '@codemirror/language';
import { Prec, type EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import type { SyntaxNode } from '@lezer/common';
import type { PostSummary } from '../../common/types';
import { postLinkMarkdown } from '../posts/postLink';
import { keyOf } from '../../common/commands';

export interface LinkRequest {
  from: number;
  to: number;
  /** The selected text, to be the link's text; empty for `[[` or no selection. */
  text: string;
}

export function linkToPost(open: (request: LinkRequest) => void): Extension {
  return [
    // Above the default keymap, where Mod-Shift-K deletes the line.
    Prec.high(
      keymap.of([
        {
          key: keyOf('edit.linkToPost'),
          preventDefault: true,
          run: (view) => {
            const { from, to } = view.state.selection.main;
            open({ from, to, text: view.state.sliceDoc(from, to) });
            return true;
          },
        },
      ]),
    ),
    EditorView.inputHandler.of((view, from, to, text) => {
      if (text !== '[' || from !== to || view.state.sliceDoc(from - 1, from) !== '[' || view.composing || inCode(view.state, from)) return false;
      // The second bracket is typed as usual (so Esc leaves `[[` as written), then the picker opens over it.
      view.dispatch({ changes: { from, insert: '[' }, selection: { anchor: from + 1 }, userEvent: 'input.type' });
      open({ from: from - 1, to: from + 1, text: '' });
      return true;
    }),
  ];
}

/** `a[[0]]` in code is code, not a wish to link. */
function inCode(state: EditorState, pos: number): boolean {
  for (let node: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1); node; node = node.parent) {
    if (/^(FencedCode|CodeBlock|InlineCode|CodeText)$/.test(node.name)) return true;
  }
  return false;
}

/** The picker's choice: the link from the post at `fromPath` to `target` replaces the request's range; the caret after it. */
export function insertPostLink(view: EditorView, request: LinkRequest, fromPath: string, target: PostSummary): void {
  const insert = postLinkMarkdown(request.text || target.title || target.path, fromPath, target.path);
  // The picker's dialog gives the editor its focus back as it closes.
  view.dispatch({ changes: { from: request.from, to: request.to, insert }, selection: { anchor: request.from + insert.length }, scrollIntoView: true });
}
