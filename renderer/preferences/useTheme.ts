// Applies the author's theme choice to the app page: `system` leaves it to the
// OS (prefers-color-scheme); light or dark override it (styles.css reads
// :root[data-theme]). The preview gets the same choice (see PreviewPane).
import { useEffect } from 'react';
import type { Settings } from './appPreferences';

/** The choices, with their name in the Settings dialog's segments (the palette's names are in the command table). */
export const themes: readonly { theme: Settings['theme']; short: string }[] = [
  { theme: 'system', short: 'System' },
  { theme: 'light', short: 'Light' },
  { theme: 'dark', short: 'Dark' },
];

export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
