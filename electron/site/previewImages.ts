// The export's image markup in the preview: the same width, height and srcset
// a post's image gets on the site (see images.ts), from the same image cache,
// and its resized files served by the preview's asset route (`?w=480`). The
// preview stays sandboxed: these files come from the workspace's images
// through the same checks as the originals, never from the network.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../common/errors';
import type { PreviewImage } from '../../common/types';
import type { AssetFile } from '../workspace/assets';
import type { Workspace } from '../workspace/workspace';
import { cacheName, imageAttributes, ImageStore, isResizable, typeOf } from './images';

export class PreviewImages {
  readonly #store: ImageStore;

  constructor(
    readonly workspace: Workspace,
    /** The image cache folder the export uses (`<cache>/images`). */
    readonly folder: string,
  ) {
    this.#store = new ImageStore(folder);
  }

  /** What the export makes of each workspace image; null for one it publishes as it is, or cannot find. */
  sizes(relatives: readonly string[]): Promise<(PreviewImage | null)[]> {
    return Promise.all(
      relatives.map(async (relative) => {
        const record = await this.#record(relative).catch(() => null);
        if (!record) return null;
        const { attributes } = imageAttributes(relative, record, (sitePath) => sitePath);
        return { width: attributes.width, height: attributes.height, widths: attributes.srcset ? record.sources.map((v) => v.width) : [] };
      }),
    );
  }

  /** The image at `relative` as the asset route serves it: the original, or with `width` its srcset file of that width. */
  async file(relative: string, width: number | null): Promise<AssetFile> {
    if (width === null) return this.workspace.asset(relative);
    const record = await this.#record(relative);
    const variant = record?.sources.find((v) => v.width === width);
    if (!record || !variant) throw new ApiError('not-found', `${relative} has no ${width} px copy; the preview asks only for widths the export makes.`);
    const real = path.join(this.folder, cacheName(record.hash, variant));
    return { real, contentType: typeOf(variant), size: (await stat(real)).size };
  }

  async #record(relative: string) {
    // Through the workspace's checks: inside the workspace, no link out, an image.
    const file = await this.workspace.asset(relative);
    if (!isResizable(relative)) return null;
    const record = await this.#store.load(file.real);
    return record === 'failed' ? null : record;
  }
}
