// Applies the author's theme choice to the app page: `system` leaves it to the
// OS (prefers-color-scheme); light or dark override it (styles.css reads
// :root[data-theme]). The preview gets the same choice (see PreviewPane).
import { useEffect } from 'react';
import type { Settings } from './settings';

/** The choices: `label` as the palette names them, `short` for the Settings dialog's segments. */
export const themes: readonly { theme: Settings['theme']; label: string; short: string }[] = [
  { theme: 'system', label: 'Follow the system', short: 'System' },
  { theme: 'light', label: 'Light', short: 'Light' },
  { theme: 'dark', label: 'Dark', short: 'Dark' },
];

export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
