// The post list as the backend reports it, kept current by posts.changed events.
import { ApiError, type BlogApi, type EventPayload, type PostSummary } from '../../common/api';
import { removePost, upsertPost } from './postFilter';
import { Store } from '../store';

export interface PostsState {
  /** null while the first load is running. */
  posts: PostSummary[] | null;
  /** Why the list could not be loaded, if it could not. */
  error: string | null;
}

export class PostsStore {
  readonly store = new Store<PostsState>({ posts: null, error: null });

  /**
   * Changes that arrived while a list was on its way. The list is a snapshot
   * taken at some moment during the call, so a change reported meanwhile may
   * be missing from it: each is applied again on top (both kinds are idempotent).
   */
  #arrivedDuringLoad: EventPayload<'posts.changed'>[] | null = null;

  constructor(private readonly api: Pick<BlogApi, 'posts'>) {}

  async load(): Promise<void> {
    this.store.update({ error: null });
    const arrived: EventPayload<'posts.changed'>[] = [];
    this.#arrivedDuringLoad = arrived;
    try {
      const posts = await this.api.posts.list();
      if (this.#arrivedDuringLoad === arrived) this.#arrivedDuringLoad = null;
      this.store.set({ posts, error: null });
      for (const change of arrived) this.apply(change);
    } catch (error) {
      this.store.update({ error: ApiError.from(error).message });
    } finally {
      if (this.#arrivedDuringLoad === arrived) this.#arrivedDuringLoad = null;
    }
  }

  apply(change: EventPayload<'posts.changed'>): void {
    this.#arrivedDuringLoad?.push(change);
    if (change.kind === 'removed') this.remove(change.id);
    else if (change.post) this.upsert(change.post);
  }

  upsert = (post: PostSummary): void => {
    const { posts } = this.store.get();
    if (posts) this.store.update({ posts: upsertPost(posts, post) });
  };

  remove = (id: string): void => {
    const { posts } = this.store.get();
    if (posts?.some((p) => p.id === id)) this.store.update({ posts: removePost(posts, id) });
  };
}
