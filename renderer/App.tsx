// The window: posts sidebar | editor, status bar below, dialogs and toasts on top.
// Holds UI state only; the text is in the editor, the rest in the stores.
import { useCallback, useRef, useState } from 'react';
import { AppDialog, type DialogName } from './appDialogs';
import { CheckPanel } from './components/CheckPanel';
import { ConflictOrRecovery } from './components/ConflictOrRecovery';
import { DiskNote } from './components/DiskNote';
import { EmptyState } from './components/EmptyState';
import { MenuBar } from './commands/MenuBar';
import { PostHeader } from './components/PostHeader';
import { PanelBoundary } from './components/PanelBoundary';
import { Pickers } from './components/Pickers';
import { PostPanes } from './components/PostPanes';
import { PublishButton } from './publish/PublishButton';
import { PublishPanel } from './publish/PublishPanel';
import { RecoveryNote } from './recovery/RecoveryNote';
import { Sidebar } from './posts/Sidebar';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
import { goToLine } from './editor/goToLine';
import { ViewModeSwitch } from './components/ViewModeSwitch';
import { useApi } from './apiContext';
import { useWindowParts } from './windowParts';
import { inDesktopApp } from './desktopApp';
import { noFilter, type PostFilter } from './posts/postFilter';
import { openLink } from './openLink';
import { copyPostHtml, downloadPostHtml } from './posts/postExport';
import { useStore } from './store';
import { useAppCommands } from './commands/useAppCommands';
import { usePublish } from './publish/usePublish';
import { useDistractionFree } from './useDistractionFree';
import { useFocusOnOpen } from './useFocusOnOpen';
import { useTheme } from './preferences/useTheme';
import { useUndoNotice } from './useUndoNotice';
import { useUnsavedGuard } from './useUnsavedGuard';
import { useWindowTitle } from './useWindowTitle';
import { useWorkspace } from './useWorkspace';
import { errorMessage } from '../common/errors';

const sidebarId = 'posts-sidebar';

export function App() {
  const api = useApi();
  const { view, session, posts, notices, status, commands, settings, recovery, linkRequest, restorePlace } = useWindowParts();
  const open = useStore(session.store);
  const list = useStore(posts.store);
  const toasts = useStore(notices.store);
  const recovered = useStore(recovery.store);
  const workspace = useWorkspace();
  const { viewMode, theme, outlinePanel } = useStore(settings);
  const [filter, setFilter] = useState<PostFilter>(noFilter);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const [checking, setChecking] = useState(false);
  /** Find in all posts is open, starting from this text. */
  const [finding, setFinding] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  /** Where Insert video puts the video: the caret when it was asked for. */
  const videoAt = useRef(0);
  const publishing = usePublish();
  const distractionFree = useDistractionFree();

  useWindowTitle(open.post, open.dirty);
  useTheme(theme);
  useUnsavedGuard(open.dirty, () => session.save());
  useUndoNotice(notices);

  useFocusOnOpen(view, open, dialog !== null, restorePlace);

  const focusList = useCallback(() => {
    listRef.current?.querySelector<HTMLElement>('[role="option"][tabindex="0"]')?.focus();
  }, []);

  const toggleSidebar = () => {
    // Focus must not be left inside a sidebar that disappears.
    if (sidebarOpen && document.activeElement?.closest(`#${sidebarId}`)) view.focus();
    setSidebarOpen(!sidebarOpen);
  };

  /** A link out of the app, in the OS's browser; a refusal is said, not lost. */
  const openExternal = (url: string) => openLink(api, url).catch((error: unknown) => notices.push('error', `Couldn't open ${url}: ${errorMessage(error)}`));
  const exportDeps = { api, session, notify: notices.push, desktop: inDesktopApp };
  const ifPost = (name: DialogName) => () => open.post && setDialog(name);
  useAppCommands(commands, {
    newPost: () => setDialog('new'),
    newPage: () => setDialog('new-page'),
    toggleSidebar,
    rename: ifPost('rename'),
    remove: ifPost('delete'),
    outline: ifPost('outline'),
    palette: () => setDialog('palette'),
    settings: () => setDialog('settings'),
    exportSite: () => setDialog('export-site'),
    exportPost: () => void downloadPostHtml(exportDeps, !inDesktopApp),
    copyHtml: () => void copyPostHtml(exportDeps),
    check: () => setChecking(true),
    publish: publishing.publish,
    publishSettings: () => setDialog('publish-settings'),
    history: ifPost('history'),
    distractionFree: () => {
      // The sidebar and bars are going: the keyboard goes to the text.
      if (!distractionFree.on) view.focus();
      distractionFree.toggle();
    },
    findInPosts: () => setFinding(''),
    linkToPost: () => {
      if (!open.post) return;
      const { from, to } = view.state.selection.main;
      linkRequest.set({ from, to, text: view.state.sliceDoc(from, to) });
    },
    insertVideo: () => {
      if (!open.post) return;
      videoAt.current = view.state.selection.main.head;
      setDialog('insert-video');
    },
  });

  const post = open.post;
  return (
    <div className={`app${sidebarOpen ? '' : ' sidebar-closed'}${inDesktopApp ? '' : ' with-menu-bar'}${distractionFree.on ? ' distraction-free' : ''}`}>
      {distractionFree.on && (
        <button type="button" className="leave-distraction-free quiet-button" onClick={distractionFree.leave}>
          Leave full screen (Esc)
        </button>
      )}
      {!inDesktopApp && <MenuBar commands={commands} />}
      <PanelBoundary name="The post list">
        <Sidebar
          id={sidebarId}
          hidden={!sidebarOpen}
          list={list}
          filter={filter}
          onFilter={setFilter}
          openId={post?.id ?? null}
          onOpen={(id) => void session.open(id)}
          onNew={() => setDialog(filter.kind === 'page' ? 'new-page' : 'new')}
          onRetry={() => void posts.load()}
          listRef={listRef}
          onEnterList={focusList}
          onFindText={setFinding}
        />
      </PanelBoundary>
      <main className="editor-pane" aria-label={post ? `Editing ${post.title || post.path}` : 'Editor'}>
        <PostHeader
          post={post}
          sidebarId={sidebarId}
          sidebarOpen={sidebarOpen}
          onToggleSidebar={toggleSidebar}
          onRename={() => setDialog('rename')}
          onDelete={() => setDialog('delete')}
        >
          <PublishButton run={publishing.run} onPublish={publishing.publish} />
        </PostHeader>
        <DiskNote note={open.diskNote} onCompare={() => void session.save()} />
        <RecoveryNote entry={recovered.later.find((e) => e.postId === post?.id)} onReview={(e) => recovery.review(e)} />
        <PostPanes
          post={post}
          posts={list.posts ?? []}
          viewMode={viewMode}
          outlinePanel={outlinePanel}
          onOpenExternal={(url) => void openExternal(url)}
        />
        {!post && <EmptyState hasPosts={list.posts?.length !== 0} />}
        {checking && (
          <PanelBoundary name="Check" onClose={() => setChecking(false)}>
            <CheckPanel
              onGoTo={async (problem) => {
                // The site's settings are not a post: they are edited in the folder's postwright.json.
                if (!problem.postId) notices.push('info', `Open ${problem.file} in the workspace folder to fix this (line ${problem.line}).`);
                else if (await session.open(problem.postId)) goToLine(view, problem.line, problem.column);
              }}
              onClose={() => {
                setChecking(false);
                view.focus();
              }}
            />
          </PanelBoundary>
        )}
        {publishing.panelOpen && (
          <PanelBoundary name="Publish" onClose={publishing.closePanel}>
            <PublishPanel
              run={publishing.run}
              onOpenUrl={(url) => void openExternal(url)}
              onSettings={() => setDialog('publish-settings')}
              onClose={() => {
                publishing.closePanel();
                view.focus();
              }}
            />
          </PanelBoundary>
        )}
      </main>
      <PanelBoundary name="The status bar">
        <StatusBar
          session={open}
          status={status}
          workspace={workspace}
          onCheck={() => setChecking(true)}
          onSettings={() => setDialog('settings')}
        >
          {post && <ViewModeSwitch mode={viewMode} onChange={(mode) => settings.update({ viewMode: mode })} />}
        </StatusBar>
      </PanelBoundary>

      <PanelBoundary key={dialog ?? 'none'} name="This dialog" onClose={() => setDialog(null)}>
        {dialog && (
          <AppDialog
            name={dialog}
            context={{
              post,
              posts: list.posts ?? [],
              outputDir: workspace?.outputDir ?? '_site',
              videoAt: videoAt.current,
              focusList,
              close: () => setDialog(null),
            }}
          />
        )}
      </PanelBoundary>
      <Pickers post={post} posts={list.posts ?? []} finding={finding} onFinding={setFinding} />
      <PanelBoundary name="The conflict dialog">
        <ConflictOrRecovery />
      </PanelBoundary>
      <Toasts notices={toasts} onDismiss={notices.dismiss} onAction={notices.act} />
    </div>
  );
}
