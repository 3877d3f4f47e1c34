// The parts of the window main.tsx makes once (the editor view, the open-post
// session, the stores, the preview) reach the components that lay the window
// out through one context, instead of prop by prop down every level. The API
// has its own (apiContext.tsx), so a component that needs only the API renders
// in a test with a fake backend and none of these.
import type { EditorView } from '@codemirror/view';
import type { CommandRegistry } from './commands/registry';
import type { LinkRequest } from './editor/linkToPost';
import type { EditorStatus } from './editorStatus';
import type { FrontMatterSync } from './frontMatter/frontMatterSync';
import type { LargeImageOffers } from './largeImageOffers';
import type { LastPlace } from './lastPlace';
import type { Notices } from './notices';
import type { PostsStore } from './posts/postsStore';
import type { SettingsStore } from './preferences/appPreferences';
import type { PreviewController } from './preview/previewController';
import type { Recovery } from './recovery/recovery';
import type { PostSession } from './session';
import { requiredContext } from './requiredContext';
import type { Store } from './store';

export interface WindowParts {
  view: EditorView;
  session: PostSession;
  posts: PostsStore;
  notices: Notices;
  status: EditorStatus;
  frontMatter: FrontMatterSync;
  commands: CommandRegistry;
  settings: SettingsStore;
  preview: PreviewController;
  recovery: Recovery;
  /** Set by the editor (`[[`, Mod-Shift-K) to open the link-to-post picker. */
  linkRequest: Store<LinkRequest | null>;
  /** A large pasted image waiting for the author's choice. */
  largeImages: LargeImageOffers;
  /** Where the post reopened on start was left (lastPlace.ts): its caret and scroll, applied once it shows. */
  restorePlace: Store<LastPlace | null>;
}

const parts = requiredContext<WindowParts>('useWindowParts', 'WindowProvider');

export const WindowProvider = parts.Provider;
export const useWindowParts = parts.use;
