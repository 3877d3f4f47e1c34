// The offer of a smaller copy for a large pasted or dropped image
// (common/largeImage.ts says when): the editor asks, the dialog shows one
// offer at a time, and each paste waits for the author's choice. Several
// images dropped at once queue up, each asked in turn.
import { isLargeImage, DOWNSCALABLE_TYPES, type ImageFacts } from '../common/largeImage';
import { Store } from './store';

export type LargeImageChoice = 'smaller' | 'original' | 'cancel';

export interface LargeImageOffer {
  name: string;
  facts: ImageFacts;
  choose(choice: LargeImageChoice): void;
}

export class LargeImageOffers {
  /** The offer shown now, if any. */
  readonly store = new Store<LargeImageOffer | null>(null);
  readonly #waiting: LargeImageOffer[] = [];

  /** What the author wants done with `file`: 'original' at once when it is not large (or its size cannot be read here). */
  async ask(file: File): Promise<LargeImageChoice> {
    if (!DOWNSCALABLE_TYPES.includes(file.type)) return 'original';
    const facts = await factsOf(file);
    if (!facts || !isLargeImage(facts)) return 'original';
    return new Promise((resolve) => {
      const offer: LargeImageOffer = {
        name: file.name,
        facts,
        choose: (choice) => {
          if (this.store.get() !== offer) return;
          resolve(choice);
          this.store.set(this.#waiting.shift() ?? null);
        },
      };
      if (this.store.get()) this.#waiting.push(offer);
      else this.store.set(offer);
    });
  }
}

/** The file's size and upright pixel size; null when the browser cannot decode it (the backend then says why). */
async function factsOf(file: File): Promise<ImageFacts | null> {
  try {
    // createImageBitmap applies the EXIF orientation by default, as the smaller copy will.
    const bitmap = await createImageBitmap(file);
    const facts = { bytes: file.size, width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return facts;
  } catch {
    return null;
  }
}
