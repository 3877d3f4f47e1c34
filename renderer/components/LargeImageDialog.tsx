// Asks what to do with a large pasted or dropped image: add a smaller copy
// (the default, focused), add the original as it is, or add nothing.
import { useRef } from 'react';
import { downscaledSize } from '../../common/largeImage';
import type { LargeImageOffer } from '../largeImageOffers';
import { Dialog } from './Dialog';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pixels = ({ width, height }: { width: number; height: number }) => `${width.toLocaleString('en')} × ${height.toLocaleString('en')} px`;

export function LargeImageDialog({ offer }: { offer: LargeImageOffer }) {
  const smaller = useRef<HTMLButtonElement>(null);
  const { facts } = offer;
  const copy = downscaledSize(facts);
  const resized = copy.width !== facts.width || copy.height !== facts.height;
  return (
    <Dialog title="Add a smaller copy?" onClose={() => offer.choose('cancel')} initialFocus={smaller} className="large-image-dialog">
      <p className="dialog-text">
        <strong>{offer.name || 'The pasted image'}</strong> is {megabytes(facts.bytes)} and {pixels(facts)}. The published site shows images at most 1,600 px wide, and
        every byte stays in the workspace (and its git history).
      </p>
      <p className="hint">
        The smaller copy is {resized ? pixels(copy) : 'the same size, re-encoded'}, turned upright, and leaves out the photo&apos;s metadata: its location, camera and dates. The
        original is not kept unless you add it instead.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => offer.choose('cancel')}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => offer.choose('original')}>
          Add original
        </button>
        <button ref={smaller} type="button" className="button primary" onClick={() => offer.choose('smaller')}>
          Add smaller copy
        </button>
      </div>
    </Dialog>
  );
}
