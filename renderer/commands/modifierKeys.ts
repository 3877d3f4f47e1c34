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

/** How to write a shortcut for this platform: "⌘N" or "Ctrl+N"; "Shift+P" gives "⇧⌘P" or "Ctrl+Shift+P", "Alt+P" "⌥⌘P" or "Ctrl+Alt+P". */
export function shortcutLabel(key: string): string {
  if (!isMac) return `Ctrl+${key}`;
  const alt = key.startsWith('Alt+');
  const rest = alt ? key.slice(4) : key;
  const shift = rest.startsWith('Shift+');
  return `${alt ? '⌥' : ''}${shift ? '⇧' : ''}⌘${shift ? rest.slice(6) : rest}`;
}

/** A CodeMirror key binding with the platform's modifier ("Mod-Shift-p") written for people. */
export function keyLabel(binding: string): string {
  const parts = binding.split(/-(?!$)/);
  const key = parts.pop()!;
  const shown = key.length === 1 ? key.toUpperCase() : key;
  const mods = ['Alt', 'Shift'].filter((m) => parts.includes(m)).map((m) => `${m}+`).join('');
  return parts.includes('Mod') ? shortcutLabel(mods + shown) : mods + shown;
}
