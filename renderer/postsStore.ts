// The post list as the backend reports it, kept current by posts.changed events.
import { ApiError, type BlogApi, type EventPayload, type PostSummary } from '../common/api';
import { removePost, upsertPost } from './postFilter';
import { Store } from './store';

export interface PostsState {
  /** null while the first load is running. */
  posts: PostSummary[] | null;
  /** Why the list could not be loaded, if it could not. */
  error: string | null;
}

export class PostsStore {
  readonly store = new Store<PostsState>({ posts: null, error: null });

  constructor(private readonly api: Pick<BlogApi, 'posts'>) {}

  async load(): Promise<void> {
    this.store.update({ error: null });
    try {
      this.store.set({ posts: await this.api.posts.list(), error: null });
    } catch (error) {
      this.store.update({ error: ApiError.from(error).message });
    }
  }

  apply(change: EventPayload<'posts.changed'>): void {
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
