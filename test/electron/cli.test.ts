import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledSampleBlog } from '../../electron/appPaths';
import { bin, runBin as run } from '../helpers/cli';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'postwright-cli-'));
  await cp(bundledSampleBlog, root, { recursive: true });
});
afterAll(() => rm(root, { recursive: true, force: true }));

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

// Every post is sanitized (jsdom + DOMPurify): builds cost several times what marked alone does, so under load these take minutes.
describe('postwright build (the installed bin)', { timeout: 180_000 }, () => {
  it('builds a site, prints one summary line, and then rebuilds only what changed', async () => {
    const site = await mkdtemp(join(tmpdir(), 'postwright-build-'));
    try {
      await cp(bundledSampleBlog, site, { recursive: true });
      const env = { XDG_CACHE_HOME: join(site, '.cache') };
      const first = await run(['build', site], env);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Built 4 posts and 1 page into _site: \d+ files, \d+ files written, in \d+\.\d s; left out 1 draft\.\n$/);
      expect(await readFile(join(site, '_site', 'posts', 'retries-are-not-a-strategy', 'index.html'), 'utf8')).toContain('Retries are not a strategy');
      const second = await run(['build', site], env);
      expect(second.stdout).toContain(', 0 files written,');
      const out = join(site, 'elsewhere');
      const drafts = await run(['build', site, '--out', out, '--drafts'], env);
      expect(drafts.stdout).toMatch(/^Built 5 posts and 1 page into elsewhere: /);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('exports one post as a standalone file, and explains bad requests', async () => {
    const file = join(root, 'one.html');
    const ok = await run(['build', '--workspace', root, '--post', 'retries-are-not-a-strategy', '--standalone', '--out', file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.trim()).toBe(file);
    expect(await readFile(file, 'utf8')).toMatch(/<style>[\s\S]*\.post-title[\s\S]*<\/style>/);
    const missing = await run(['build', '--workspace', root, '--post', 'nope', '--standalone']);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('No post has the slug "nope"') });
    expect((await run(['build', '--post', 'x'])).code).toBe(2);
  });

  it('prints every warning through a pipe, however many there are', async () => {
    const site = await mkdtemp(join(tmpdir(), 'postwright-build-'));
    try {
      // 400 posts with broken front matter: about 100 KB of warnings, more than a pipe holds at once.
      await mkdir(join(site, 'posts'));
      for (let i = 0; i < 400; i++) await writeFile(join(site, 'posts', `broken-front-matter-number-${i}.md`), `---\ntitle: [unclosed\n---\n\nBody ${i}.\n`);
      const built = await run(['build', site], { XDG_CACHE_HOME: join(site, '.cache') });
      expect(built.code).toBe(0);
      const warnings = built.stderr.split('\n').filter((line) => line.startsWith('warning: '));
      expect(built.stderr.length).toBeGreaterThan(65_536);
      expect(warnings).toHaveLength(400);
      // None is published: a post whose metadata cannot be read never is.
      expect(built.stdout).toMatch(/^Built 0 posts/);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('names the bad key in postwright.json', async () => {
    const site = await mkdtemp(join(tmpdir(), 'postwright-build-'));
    try {
      await writeFile(join(site, 'postwright.json'), '{ "postsPerPage": -1 }');
      const bad = await run(['build', site]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe('postwright: postwright.json: "postsPerPage" must be at least 1.\n');
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
