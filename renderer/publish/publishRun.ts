// One publish at a time, as the toolbar button, the menu and the panel see it:
// asking first when the site's address is a placeholder, running (with the
// latest progress), done (each target's outcome), or failed before any target
// was tried (the build or the check stopped it).
import { ApiError, type BlogApi, type PublishOutcome, type PublishProgress } from '../../common/api';
import { placeholderReason } from '../../common/siteAddress';
import { Store } from '../store';

export type PublishRunState =
  | { readonly kind: 'idle' }
  /** The site would go out under a placeholder address (example.com): publish only once the author says so. */
  | { readonly kind: 'address'; readonly target: string | undefined; readonly baseUrl: string; readonly reason: string }
  | { readonly kind: 'running'; readonly target: string | undefined; readonly progress: PublishProgress | null; readonly cancelling: boolean }
  | { readonly kind: 'done'; readonly outcomes: readonly PublishOutcome[] }
  | { readonly kind: 'failed'; readonly error: ApiError };

type PublishApi = Pick<BlogApi, 'publish' | 'site' | 'on'>;

export class PublishRun {
  readonly store = new Store<PublishRunState>({ kind: 'idle' });
  readonly #api: PublishApi;
  readonly #unsubscribe: () => void;
  /** The placeholder address the author chose to publish under anyway, asked once per window. */
  #acceptedAddress: string | null = null;

  constructor(api: PublishApi) {
    this.#api = api;
    this.#unsubscribe = api.on('publish.progress', (progress) => {
      const state = this.store.get();
      if (state.kind === 'running') this.store.set({ ...state, progress });
    });
  }

  get running(): boolean {
    return this.store.get().kind === 'running';
  }

  /** Builds, checks and uploads to `target`, or to every target; a second call while one runs is ignored. */
  async start(target?: string): Promise<void> {
    if (this.running) return;
    const before = this.store.get();
    // Publishing one target again (after trusting its host) keeps what the others did.
    const others = before.kind === 'done' && target !== undefined ? before.outcomes.filter((o) => o.target !== target) : [];
    this.store.set({ kind: 'running', target, progress: null, cancelling: false });
    if (await this.#askAboutAddress(target)) return;
    try {
      const outcomes = await this.#api.publish.run(target === undefined ? {} : { target });
      this.store.set({ kind: 'done', outcomes: [...others, ...outcomes] });
    } catch (error) {
      this.store.set({ kind: 'failed', error: ApiError.from(error) });
    }
  }

  /** The author read why the address is wrong and publishes under it all the same. */
  async publishAnyway(): Promise<void> {
    const state = this.store.get();
    if (state.kind !== 'address') return;
    this.#acceptedAddress = state.baseUrl;
    await this.start(state.target);
  }

  /** Shows the address question and returns true when the site would go out under a placeholder the author has not accepted. */
  async #askAboutAddress(target: string | undefined): Promise<boolean> {
    // Unreadable settings are the publish's to report, naming the key that is wrong.
    const address = await this.#api.site.address().catch(() => null);
    const reason = address && placeholderReason(address);
    if (!address || !reason || address.baseUrl === this.#acceptedAddress) return false;
    this.store.set({ kind: 'address', target, baseUrl: address.baseUrl, reason });
    return true;
  }

  async cancel(): Promise<void> {
    const state = this.store.get();
    if (state.kind !== 'running' || state.cancelling) return;
    this.store.set({ ...state, cancelling: true });
    await this.#api.publish.cancel();
  }

  /** The author accepted the fingerprint a target's host showed: trust it, then publish to that target again. */
  trustAndRetry(target: string, fingerprint: string): Promise<void> {
    return this.#retryAfter(target, () => this.#api.publish.trustHostKey(target, fingerprint));
  }

  /** The author confirmed the address a target would send credentials to: remember it, then publish to that target again. */
  confirmAndRetry(target: string, address: string): Promise<void> {
    return this.#retryAfter(target, () => this.#api.publish.trustEndpoint(target, address));
  }

  /** Publishes to `target` again once `answer` (the author's yes, kept by the backend) is stored; a refusal ends the run. */
  async #retryAfter(target: string, answer: () => Promise<unknown>): Promise<void> {
    try {
      await answer();
    } catch (error) {
      this.store.set({ kind: 'failed', error: ApiError.from(error) });
      return;
    }
    await this.start(target);
  }

  dismiss(): void {
    if (!this.running) this.store.set({ kind: 'idle' });
  }

  dispose(): void {
    this.#unsubscribe();
  }
}
