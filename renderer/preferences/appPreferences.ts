// The author's app preferences, kept in the page's localStorage so they work
// the same in the desktop window and the browser bridge. Workspace settings
// (the site) live in postwright.json instead; these are per machine.
import { z } from 'zod';
import { Store } from '../store';

export interface Settings {
  /** Save automatically after the author stops typing. */
  autosave: boolean;
  /** Idle time before an autosave, in milliseconds. */
  autosaveDelayMs: number;
  /** The OS spellchecker underlines misspelt words. */
  spellcheck: boolean;
  /** Dim every paragraph but the current one. */
  focusMode: boolean;
  /** Keep the cursor line in the middle of the editor. */
  typewriter: boolean;
  /** The editor's typeface. */
  editorFont: 'serif' | 'sans' | 'mono';
  /** Which panes show: the editor, the preview, or both side by side. */
  viewMode: 'editor' | 'split' | 'preview';
  /** Light or dark; `system` follows the OS. */
  theme: 'system' | 'light' | 'dark';
  /** Load images from other sites in the preview (off: they show as blocked, so writing makes no requests). */
  remoteImages: boolean;
  /** Hide the front matter's lines in the editor; the panel above shows its fields. */
  hideFrontMatter: boolean;
  /** Keep the post's outline open beside the text. */
  outlinePanel: boolean;
}

export const defaultSettings: Settings = {
  autosave: true,
  autosaveDelayMs: 1000,
  spellcheck: true,
  focusMode: false,
  typewriter: false,
  editorFont: 'serif',
  viewMode: 'split',
  theme: 'system',
  remoteImages: false,
  hideFrontMatter: false,
  outlinePanel: false,
};

const key = 'postwright.settings';

// Each field falls back to its default on its own, so one bad value never resets the rest.
const schema = z.object({
  autosave: z.boolean().catch(defaultSettings.autosave),
  autosaveDelayMs: z.number().int().min(200).max(60_000).catch(defaultSettings.autosaveDelayMs),
  spellcheck: z.boolean().catch(defaultSettings.spellcheck),
  focusMode: z.boolean().catch(defaultSettings.focusMode),
  typewriter: z.boolean().catch(defaultSettings.typewriter),
  editorFont: z.enum(['serif', 'sans', 'mono']).catch(defaultSettings.editorFont),
  viewMode: z.enum(['editor', 'split', 'preview']).catch(defaultSettings.viewMode),
  theme: z.enum(['system', 'light', 'dark']).catch(defaultSettings.theme),
  remoteImages: z.boolean().catch(defaultSettings.remoteImages),
  hideFrontMatter: z.boolean().catch(defaultSettings.hideFrontMatter),
  outlinePanel: z.boolean().catch(defaultSettings.outlinePanel),
});

/** Reads stored settings over the defaults. */
export function parseSettings(stored: string | null): Settings {
  let data: unknown = {};
  try {
    data = JSON.parse(stored ?? '{}');
  } catch {
    // Unreadable: defaults.
  }
  return schema.parse(typeof data === 'object' && data !== null ? data : {});
}

export class SettingsStore extends Store<Settings> {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null) {
    super(parseSettings(storage?.getItem(key) ?? null));
  }

  override set(value: Settings): void {
    super.set(value);
    try {
      this.storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the setting still applies for this session.
    }
  }
}
