// "Export Post as HTML…" and "Copy as HTML": one post as the self-contained
// page the export writes (site.exportPost), from the text as saved. Unsaved
// edits are saved first, so what leaves the app is what the author sees.
import type { BlogApi } from '../../common/api';
import type { PostSession } from '../session';
import { errorMessage } from '../../common/errors';

export interface PostExportDeps {
  api: Pick<BlogApi, 'site' | 'app'>;
  /** The desktop app copies through the OS clipboard (the contract); a browser tab through its own. */
  desktop: boolean;
  session: Pick<PostSession, 'state' | 'save'>;
  notify: (kind: 'info' | 'error', message: string) => void;
}

async function exportOpenPost({ api, session, notify }: PostExportDeps) {
  const post = session.state.post;
  if (!post) return null;
  if (session.state.dirty && !(await session.save())) {
    notify('error', `${post.path} could not be saved, so it was not exported. Save it, then try again.`);
    return null;
  }
  try {
    return await api.site.exportPost(post.id);
  } catch (error) {
    notify('error', `Couldn't export ${post.path}: ${errorMessage(error)}`);
    return null;
  }
}

/**
 * Saves the page through the browser's download. Electron shows a Save dialog;
 * a browser tab saves quietly to its downloads folder, so `tellDownloaded` says where it went.
 */
export async function downloadPostHtml(deps: PostExportDeps, tellDownloaded = false): Promise<void> {
  const page = await exportOpenPost(deps);
  if (!page) return;
  if (tellDownloaded) deps.notify('info', `Exported ${page.fileName} to your browser's downloads folder.`);
  const url = URL.createObjectURL(new Blob([page.html], { type: 'text/html' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: page.fileName });
  link.click();
  // The download has its own copy of the bytes once it has started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Puts the page on the clipboard, as rich HTML for editors and as its source for code. */
export async function copyPostHtml(deps: PostExportDeps): Promise<void> {
  const page = await exportOpenPost(deps);
  if (!page) return;
  try {
    if (deps.desktop) await deps.api.app.copyHtml(page.html, page.html);
    else
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([page.html], { type: 'text/html' }), 'text/plain': new Blob([page.html], { type: 'text/plain' }) }),
      ]);
    deps.notify('info', `Copied ${page.fileName} as HTML.`);
  } catch (error) {
    deps.notify('error', `Couldn't copy to the clipboard: ${errorMessage(error)}`);
  }
}
