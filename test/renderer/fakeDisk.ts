// A typed stand-in for the backend's posts API, over files in a map: what the
// session (session.test.ts) and components rendered inside <ApiProvider>
// (apiContext.test.tsx) call, without a DOM or a workspace.
import { ApiError, type BlogApi, type PostDocument, type PostSummary, type SaveResult, type TextMatch } from '../../common/api';
import { MATCHES_PER_HIT, MAX_COUNTED } from '../../common/search';

export interface FileOnDisk {
  post: PostSummary;
  text: string;
  version: string;
}

/** Just enough of the backend: files in a map, versions from a counter. */
export class FakeDisk {
  files = new Map<string, FileOnDisk>();
  #n = 0;
  calls: string[] = [];
  /** Deleted files by undo token. */
  deleted = new Map<string, FileOnDisk>();
  /** Thrown by the next save, as the backend would for a full disk. */
  saveError: ApiError | null = null;

  add(id: string, text: string): FileOnDisk {
    const file = { post: summary(id), text, version: this.#version() };
    this.files.set(id, file);
    return file;
  }

  /** Another program writes the file. */
  edit(id: string, text: string): string {
    const file = this.#get(id);
    file.text = text;
    file.version = this.#version();
    return file.version;
  }

  #version = () => `v${++this.#n}`;
  #get(id: string): FileOnDisk {
    const file = this.files.get(id);
    if (!file) throw new ApiError('not-found', `No post ${id}.`);
    return file;
  }
  #doc = (file: FileOnDisk): PostDocument => ({ post: file.post, text: file.text, version: file.version });

  api: Pick<BlogApi, 'posts'> = {
    posts: {
      list: async () => [...this.files.values()].map((f) => f.post),
      read: async (id) => this.#doc(this.#get(id)),
      create: async ({ title }) => {
        const id = title.toLowerCase().replace(/\W+/g, '-');
        this.calls.push(`create ${id}`);
        return this.#doc(this.add(id, `---\ntitle: ${title}\n---\n`));
      },
      save: async (id, text, base): Promise<SaveResult> => {
        this.calls.push(`save ${id} ${base}`);
        if (this.saveError) throw this.saveError;
        const file = this.files.get(id);
        if (!file || file.version !== base) return { status: 'conflict', disk: file ? { text: file.text, version: file.version } : null };
        file.text = text;
        file.version = this.#version();
        return { status: 'saved', version: file.version, post: file.post };
      },
      saveCopy: async (id, text) => {
        this.calls.push(`saveCopy ${id}`);
        const copyId = `${id}-conflicted-copy`;
        const file = this.add(copyId, text);
        return this.#doc(file);
      },
      rename: async (id, slug) => {
        const file = this.#get(id);
        this.files.delete(id);
        const renamed = { ...file, post: { ...summary(slug), slug }, version: this.#version() };
        this.files.set(slug, renamed);
        return this.#doc(renamed);
      },
      delete: async (id) => {
        const file = this.#get(id);
        this.files.delete(id);
        // As the backend does with a history folder: a copy kept aside, named by a token.
        const undo = `${String(Date.now()).padStart(13, '0')}-${String(this.deleted.size).padStart(12, '0')}`;
        this.deleted.set(undo, file);
        return { trashedPath: `/trash/${id}.md`, undo };
      },
      restore: async (token) => {
        const file = this.deleted.get(token);
        if (!file) throw new ApiError('not-found', 'That delete can no longer be undone here.');
        if (this.files.has(file.post.id)) throw new ApiError('exists', `Can't undo the delete: ${file.post.path} exists again.`);
        this.deleted.delete(token);
        this.files.set(file.post.id, file);
        return this.#doc(file);
      },
      // What common/search.ts promises (case-insensitive, most matches first, then by path), with whole lines for snippets.
      search: async (query) => {
        const needle = query.trim().toLowerCase();
        const hits = [...this.files.values()]
          .map(({ post, text }) => ({ id: post.id, path: post.path, all: matchesIn(text, needle) }))
          .filter((hit) => hit.all.length > 0)
          .sort((a, b) => b.all.length - a.all.length || a.path.localeCompare(b.path))
          .map(({ id, path, all }) => ({ id, path, count: Math.min(all.length, MAX_COUNTED), matches: all.slice(0, MATCHES_PER_HIT) }));
        return { hits, total: hits.length, searched: this.files.size };
      },
    },
  };
}

export function summary(id: string): PostSummary {
  return { id, path: `posts/${id}.md`, title: id, date: null, tags: [], draft: false, slug: id, description: '', words: 0, modified: 0 };
}

/** Every place `needle` (lower-cased) stands in `text`, line by line, with its line around it. */
function matchesIn(text: string, needle: string): TextMatch[] {
  return text.split('\n').flatMap((line, i) => {
    const found: TextMatch[] = [];
    for (let at = line.toLowerCase().indexOf(needle); at >= 0; at = line.toLowerCase().indexOf(needle, at + needle.length)) {
      found.push({ line: i + 1, column: at + 1, length: needle.length, before: line.slice(0, at), match: line.slice(at, at + needle.length), after: line.slice(at + needle.length) });
    }
    return found;
  });
}
