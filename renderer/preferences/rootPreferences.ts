// Settings that style the whole page rather than one editor: they are set as
// attributes on <html>, so CSS variables (styles.css) reach every part that
// shares them, such as the editor and the front-matter panel's text column.
import type { Settings } from './appPreferences';

export function applyRootSettings(settings: Settings, root: HTMLElement = document.documentElement): void {
  root.dataset.editorFont = settings.editorFont;
}
