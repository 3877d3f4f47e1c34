// Editing publish.targets in a real postwright.json: the author's file keeps
// its other keys, order and style; bad input changes nothing.
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTargetConfig, saveTargetConfig } from '../../../electron/publish/targetsFile';
import { rejection } from '../../helpers/rejection';
import { tempDir } from '../../helpers/tmp';

const git = { type: 'git', remote: 'git@github.com:me/me.github.io.git', branch: 'gh-pages' };

async function workspace(settings?: string) {
  const root = await tempDir();
  if (settings !== undefined) await writeFile(join(root, 'postwright.json'), settings);
  return { root, read: () => readFile(join(root, 'postwright.json'), 'utf8') };
}

describe('saving a publish target', () => {
  it("adds it under publish.targets and keeps every other key, in order, in the file's style", async () => {
    const original = '{\r\n    "title": "Field Notes",\r\n    "nav": [ { "label": "About", "url": "/about/" } ],\r\n    "output": "_site"\r\n}';
    const ws = await workspace(original);
    await saveTargetConfig(ws.root, 'pages', git);
    const text = await ws.read();
    expect(text).toBe(
      [
        '{',
        '    "title": "Field Notes",',
        '    "nav": [',
        '        {',
        '            "label": "About",',
        '            "url": "/about/"',
        '        }',
        '    ],',
        '    "output": "_site",',
        '    "publish": {',
        '        "targets": {',
        '            "pages": {',
        '                "type": "git",',
        '                "remote": "git@github.com:me/me.github.io.git",',
        '                "branch": "gh-pages"',
        '            }',
        '        }',
        '    }',
        '}',
      ].join('\r\n'),
    );
  });

  it('replaces a target of the same name in place, next to the others, writing only what was given', async () => {
    const ws = await workspace(
      `${JSON.stringify({ title: 'T', publish: { targets: { a: git, pages: { ...git, branch: 'main' }, z: git }, other: 1 } }, null, 2)}\n`,
    );
    await saveTargetConfig(ws.root, 'pages', { type: 's3', bucket: 'my-blog' });
    const saved = JSON.parse(await ws.read()) as { publish: { targets: Record<string, unknown>; other: number } };
    expect(Object.keys(saved.publish.targets)).toEqual(['a', 'pages', 'z']);
    expect(saved.publish.targets.pages).toEqual({ type: 's3', bucket: 'my-blog' });
    expect(saved.publish.other).toBe(1);
    expect(await ws.read()).toMatch(/\n  "title"[^]*\}\n$/);
  });

  it('creates postwright.json when there is none', async () => {
    const ws = await workspace();
    await saveTargetConfig(ws.root, 'pages', git);
    expect(JSON.parse(await ws.read())).toEqual({ publish: { targets: { pages: git } } });
  });

  it('refuses an invalid target, naming the key, and leaves the file as it was', async () => {
    const original = '{ "title": "T" }\n';
    const ws = await workspace(original);
    const error = await rejection(saveTargetConfig(ws.root, 'bucket', { type: 's3', bucket: 'ab', region: '' }));
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toContain('Target "bucket" was not saved');
    expect(error.message).toContain('"publish.targets.bucket.bucket" must be at least 3 characters');
    expect(error.message).toContain('"publish.targets.bucket.region" must not be empty');
    expect((await rejection(saveTargetConfig(ws.root, 'x', { type: 'ftp' }))).message).toContain('"type" of "git", "s3", "sftp", "netlify" or "fly"');
    expect((await rejection(saveTargetConfig(ws.root, 'x', { ...git, password: 'hunter2' }))).message).toMatch(/password/);
    expect(await ws.read()).toBe(original);
  });

  it('leaves a file that is not valid JSON, or not an object, untouched and says to fix it', async () => {
    for (const original of ['{ "title": "T", }', '[1, 2]', '{ "publish": { "targets": [] } }']) {
      const ws = await workspace(original);
      const error = await rejection(saveTargetConfig(ws.root, 'pages', git));
      expect(error.code).toBe('invalid-arguments');
      expect(error.message).toMatch(/postwright\.json|publish\.targets/);
      expect(error.message).toContain('not changed');
      expect(await ws.read()).toBe(original);
    }
  });

  it('will not write through a postwright.json that links outside the workspace', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'elsewhere.json'), '{}');
    const ws = await workspace();
    await symlink(join(outside, 'elsewhere.json'), join(ws.root, 'postwright.json'));
    expect((await rejection(saveTargetConfig(ws.root, 'pages', git))).code).toBe('outside-workspace');
    expect(await readFile(join(outside, 'elsewhere.json'), 'utf8')).toBe('{}');
  });
});

describe('removing a publish target', () => {
  it('removes only that target', async () => {
    const ws = await workspace(JSON.stringify({ title: 'T', publish: { targets: { pages: git, vps: { type: 'sftp', host: 'h', user: 'u', path: '/p' } } } }));
    await removeTargetConfig(ws.root, 'pages');
    expect(JSON.parse(await ws.read())).toEqual({ title: 'T', publish: { targets: { vps: { type: 'sftp', host: 'h', user: 'u', path: '/p' } } } });
    // No final newline before, none after.
    expect(await ws.read()).toMatch(/\}$/);
  });

  it('says so when there is no such target, changing nothing', async () => {
    const original = '{"publish": {"targets": {}}}';
    const ws = await workspace(original);
    const error = await rejection(removeTargetConfig(ws.root, 'pages'));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe('There is no publish target called "pages" in postwright.json.');
    expect(await ws.read()).toBe(original);
  });
});
