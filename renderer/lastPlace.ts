// Reopens, on start, the post that was open when the app last closed, scrolled
// to the same line and with the caret where it was. Kept per workspace in the
// app's own storage (the page's localStorage, like the settings), never in the
// workspace: which post someone last read is not part of the blog.
import type { EditorView } from '@codemirror/view';
import { z } from 'zod';
import type { PostSummary } from '../common/api';
import type { PostSession } from './session';
import { Store } from './store';

export interface LastPlace {
  /** The post's path in the workspace (ids are stable only while a path is, so the path is what is kept). */
  path: string;
  /** The document position of the line at the top of the editor. */
  top: number;
  /** The caret. */
  head: number;
}

const Place = z.object({ path: z.string().min(1), top: z.number().int().min(0), head: z.number().int().min(0) });

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (root: string) => `postwright.lastPlace:${root}`;

export function readLastPlace(storage: Storage | null, root: string): LastPlace | null {
  try {
    const parsed = Place.safeParse(JSON.parse(storage?.getItem(key(root)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where the editor shows `view`'s post now: the line at its top and the caret. */
export function placeIn(view: EditorView, path: string): LastPlace {
  const height = Math.max(0, view.scrollDOM.scrollTop - view.documentPadding.top);
  return { path, top: view.lineBlockAtHeight(height).from, head: view.state.selection.main.head };
}

interface RememberDeps {
  view: EditorView;
  session: PostSession;
  storage: Storage | null;
  root: string;
}

/** Keeps the open post's place up to date (on open, on scroll, and as the page goes); returns a function that stops. */
export function rememberPlace({ view, session, storage, root }: RememberDeps): () => void {
  const write = () => {
    const post = session.state.post;
    try {
      if (post) storage?.setItem(key(root), JSON.stringify(placeIn(view, post.path)));
      else storage?.removeItem(key(root));
    } catch {
      // Storage full or disabled: the next start opens nothing, as before.
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(write, 300);
  };
  const unsubscribe = session.store.subscribe(soon);
  view.scrollDOM.addEventListener('scroll', soon, { passive: true });
  window.addEventListener('pagehide', write);
  return () => {
    clearTimeout(timer);
    unsubscribe();
    view.scrollDOM.removeEventListener('scroll', soon);
    window.removeEventListener('pagehide', write);
  };
}

/**
 * On start: opens the post last open in this workspace, unless one is open already (the OS asked for one).
 * `restore` holds the place until the window has shown the post and moves the editor there.
 */
export async function reopenLastPlace(
  place: LastPlace | null,
  posts: readonly PostSummary[],
  session: PostSession,
  restore: Store<LastPlace | null>,
): Promise<void> {
  const post = place && posts.find((p) => p.path === place.path);
  if (!place || !post || session.state.post) return;
  restore.set(place);
  if (!(await session.open(post.id))) restore.set(null);
}
