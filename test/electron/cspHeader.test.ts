// The CSP response header: our app:// pages keep the policy their handler wrote (it names the nonce in
// their body), the development server's pages get the development policy, other responses are untouched.
import { describe, expect, it } from 'vitest';
import { isAppOrigin } from '../../electron/appProtocol';
import { withAppCsp } from '../../electron/cspHeader';
import { appCsp, NONCE_PLACEHOLDER } from '../../common/csp';

const devServer = (url: string) => new URL(url).origin === 'http://localhost:5173';

describe('the CSP response header', () => {
  it('keeps the policy our protocol handler wrote for the page, whatever the case of its name', () => {
    const ours = appCsp('bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==');
    expect(withAppCsp('app://postwright/index.html', { 'Content-Security-Policy': [ours], 'X-Other': ['1'] }, isAppOrigin)).toEqual({ 'Content-Security-Policy': [ours], 'X-Other': ['1'] });
    // One policy, not two: a second header of another case would be enforced as well.
    expect(withAppCsp('app://postwright/index.html', { 'content-security-policy': [ours] }, isAppOrigin)).toEqual({ 'content-security-policy': [ours] });
  });

  it("gives the development server's pages, which come without one, the policy naming the build's placeholder nonce", () => {
    expect(withAppCsp('http://localhost:5173/', { 'X-Other': ['1'] }, devServer)).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [appCsp(NONCE_PLACEHOLDER)] });
    expect(withAppCsp('http://localhost:5173/src/main.tsx', undefined, devServer)).toEqual({ 'Content-Security-Policy': [appCsp(NONCE_PLACEHOLDER)] });
  });

  it("leaves other sites' responses as they came", () => {
    const theirs = { 'Content-Security-Policy': ["frame-ancestors 'self'"], 'Content-Type': ['text/html'] };
    expect(withAppCsp('https://www.youtube-nocookie.com/embed/x', theirs, isAppOrigin)).toEqual(theirs);
    expect(withAppCsp('postwright-asset://workspace/a.png', {}, isAppOrigin)).toEqual({});
    expect(withAppCsp('https://www.youtube-nocookie.com/embed/x', {}, devServer)).toEqual({});
  });
});
