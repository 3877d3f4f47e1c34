// Secrets must never reach a message or a log: a git remote may carry a token
// in its URL (https://user:TOKEN@host/…, or https://TOKEN@host/… as GitHub allows).

/** The text with the password (or the lone user name, for http) of every URL's userinfo replaced by "***". */
export function redactUrls(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*):([^@\s/]*)@/gi, '$1$2:***@')
    .replace(/\b(https?:\/\/)([^/@\s:]+)@/gi, '$1***@');
}
