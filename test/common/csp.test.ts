// The app page's policy as a string: what it lets style the page, for the desktop window and the bridge.
import { describe, expect, it } from 'vitest';
import { appCsp, bridgeCsp, NONCE_PLACEHOLDER } from '../../common/csp';

/** The directives of a policy, by name. */
const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

const nonce = 'c29tZSBub25jZSBmb3IgYSBwYWdl';
const policies = { desktop: appCsp(nonce), bridge: bridgeCsp(['http://127.0.0.1:4321', 'http://localhost:4321'], nonce) };

describe.each(Object.entries(policies))('the %s page policy', (_name, policy) => {
  it("lets style elements in only from our own origin or with the page's nonce, never 'unsafe-inline'", () => {
    expect(directives(policy).get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-hashes');
    // No directive of its own for style elements, which would override style-src's nonce.
    expect(directives(policy).has('style-src-elem')).toBe(false);
  });

  it('allows no style attribute at all', () => {
    expect(directives(policy).get('style-src-attr')).toEqual(["'none'"]);
  });

  it('runs only our own scripts: no nonce or inline script', () => {
    expect(directives(policy).get('script-src')).toEqual(["'self'"]);
  });
});

describe('page nonces', () => {
  it('are written into the policy as given', () => {
    expect(appCsp('YW5vdGhlciBub25jZSBmb3IgYSBwYWdl')).toContain("'nonce-YW5vdGhlciBub25jZSBmb3IgYSBwYWdl'");
    expect(appCsp(nonce)).not.toBe(appCsp('YW5vdGhlciBub25jZSBmb3IgYSBwYWdl'));
  });

  it('must be long enough and of base64 characters only, so a nonce can add no source or directive', () => {
    for (const bad of ['', 'short', `${nonce}' 'unsafe-inline`, `${nonce}; script-src *`, 'ééééééééééééééééééééééééé']) {
      expect(() => appCsp(bad), bad).toThrow(/is not a CSP nonce/);
      expect(() => bridgeCsp([], bad), bad).toThrow(/is not a CSP nonce/);
    }
  });

  it("the build's placeholder is itself a valid nonce (the development server's pages are served with it)", () => {
    expect(appCsp(NONCE_PLACEHOLDER)).toContain(`'nonce-${NONCE_PLACEHOLDER}'`);
  });
});
