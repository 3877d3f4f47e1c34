// Mod-K: turn the selection into a link, `[text](url)`, with `url` selected so
// the author can paste over it; a selected address becomes the target instead,
// with the cursor in the (empty) text. Inside a link, the link is taken away and
// its text kept.
import { EditorSelection, type ChangeSpec, type StateCommand } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import { bodyStart, lineSegments } from './bodyText';
import { enclosingSpan } from './inlineSpan';

const placeholder = 'url';
const address = /^(?:https?:\/\/|mailto:)\S+$/i;

export const toggleLink: StateCommand = ({ state, dispatch }) => {
  const start = bodyStart(state);
  const tr = state.changeByRange((range) => {
    if (range.to < start || (!range.empty && range.to === start)) return { range };
    const parts = lineSegments(state, range, start);
    if (!parts.length) return { range };
    const links = parts.map((p) => enclosingSpan(state, 'Link', p.from, p.to));
    if (links.every(Boolean)) {
      const changes: ChangeSpec[] = [];
      let text = { from: 0, to: 0 };
      for (const link of links as SyntaxNode[]) {
        const close = link.getChildren('LinkMark').find((m) => state.sliceDoc(m.from, m.to) === ']');
        if (!close) return { range };
        changes.push({ from: link.from, to: link.from + 1 }, { from: close.from, to: link.to });
        text = { from: link.from + 1, to: close.from };
      }
      // Select the last link's text, where the author was looking.
      const set = state.changes(changes);
      return { changes: set, range: EditorSelection.range(set.mapPos(text.from, 1), set.mapPos(text.to, -1)) };
    }
    const changes: ChangeSpec[] = [];
    let select = { from: 0, to: 0 };
    let shift = 0;
    for (const p of parts) {
      const selected = state.sliceDoc(p.from, p.to);
      if (address.test(selected)) {
        changes.push({ from: p.from, to: p.to, insert: `[](${selected})` });
        select = { from: p.from + shift + 1, to: p.from + shift + 1 };
        shift += 4;
      } else {
        const tail = `](${placeholder})`;
        changes.push({ from: p.from, insert: '[' }, { from: p.to, insert: tail });
        const urlFrom = p.to + shift + 1 + 2;
        select = { from: urlFrom, to: urlFrom + placeholder.length };
        shift += 1 + tail.length;
      }
    }
    return { changes, range: EditorSelection.range(select.from, select.to) };
  });
  if (tr.changes.empty) return false;
  dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
};
