// Which links may leave the app for the user's browser or mail client.
const external = new Set(['http:', 'https:', 'mailto:']);

export function isExternalUrlAllowed(url: string): boolean {
  try {
    return external.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
