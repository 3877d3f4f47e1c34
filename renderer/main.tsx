// Wires the app together: the editor view, the open-post session, the post
// list and the notices, then hands them to React to display.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { toBase64 } from './base64';
import { api, assetRoute } from './client';
import { imagePaste } from './editor/imagePaste';
import { editorSetup } from './editor/setup';
import { EditorStatus } from './editorStatus';
import { Notices } from './notices';
import { PostsStore } from './postsStore';
import { PreviewController } from './preview/previewController';
import { PostSession } from './session';
import { SettingsStore, type Settings } from './settings';

const notices = new Notices();
const posts = new PostsStore(api);
const status = new EditorStatus();
const settings = new SettingsStore();

const previewConfig = ({ theme, remoteImages }: Settings) => ({
  assetBase: assetRoute.base,
  assetOrigin: assetRoute.origin,
  theme: theme === 'system' ? null : theme,
  remoteImages,
});
const preview = new PreviewController(window, previewConfig(settings.get()));
settings.subscribe(() => preview.configure(previewConfig(settings.get())));

/** Pasted and dropped images go to the open post's assets folder (25 MiB at most, checked again by the backend). */
async function saveImage(file: File): Promise<string> {
  const post = session.state.post;
  if (!post) throw new Error('no post is open.');
  if (file.size > 25 * 1024 * 1024) throw new Error(`it is ${(file.size / 1024 / 1024).toFixed(1)} MiB; images up to 25 MiB can be added.`);
  const { link } = await api.assets.add(post.id, file.name, toBase64(new Uint8Array(await file.arrayBuffer())));
  return link;
}

// The extensions call into the session, which needs the view; they only run
// after both exist, so referring ahead to `session` is safe.
const extensions = [
  editorSetup({
    onSave: () => void session.save(),
    onChange: ({ update, docChanged }) => {
      status.update(update.state, docChanged);
      if (docChanged) preview.changed(update.changes, update.state.doc);
      session.editorChanged();
    },
  }),
  imagePaste(saveImage, (message) => notices.push('error', message)),
];
const view = new EditorView({ state: EditorState.create({ extensions }) });

const session: PostSession = new PostSession({
  api,
  extensions,
  editor: {
    get state() {
      return view.state;
    },
    dispatch: (spec) => view.dispatch(spec),
    setState: (state) => {
      view.setState(state);
      status.reset(state);
    },
  },
  notify: notices.push,
  onPost: posts.upsert,
  onRemoved: posts.remove,
});

// A post opened, renamed or closed: the preview starts over from the editor's new state.
let shown: string | null = null;
session.store.subscribe(() => {
  const { post, opened } = session.state;
  const key = post ? `${opened}\0${post.path}` : null;
  if (key === shown) return;
  shown = key;
  preview.open(post && { path: post.path, title: post.title, date: post.date }, view.state.doc);
});

api.on('posts.changed', (change) => {
  posts.apply(change);
  void session.onPostsChanged(change);
});
void posts.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App view={view} session={session} posts={posts} notices={notices} status={status} settings={settings} preview={preview} />
  </StrictMode>,
);
