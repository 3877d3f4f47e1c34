import * as electron from 'electron';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { methods, type RawApi } from '../../common/api';
import type { FakeElectron } from './fakeElectron';

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

  it('calls the contract channel with the arguments', async () => {
    expect(await api.posts.save('abc', 'text', 'v1')).toEqual({ ok: true, value: { channel: 'posts.save', args: ['abc', 'text', 'v1'] } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('posts.save', 'abc', 'text', 'v1');
  });

  it('subscribes to contract events and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('posts.changed', (p) => seen.push(p));
    fake.recorded.rendererListeners.emit('posts.changed', {}, { kind: 'removed', id: 'a' });
    off();
    fake.recorded.rendererListeners.emit('posts.changed', {}, { kind: 'removed', id: 'b' });
    expect(seen).toEqual([{ kind: 'removed', id: 'a' }]);
    expect(() => api.on('shell.exec' as 'posts.changed', () => {})).toThrow(/no event/);
  });
});
