import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methods, type RawApi } from '../../common/api';
import type { FakeElectron } from './fakeElectron';
import { WAIT } from '../helpers/wait';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron('/nonexistent'));

const fake = electron as unknown as FakeElectron;
let api: RawApi;
beforeAll(async () => {
  await import('../../electron/preload');
  api = fake.recorded.exposed.postwright as RawApi;
});

describe('the preload', () => {
  it('exposes one global with named methods only, never ipcRenderer', () => {
    expect(Object.keys(fake.recorded.exposed)).toEqual(['postwright']);
    const namespaces = new Set(methods.map((m) => m.namespace));
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    const serialised = JSON.stringify(Object.keys(api)) + JSON.stringify(Object.values(api).map((v) => typeof v === 'object' && Object.keys(v)));
    expect(serialised).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('calls the contract channel with the arguments, reaching the main process handler', async () => {
    const page = fake.recorded.blankPage();
    const received: unknown[][] = [];
    fake.ipcMain.handle('posts.save', async (event, ...args) => {
      received.push([(event as { senderFrame: { url: string } }).senderFrame.url, ...args]);
      return { ok: true, value: 'saved' };
    });
    expect(await api.posts.save('abc', 'text', 'v1')).toEqual({ ok: true, value: 'saved' });
    expect(received).toEqual([[page.url, 'abc', 'text', 'v1']]);
    // A channel with no handler rejects, as ipcRenderer.invoke does.
    await expect(api.posts.list()).rejects.toThrow(/No handler registered for 'posts.list'/);
  });

  it('subscribes to contract events and unsubscribes', async () => {
    const page = fake.recorded.blankPage();
    const seen: unknown[] = [];
    const off = api.on('posts.changed', (p) => seen.push(p));
    page.contents.send('posts.changed', { kind: 'removed', id: 'a' });
    await vi.waitFor(() => expect(seen).toEqual([{ kind: 'removed', id: 'a' }]), WAIT);
    off();
    page.contents.send('posts.changed', { kind: 'removed', id: 'b' });
    page.contents.send('posts.changed', { kind: 'removed', id: 'c' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([{ kind: 'removed', id: 'a' }]);
    expect(() => api.on('shell.exec' as 'posts.changed', () => {})).toThrow(/no event/);
  });
});
