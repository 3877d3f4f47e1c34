// Finding the inline span (bold, code, link...) a selection is in, by the
// syntax tree, so format commands know when to take a mark away.
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/**
 * The span of kind `node` that holds [from, to]. A cursor must sit in its text
 * (`**a**|` is after the span, not in it); a selection may include the marks.
 */
export function enclosingSpan(state: EditorState, node: string, from: number, to: number): SyntaxNode | null {
  const tree = syntaxTree(state);
  for (const start of [tree.resolveInner(from, 1), tree.resolveInner(to, -1)]) {
    for (let n: SyntaxNode | null = start; n; n = n.parent) {
      if (n.name !== node || from < n.from || to > n.to) continue;
      const contentFrom = n.firstChild?.to ?? n.from;
      const contentTo = n.lastChild?.from ?? n.to;
      const holds = from === to ? from >= contentFrom && from <= contentTo : from < contentTo && to > contentFrom;
      if (holds) return n;
    }
  }
  return null;
}
