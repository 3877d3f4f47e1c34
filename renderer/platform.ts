// Keyboard conventions differ: Cmd on macOS, Ctrl elsewhere.

interface NavigatorUAData {
  platform?: string;
}

function detectMac(): boolean {
  if (typeof navigator === 'undefined') return false;
  const uaData = (navigator as Navigator & { userAgentData?: NavigatorUAData }).userAgentData;
  return /mac/i.test(uaData?.platform ?? navigator.platform ?? navigator.userAgent);
}

export const isMac = detectMac();

/** True when exactly the platform's command modifier is held (plus Shift if asked). */
export function isMod(event: KeyboardEvent, shift = false): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return mod && !event.altKey && event.shiftKey === shift;
}

/** How to write a shortcut for this platform: "⌘N" or "Ctrl+N". */
export function shortcutLabel(key: string): string {
  return isMac ? `⌘${key}` : `Ctrl+${key}`;
}
