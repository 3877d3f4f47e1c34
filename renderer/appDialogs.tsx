// The window's modal dialogs as a map: which one is open → the component that
// shows it. The App holds only the name; at most one is open at a time, and the
// ones about the open post show only while a post is open.
import type { ReactNode } from 'react';
import type { BlogApi } from '../common/api';
import type { PostSummary } from '../common/types';
import { useApi } from './apiContext';
import { useWindowParts, type WindowParts } from './windowParts';
import { CommandPalette } from './commands/CommandPalette';
import { DeleteDialog } from './components/DeleteDialog';
import { ExportSiteDialog } from './components/ExportSiteDialog';
import { HistoryDialog, restoredNotice } from './components/HistoryDialog';
import { InsertVideoDialog } from './components/InsertVideoDialog';
import { NewPostDialog } from './components/NewPostDialog';
import { OutlinePicker } from './components/OutlinePicker';
import { PublishSettingsDialog } from './publish/PublishSettingsDialog';
import { RenameDialog } from './components/RenameDialog';
import { SettingsDialog } from './preferences/SettingsDialog';
import { insertVideo } from './insertVideo';

export type DialogName = 'new' | 'new-page' | 'rename' | 'delete' | 'palette' | 'outline' | 'settings' | 'export-site' | 'publish-settings' | 'history' | 'insert-video';

export interface DialogContext {
  /** The post open in the editor. */
  post: PostSummary | null;
  posts: readonly PostSummary[];
  outputDir: string;
  /** Where Insert video puts the video: the caret when it was asked for. */
  videoAt: number;
  /** After a delete, the keyboard goes back to the post list. */
  focusList: () => void;
  close: () => void;
}

/** What a dialog is shown with: the App's context, the window's parts and the API. */
type Shown = DialogContext & Pick<WindowParts, 'view' | 'session' | 'notices' | 'commands' | 'settings'> & { api: BlogApi };
type Show = (c: Shown) => ReactNode;

/** A dialog about the open post: nothing while no post is open. */
const aboutPost =
  (show: (c: Shown, post: PostSummary) => ReactNode): Show =>
  (c) =>
    c.post && show(c, c.post);

const dialogs: Record<DialogName, Show> = {
  new: (c) => <NewPostDialog kind="post" onCreate={(title) => c.session.create(title)} onClose={c.close} posts={c.posts} />,
  'new-page': (c) => <NewPostDialog kind="page" onCreate={(title) => c.session.create(title, 'page')} onClose={c.close} posts={c.posts} />,
  'publish-settings': (c) => <PublishSettingsDialog onClose={c.close} />,
  'export-site': (c) => <ExportSiteDialog outputDir={c.outputDir} onClose={c.close} />,
  rename: aboutPost((c, post) => <RenameDialog slug={post.slug} path={post.path} onRename={(slug) => c.session.rename(slug)} onClose={c.close} />),
  delete: aboutPost((c, post) => (
    <DeleteDialog
      path={post.path}
      onDelete={async () => {
        const deleted = await c.session.delete();
        if (deleted) requestAnimationFrame(c.focusList);
        return deleted;
      }}
      onClose={c.close}
    />
  )),
  history: aboutPost((c, post) => (
    <HistoryDialog
      postId={post.id}
      path={post.path}
      current={c.view.state.doc.toString()}
      onRestore={async (text, version) => {
        const restored = await c.session.restoreVersion(text);
        if (restored) c.notices.push('info', restoredNotice(version.time));
        return restored;
      }}
      onClose={c.close}
    />
  )),
  palette: (c) => <CommandPalette commands={c.commands} onClose={c.close} />,
  outline: aboutPost((c) => <OutlinePicker view={c.view} onClose={c.close} />),
  settings: (c) => <SettingsDialog settings={c.settings} onClose={c.close} />,
  'insert-video': aboutPost((c, post) => (
    <InsertVideoDialog
      onInsert={async (address) => {
        const deps = { api: c.api, view: c.view, notify: c.notices.push, openPostId: () => c.session.state.post?.id ?? null };
        await insertVideo(deps, post.id, address, c.videoAt);
        return true;
      }}
      onClose={c.close}
    />
  )),
};

export function AppDialog({ name, context }: { name: DialogName; context: DialogContext }) {
  const api = useApi();
  const { view, session, notices, commands, settings } = useWindowParts();
  return dialogs[name]({ ...context, view, session, notices, commands, settings, api });
}
