// Electron prints "Electron Security Warning" in development when a window meets
// one of the conditions in its lib/renderer/security-warnings.ts (the checklist
// at https://www.electronjs.org/docs/latest/tutorial/security). Those conditions,
// checked against the options the window is really built with and the policy it
// is really sent, so none of the warnings can fire.
import { describe, expect, it } from 'vitest';
import type { WebPreferences } from 'electron';
import { appCsp as appPolicy } from '../../common/csp';
import { appPageUrl } from '../../electron/appProtocol';
import { newNonce } from '../../electron/pageNonce';
import { windowOptions } from '../../electron/desktop/window';

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!.toLowerCase(), values]));
}

/** The warnings Electron would log for a window with these preferences, page URL and CSP. */
function electronWarnings(prefs: WebPreferences, pageUrl: string, csp: string | undefined): string[] {
  const warnings: string[] = [];
  const remote = /^(http|ftp)s?:/i.test(pageUrl) && new URL(pageUrl).hostname !== 'localhost';
  if (prefs.nodeIntegration && remote) warnings.push('Node.js Integration with Remote Content');
  if (prefs.webSecurity === false) warnings.push('Disabled webSecurity');
  if (/^(http|ftp):/i.test(pageUrl) && new URL(pageUrl).hostname !== 'localhost') warnings.push('Insecure Resources');
  if (prefs.allowRunningInsecureContent) warnings.push('allowRunningInsecureContent');
  if (prefs.experimentalFeatures) warnings.push('experimentalFeatures');
  if (Object.hasOwn(prefs, 'enableBlinkFeatures') && prefs.enableBlinkFeatures !== '') warnings.push('enableBlinkFeatures');
  // Eval is allowed when there is no policy, or its script policy (script-src, else default-src) is absent or allows it.
  const policy = csp === undefined ? undefined : directives(csp);
  const scripts = policy?.get('script-src') ?? policy?.get('default-src');
  if (!scripts || scripts.includes("'unsafe-eval'") || scripts.includes('*')) warnings.push('Insecure Content-Security-Policy');
  return warnings;
}

describe("Electron's security warnings", () => {
  /** The policy one page response is sent with. */
  const appCsp = appPolicy(newNonce());
  const prefs = windowOptions('/app/out/preload/preload.cjs', { width: 1280, height: 800 }).webPreferences!;

  it('none fire for the app window, its app:// page and its CSP', () => {
    expect(electronWarnings(prefs, appPageUrl, appCsp)).toEqual([]);
  });

  it('the check itself sees each warning condition (so it cannot pass by accident)', () => {
    expect(electronWarnings({ ...prefs, webSecurity: false, allowRunningInsecureContent: true, experimentalFeatures: true, enableBlinkFeatures: 'X' }, appPageUrl, appCsp)).toEqual([
      'Disabled webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ]);
    expect(electronWarnings(prefs, appPageUrl, undefined)).toEqual(['Insecure Content-Security-Policy']);
    expect(electronWarnings(prefs, appPageUrl, "default-src 'self'; script-src 'self' 'unsafe-eval'")).toEqual(['Insecure Content-Security-Policy']);
    expect(electronWarnings({ ...prefs, nodeIntegration: true }, 'http://example.com/', appCsp)).toEqual(['Node.js Integration with Remote Content', 'Insecure Resources']);
  });

  it('the window keeps the sandbox, isolation and no Node, and sets nothing experimental', () => {
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webviewTag: false });
    expect([prefs.experimentalFeatures, prefs.enableBlinkFeatures, prefs.allowRunningInsecureContent, prefs.webSecurity]).toEqual([undefined, undefined, false, true]);
  });

  it('the CSP loads nothing over plain http except from loopback, and no script but our own', () => {
    const policy = directives(appCsp);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const [name, values] of policy) {
      expect(values.filter((v) => /^http:/.test(v) && !/^http:\/\/127\.0\.0\.1(:\*)?$/.test(v)), name).toEqual([]);
      expect(values.filter((v) => v === '*' || v === "'unsafe-eval'"), name).toEqual([]);
    }
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });
});
