// The three ways the window shows a post: the editor alone, the editor beside
// the preview, or the preview alone; and the key that cycles through them
// (Mod-Alt-P: Mod-P prints in a browser and Mod-Shift-P opens the palette).
import type { Settings } from './appPreferences';

export type ViewMode = Settings['viewMode'];

export const viewModes: readonly { mode: ViewMode; label: string; title: string }[] = [
  { mode: 'editor', label: 'Editor', title: 'Editor only' },
  { mode: 'split', label: 'Split', title: 'Split' },
  { mode: 'preview', label: 'Preview', title: 'Preview only' },
];

/** The next mode in the cycle editor → split → preview → editor. */
export function nextViewMode(mode: ViewMode): ViewMode {
  return viewModes[(viewModes.findIndex((m) => m.mode === mode) + 1) % viewModes.length]!.mode;
}
