// A bare YouTube or Vimeo address pasted on a line of its own already shows
// as an embed (with a placeholder); this offers to fetch its thumbnail, as
// Insert video does. The paste itself goes in untouched: the offer is only
// that, and ignoring it loses nothing.
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { parseVideoUrl } from '../../common/videoUrl';

/** Called with the pasted address and where its line starts, just after the paste. */
export type OfferVideo = (address: string, lineFrom: number) => void;

export function videoPaste(offer: OfferVideo): Extension {
  return EditorView.updateListener.of((update) => {
    update.transactions.forEach((tr, i) => {
      if (!tr.isUserEvent('input.paste')) return;
      const later = update.transactions.slice(i + 1);
      tr.changes.iterChanges((_fromA, _toA, fromB, _toB, inserted) => {
        const text = inserted.toString();
        const address = text.trim();
        if (!parseVideoUrl(address)) return;
        // Where the address starts, in the state after this whole update.
        const at = later.reduce((pos, next) => next.changes.mapPos(pos), fromB + text.length - text.trimStart().length);
        const line = update.state.doc.lineAt(at);
        if (line.text.trim() === address) offer(address, line.from);
      });
    });
  });
}
