// Applies the author's theme choice to the app page: `system` leaves it to the
// OS (prefers-color-scheme); light or dark override it (styles.css reads
// :root[data-theme]). The preview gets the same choice (see PreviewPane).
import { useEffect } from 'react';
import type { Settings } from './settings';

export function useTheme(theme: Settings['theme']): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
