// The post list and the watcher's events race: a change can be reported while
// the list call is still on its way, from a snapshot taken before the change.
// Found by test/e2e/preview.test.ts, where a post created right after the page
// loaded never appeared in the list.
import { describe, expect, it } from 'vitest';
import type { BlogApi, PostSummary } from '../../../common/api';
import { PostsStore } from '../../../renderer/posts/postsStore';

function post(id: string): PostSummary {
  return { id, path: `posts/${id}.md`, title: id, date: null, tags: [], draft: false, slug: id, description: '', words: 0, modified: 0 };
}

/** A backend whose list answers only when the test says so, with the snapshot it was given. */
function slowList() {
  let answer!: (posts: PostSummary[]) => void;
  const api = { posts: { list: () => new Promise<PostSummary[]>((resolve) => (answer = resolve)) } } as unknown as Pick<BlogApi, 'posts'>;
  return { api, answer: (posts: PostSummary[]) => answer(posts) };
}

const ids = (store: PostsStore) => store.store.get().posts?.map((p) => p.id);

describe('PostsStore', () => {
  it('keeps a post added while the list was on its way, though the snapshot lacks it', async () => {
    const { api, answer } = slowList();
    const store = new PostsStore(api);
    const loading = store.load();
    store.apply({ kind: 'added', id: 'new', post: post('new') });
    answer([post('old')]);
    await loading;
    expect(ids(store)?.sort()).toEqual(['new', 'old']);
  });

  it('drops a post removed while the list was on its way, though the snapshot has it', async () => {
    const { api, answer } = slowList();
    const store = new PostsStore(api);
    const loading = store.load();
    store.apply({ kind: 'removed', id: 'gone' });
    answer([post('gone'), post('kept')]);
    await loading;
    expect(ids(store)).toEqual(['kept']);
  });

  it('applies later changes once, straight to the list', async () => {
    const { api, answer } = slowList();
    const store = new PostsStore(api);
    const loading = store.load();
    answer([post('a')]);
    await loading;
    store.apply({ kind: 'added', id: 'b', post: post('b') });
    store.apply({ kind: 'removed', id: 'a' });
    expect(ids(store)).toEqual(['b']);
  });
});
