// The desktop window's share of distraction-free writing and of the date
// format, against the fake `electron`: the page asks for full screen through
// the contract, hears the window enter and leave it (also when the OS or the
// View menu did it), and reads the OS's locale for dates.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchApp, type LaunchedApp } from './launchApp';
import { WAIT } from '../helpers/wait';

let app: LaunchedApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(() => app.fake.app.quit());

describe('the desktop window', () => {
  it('goes full screen and back when the page asks, and tells the page each time', async () => {
    const { api, heard } = app.page();
    const window = app.window();
    await api.app.setFullScreen(true);
    expect(window.isFullScreen()).toBe(true);
    await vi.waitFor(() => expect(heard).toContainEqual(['app.fullScreen', { on: true }]), WAIT);
    await api.app.setFullScreen(false);
    expect(window.isFullScreen()).toBe(false);
    await vi.waitFor(() => expect(heard.filter(([name]) => name === 'app.fullScreen').at(-1)).toEqual(['app.fullScreen', { on: false }]), WAIT);
  });

  it('tells the page when full screen ends by other means (View → Toggle Full Screen, the OS)', async () => {
    const { heard } = app.page();
    const window = app.window();
    window.setFullScreen(true);
    window.setFullScreen(false);
    await vi.waitFor(() => expect(heard.filter(([name]) => name === 'app.fullScreen').slice(-2)).toEqual([['app.fullScreen', { on: true }], ['app.fullScreen', { on: false }]]), WAIT);
  });

  it('gives the OS’s locale for dates, not the UI language', async () => {
    expect(await app.page().api.app.systemLocale()).toBe('de-DE');
  });
});
