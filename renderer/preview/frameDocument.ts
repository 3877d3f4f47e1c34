// The document of one sandboxed preview frame, and the policy it runs under.
//
// The frame is sandboxed without allow-scripts and allow-same-origin, so it can
// run nothing and reach nothing of the app. Its own Content-Security-Policy
// forbids everything but its one <style> and images from the asset route (and
// data: images); remote images only when the author allowed them. It also
// inherits the app page's policy (srcdoc documents do), which applies too: that
// is why its <style> carries the page's nonce. The nonce is then in the
// iframe's srcdoc attribute in the page, where only script or a stylesheet
// could read it, and the page allows neither to a post.
import { escapeHtml } from '../../common/markdown/escape';
import { frameCss } from './previewCss';

export interface FrameOptions {
  /** Origin of the workspace asset route, e.g. http://127.0.0.1:4321 or postwright-asset://workspace */
  assetOrigin: string;
  remoteImages: boolean;
  /** 'light' | 'dark' to override the OS, or null to follow it. */
  theme: 'light' | 'dark' | null;
  /** The app page's CSP nonce (see cspNonce.ts). */
  nonce: string;
}

export function frameCsp({ assetOrigin, remoteImages, nonce }: Pick<FrameOptions, 'assetOrigin' | 'remoteImages' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${assetOrigin} data:${remoteImages ? ' https:' : ''}`,
    `style-src 'nonce-${nonce}'`,
    "style-src-attr 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * One chunk of the article: the first chunk carries the article's header;
 * later ones continue the body with no top padding, so their first block sits
 * at the frame's top edge.
 */
export function frameDocument(options: FrameOptions, part: { header: string | null; body: string; last: boolean }): string {
  const theme = options.theme ? ` data-theme="${options.theme}"` : '';
  const classes = ['post', part.header === null ? 'pw-continued' : '', part.last ? '' : 'pw-cut'].filter(Boolean).join(' ');
  return (
    `<!doctype html><html lang="en"${theme}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(frameCsp(options))}">` +
    `<meta name="referrer" content="no-referrer"><style nonce="${escapeHtml(options.nonce)}">${frameCss}</style></head>` +
    `<body><article class="${classes}">${part.header ?? ''}<div class="post-body e-content">${part.body}</div></article></body></html>`
  );
}
