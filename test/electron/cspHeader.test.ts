// The CSP response header: added to our own pages, replacing any other policy; other responses untouched.
import { describe, expect, it } from 'vitest';
import { isAppOrigin } from '../../electron/appProtocol';
import { withAppCsp } from '../../electron/cspHeader';
import { appCsp } from '../../common/csp';

describe('the CSP response header', () => {
  it('is added to the app page and its assets, keeping the other headers', () => {
    expect(withAppCsp('app://postwright/index.html', { 'X-Other': ['1'] }, isAppOrigin)).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [appCsp] });
    expect(withAppCsp('app://postwright/assets/a.js', undefined, isAppOrigin)).toEqual({ 'Content-Security-Policy': [appCsp] });
  });

  it('replaces a weaker policy, whatever the case of its name', () => {
    const headers = withAppCsp('app://postwright/index.html', { 'content-security-policy': ["script-src 'unsafe-eval'"] }, isAppOrigin);
    expect(headers).toEqual({ 'Content-Security-Policy': [appCsp] });
  });

  it("leaves other sites' responses as they came", () => {
    const theirs = { 'Content-Security-Policy': ["frame-ancestors 'self'"], 'Content-Type': ['text/html'] };
    expect(withAppCsp('https://www.youtube-nocookie.com/embed/x', theirs, isAppOrigin)).toEqual(theirs);
    expect(withAppCsp('postwright-asset://workspace/a.png', {}, isAppOrigin)).toEqual({});
  });
});
