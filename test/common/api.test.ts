import { describe, expect, it } from 'vitest';
import { ApiError, contract, createClient, createRawApi, dispatch, methods, parseArgs, type Handlers, type Transport } from '../../common/api';

describe('the contract', () => {
  it('derives one uniquely named channel per method', () => {
    const channels = methods.map((m) => m.channel);
    expect(new Set(channels).size).toBe(channels.length);
    const declared = Object.entries(contract).flatMap(([ns, group]) => Object.keys(group).map((name) => `${ns}.${name}`));
    expect(channels.sort()).toEqual(declared.sort());
  });

  it.each([
    ['posts.read', [], /argument/],
    ['posts.read', ['../etc/passwd'], /post id/],
    ['posts.save', ['abc', 42, 'v1'], /argument 1/],
    ['posts.create', [{ title: '   ' }], /must not be empty/],
    ['posts.rename', ['abc', 'Not A Slug!'], /lower-case words/],
    ['app.openExternal', ['not a url'], /argument 0/],
    ['posts.list', ['extra'], /argument/],
  ])('rejects bad arguments to %s with a typed error', (channel, args, message) => {
    let caught: unknown;
    try {
      parseArgs(channel, args);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).code).toBe('invalid-arguments');
    expect((caught as ApiError).message).toMatch(message);
    expect((caught as ApiError).message).toContain(channel);
  });

  it('refuses a channel that is not in the contract', () => {
    expect(() => parseArgs('fs.readFile', ['/etc/passwd'])).toThrow(/no method called "fs.readFile"/);
  });
});

/** A backend whose every method records its call; enough to see what dispatch passes through. */
function recordingHandlers(calls: unknown[][]): Handlers {
  const handlers: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const m of methods) {
    (handlers[m.namespace] ??= {})[m.name] = async (...args) => {
      calls.push([m.channel, ...args]);
      if (m.channel === 'posts.delete') throw new ApiError('read-only', 'posts/a.md is read-only.');
      if (m.channel === 'posts.list') throw new TypeError('boom');
      return m.channel;
    };
  }
  return handlers as unknown as Handlers;
}

describe('dispatch', () => {
  it('validates before calling, and folds errors into replies', async () => {
    const calls: unknown[][] = [];
    const handlers = recordingHandlers(calls);
    expect(await dispatch(handlers, 'posts.read', ['abc'])).toEqual({ ok: true, value: 'posts.read' });
    expect(await dispatch(handlers, 'posts.read', [7])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await dispatch(handlers, 'posts.delete', ['abc'])).toEqual({ ok: false, error: { code: 'read-only', message: 'posts/a.md is read-only.' } });
    expect(await dispatch(handlers, 'posts.list', [])).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(await dispatch(handlers, 'posts.read', 'abc')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(calls).toEqual([['posts.read', 'abc'], ['posts.delete', 'abc'], ['posts.list']]);
  });
});

describe('createClient and createRawApi', () => {
  const transport = (calls: unknown[][]): Transport => ({
    invoke: async (channel, args) => {
      calls.push([channel, ...args]);
      return channel === 'posts.read' ? { ok: false, error: { code: 'not-found', message: 'gone' } } : { ok: true, value: channel };
    },
    subscribe: () => () => {},
  });

  it('builds a named method for every channel and throws ApiErrors from replies', async () => {
    const calls: unknown[][] = [];
    const api = createClient(transport(calls));
    expect(await api.posts.list()).toBe('posts.list');
    await expect(api.posts.read('abc')).rejects.toMatchObject({ name: 'ApiError', code: 'not-found', message: 'gone' });
    for (const m of methods) expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[m.namespace]![m.name]).toBe('function');
    expect(calls).toEqual([['posts.list'], ['posts.read', 'abc']]);
  });

  it('passes replies through unchanged in raw mode (what the preload exposes)', async () => {
    const raw = createRawApi(transport([]));
    expect(await raw.posts.read('abc')).toEqual({ ok: false, error: { code: 'not-found', message: 'gone' } });
  });

  it('refuses to subscribe to an event that does not exist', () => {
    const api = createClient(transport([]));
    expect(() => api.on('nope' as 'posts.changed', () => {})).toThrow(/no event called "nope"/);
  });
});
