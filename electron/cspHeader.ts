// The app page's CSP as a response header (Electron's session.webRequest), so
// it holds from the first byte rather than from when a meta tag is parsed.
// Only our own pages get it: other responses (a YouTube player the author
// allowed in the export preview, say) keep their own policy.
//
// A header cannot change the body, and the policy must name the nonce the page
// was served with: so our app:// protocol handler writes each response's
// policy itself (appProtocol.ts), and it is kept as it is. Only the
// development server's pages (`npm run dev`) come without one; their HTML
// carries the build's nonce placeholder, which their policy names. That fixed
// nonce only weakens development sessions; built and packaged apps never load
// from the development server.
import { appCsp, NONCE_PLACEHOLDER } from '../common/csp';

export type ResponseHeaders = Record<string, string[]>;

const isCspHeader = (name: string) => name.toLowerCase() === 'content-security-policy';

/** The headers to answer `url` with: our own pages keep the policy they were served with or get the development one; everything else is untouched. */
export function withAppCsp(url: string, headers: ResponseHeaders | undefined, isAppUrl: (url: string) => boolean): ResponseHeaders {
  const kept = { ...headers };
  if (!isAppUrl(url) || Object.keys(kept).some(isCspHeader)) return kept;
  return { ...kept, 'Content-Security-Policy': [appCsp(NONCE_PLACEHOLDER)] };
}
