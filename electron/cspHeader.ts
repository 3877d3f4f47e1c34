// The app page's CSP as a response header (Electron's session.webRequest), so
// it holds from the first byte rather than from when a meta tag is parsed.
// Only our own pages get it: other responses (a YouTube player the author
// allowed in the export preview, say) keep their own policy.
import { appCsp } from '../common/csp';

export type ResponseHeaders = Record<string, string[]>;

/** The headers to answer `url` with: the app's CSP added for our own pages, everything else untouched. */
export function withAppCsp(url: string, headers: ResponseHeaders | undefined, isAppUrl: (url: string) => boolean): ResponseHeaders {
  const kept = { ...headers };
  if (!isAppUrl(url)) return kept;
  // One policy, not two: a second header of another case would be enforced as well.
  for (const name of Object.keys(kept)) if (name.toLowerCase() === 'content-security-policy') delete kept[name];
  return { ...kept, 'Content-Security-Policy': [appCsp] };
}
