import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleBlog, packageRoot } from '../../electron/appPaths';

const bin = join(packageRoot, 'node_modules', '.bin', 'postwright');
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'postwright-cli-'));
  await cp(bundledSampleBlog, root, { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('postwright (the installed bin)', () => {
  it('new creates a draft with front matter and prints its path', async () => {
    const { code, stdout } = await run(['new', 'Pricing by the day', '--workspace', root]);
    expect(code).toBe(0);
    const file = stdout.trim();
    expect(file).toBe(join(root, 'posts', 'pricing-by-the-day.md'));
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: Pricing by the day\ndate: \d{4}-\d{2}-\d{2}\ndraft: true\n---\n/);
    const again = await run(['new', 'Pricing by the day', '--workspace', root]);
    expect(again.stdout.trim()).toBe(join(root, 'posts', 'pricing-by-the-day-2.md'));
  });

  it('explains what is wrong instead of printing a stack', async () => {
    const missing = await run(['new', 'X', '--workspace', join(root, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^postwright: .*nope/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect((await run(['new'])).code).toBe(2);
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('serve prints a tokenised loopback URL that serves the app and the posts', async () => {
    const child = spawn(bin, ['serve', root], { env: process.env });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${out}`)));
      });
      const { origin, hash } = new URL(url);
      const token = hash.slice('#token='.length);
      expect((await fetch(origin)).status).toBe(200);
      const list = await fetch(`${origin}/api/posts.list`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '[]' });
      const reply = (await list.json()) as { ok: boolean; value: unknown[] };
      expect(reply.ok).toBe(true);
      expect(reply.value.length).toBeGreaterThanOrEqual(4);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('serve with no folder opens a copy of the sample blog in the user data folder', async () => {
    const dataHome = await mkdtemp(join(tmpdir(), 'postwright-xdg-'));
    const child = spawn(bin, ['serve'], { env: { ...process.env, XDG_DATA_HOME: dataHome } });
    try {
      const out = await new Promise<string>((resolve) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('Open http')) resolve(text);
        });
      });
      expect(out).toContain(join(dataHome, 'postwright', 'sample-blog'));
      expect(await readFile(join(dataHome, 'postwright', 'sample-blog', 'postwright.json'), 'utf8')).toContain('"output"');
    } finally {
      child.kill('SIGTERM');
      await rm(dataHome, { recursive: true, force: true });
    }
  });
});
