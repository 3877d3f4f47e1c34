// The page's image policy, narrower than the header's: a second
// Content-Security-Policy added as a <meta>, so https: images load only while
// the author allows remote images (see common/csp.ts). The preview's frames
// inherit it. A policy can be added but never taken back, so allowing remote
// images takes effect the next time the page loads.
import { imagePolicy } from '../common/csp';

export class ImagePolicy {
  /** Whether the policies in force let https: images load. */
  #remoteAllowed: boolean;

  constructor(
    private readonly document: Document,
    private readonly assetOrigin: string,
    remoteImages: boolean,
  ) {
    this.#remoteAllowed = remoteImages;
    this.#add(remoteImages);
  }

  /** Whether remote images can show now. */
  get remoteAllowed(): boolean {
    return this.#remoteAllowed;
  }

  /** The setting changed: turning remote images off takes effect at once; turning them on, on the next load. */
  set(remoteImages: boolean): void {
    if (remoteImages || !this.#remoteAllowed) return;
    this.#remoteAllowed = false;
    this.#add(false);
  }

  #add(remoteImages: boolean): void {
    const meta = this.document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = imagePolicy(this.assetOrigin, remoteImages);
    this.document.head.prepend(meta);
  }
}
