// Wires the app together: the editor view, the open-post session, the post
// list and the notices, then hands them to React to display.
import './zodJitless';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EditorHost } from './components/EditorHost';
import { PanelBoundary } from './components/PanelBoundary';
import { Autosave } from './autosave';
import { setDateLocale } from './dateFormat';
import { toBase64 } from './base64';
import { ApiProvider } from './apiContext';
import { api, assetRoute } from './client';
import { inDesktopApp } from './desktopApp';
import { bindCommandKeys, runMenuCommand } from './commands/commandKeys';
import { CommandRegistry } from './commands/registry';
import { pageNonce } from './cspNonce';
import { imagePaste } from './editor/imagePaste';
import { videoPaste } from './editor/videoPaste';
import { addThumbnail } from './insertVideo';
import { linkToPost, type LinkRequest } from './editor/linkToPost';
import { editorPreferences, reconfigurePreferences } from './editor/preferences';
import { editorSetup } from './editor/setup';
import { registerEditorCommands } from './commands/editorCommands';
import { EditorStatus } from './editorStatus';
import { FrontMatterSync } from './frontMatter/frontMatterSync';
import { Notices } from './notices';
import { PostsStore } from './posts/postsStore';
import { PreviewController } from './preview/previewController';
import { Recovery } from './recovery/recovery';
import { RecoveryWriter } from './recovery/recoveryWriter';
import { PostSession } from './session';
import { ImagePolicy } from './imagePolicy';
import { applyRootSettings } from './preferences/rootPreferences';
import { LargeImageOffers } from './largeImageOffers';
import { SettingsStore, type Settings } from './preferences/appPreferences';
import { readLastPlace, rememberPlace, reopenLastPlace, type LastPlace } from './lastPlace';
import { Store } from './store';
import { registerViewCommands } from './commands/viewCommands';
import { WindowProvider } from './windowParts';

const notices = new Notices();
const posts = new PostsStore(api);
const status = new EditorStatus();
const frontMatter = new FrontMatterSync();
const settings = new SettingsStore();
const commands = new CommandRegistry({ browserTab: !inDesktopApp });
/** Where the link-to-post picker inserts its link, while it is open. */
const linkRequest = new Store<LinkRequest | null>(null);
/** The offer of a smaller copy for a large pasted image, while it is asked. */
const largeImages = new LargeImageOffers();

// First, before any post is shown: the nonce our <style> elements carry.
const nonce = pageNonce(document);
// First, before anything can load an image.
const imagePolicy = new ImagePolicy(document, assetRoute.origin, settings.get().remoteImages);

const previewConfig = ({ theme, remoteImages }: Settings) => ({
  assetBase: assetRoute.base,
  assetOrigin: assetRoute.origin,
  theme: theme === 'system' ? null : theme,
  // The page's policy decides, so the preview never shows a remote image the policy would break.
  remoteImages: remoteImages && imagePolicy.remoteAllowed,
  nonce,
});
// The preview shows a workspace image with the export's size and srcset, asked of the backend once per image.
const preview = new PreviewController(window, previewConfig(settings.get()), (paths) => api.assets.sizes(paths));
settings.subscribe(() => {
  imagePolicy.set(settings.get().remoteImages);
  preview.configure(previewConfig(settings.get()));
});

/**
 * Pasted and dropped images go to the open post's assets folder (25 MiB at
 * most, checked again by the backend); a large one only after the author chose
 * between a smaller copy and the original.
 */
async function saveImage(file: File): Promise<string | null> {
  if (!session.state.post) throw new Error('no post is open.');
  if (file.size > 25 * 1024 * 1024) throw new Error(`it is ${(file.size / 1024 / 1024).toFixed(1)} MiB; images up to 25 MiB can be added.`);
  const choice = await largeImages.ask(file);
  if (choice === 'cancel') return null;
  // The post open now: the author may have switched posts while deciding.
  const post = session.state.post;
  if (!post) throw new Error('no post is open.');
  const bytes = toBase64(new Uint8Array(await file.arrayBuffer()));
  const { link } = await api.assets.add(post.id, file.name, bytes, { downscale: choice === 'smaller' });
  return link;
}

/** A bare video address pasted on its own line: offer to fetch its thumbnail, as Insert video does. */
function offerThumbnail(address: string, lineFrom: number): void {
  const post = session.state.post;
  if (!post) return;
  const deps = { api, view, notify: notices.push, openPostId: () => session.state.post?.id ?? null };
  notices.push('info', 'A video address on its own line shows as an embed with a placeholder. Fetch its thumbnail and title (kept with the post)?', {
    label: 'Fetch thumbnail',
    run: () => void addThumbnail(deps, post.id, address, lineFrom),
  });
}

// The extensions call into the session, which needs the view; they only run
// after both exist, so referring ahead to `session` is safe.
const extensions = [
  editorSetup({
    onSave: () => void session.save(),
    onChange: ({ update, docChanged }) => {
      status.update(update.state, docChanged);
      if (docChanged) preview.changed(update.changes, update.state);
      session.editorChanged();
      if (docChanged) autosave.edited();
      if (docChanged) journal.edited();
    },
  }),
  frontMatter.extension,
  imagePaste(saveImage, (message) => notices.push('error', message)),
  videoPaste(offerThumbnail),
  linkToPost((request) => session.state.post && linkRequest.set(request)),
];
/** What every new state gets: the editor, configured by the settings as they are now. */
const stateExtensions = () => [extensions, EditorView.cspNonce.of(nonce), editorPreferences(settings.get())];
const view = new EditorView({ state: EditorState.create({ extensions: stateExtensions() }) });

const session: PostSession = new PostSession({
  api,
  // A getter: each opened post starts with the settings of that moment.
  get extensions() {
    return stateExtensions();
  },
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

const autosave = new Autosave(session, settings);
const journal = new RecoveryWriter({ api, session, doc: () => view.state.doc, isHeld: (id) => recovery.isHeld(id), notify: notices.push });
const recovery = new Recovery({ api, session, notify: notices.push, journalNow: () => journal.flush() });
let applied = settings.get();
applyRootSettings(applied);
settings.subscribe(() => {
  const effects = reconfigurePreferences(applied, settings.get());
  applied = settings.get();
  applyRootSettings(applied);
  if (effects.length) view.dispatch({ effects });
});
registerEditorCommands(commands, { view, session, settings });
registerViewCommands(commands, settings);
bindCommandKeys(commands);
api.on('app.command', ({ command }) => runMenuCommand(commands, command));

// A post opened, renamed or closed: the preview starts over from the editor's new state.
let shown: string | null = null;
session.store.subscribe(() => {
  const { post, opened } = session.state;
  const key = post ? `${opened}\0${post.path}` : null;
  if (key === shown) return;
  shown = key;
  preview.open(post && { path: post.path, title: post.title, date: post.date }, view.state);
});

// Links to other posts in the preview ({% post_url %}, {{< ref >}}) resolve against the current list.
posts.store.subscribe(() => preview.setPosts(posts.store.get().posts?.map((p) => p.path) ?? []));

api.on('posts.changed', (change) => {
  posts.apply(change);
  void session.onPostsChanged(change);
});
// A .md file opened from the OS, while the app runs or to launch it.
api.on('app.openPost', ({ id }) => void session.openFromOs(id));
void recovery.load();
// The post open when the app last closed in this workspace comes back, where it was left; from then on its place is kept.
const restorePlace = new Store<LastPlace | null>(null);
void Promise.all([api.workspace.info(), posts.load()])
  .then(async ([{ root, templates }]) => {
    preview.setTemplates(templates);
    const storage = globalThis.localStorage ?? null;
    await reopenLastPlace(readLastPlace(storage, root), posts.store.get().posts ?? [], session, restorePlace);
    rememberPlace({ view, session, storage, root });
  })
  // No workspace to ask about: the post list says what went wrong.
  .catch(() => {});

// Dates are shown in the OS's locale, which the desktop app knows; the first paint waits for it (one local call).
void api.app
  .systemLocale()
  .then(setDateLocale, () => setDateLocale(null))
  .then(render);

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApiProvider value={api}>
        <WindowProvider value={{ view, session, posts, notices, status, frontMatter, commands, settings, preview, recovery, linkRequest, restorePlace, largeImages }}>
          <PanelBoundary name="Postwright" keep={<EditorHost view={view} />}>
            <App />
          </PanelBoundary>
        </WindowProvider>
      </ApiProvider>
    </StrictMode>,
  );
}
