// Whatever a workspace holds, the build writes only inside its output folder,
// reads only inside the workspace, and publishes nothing that runs script.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, readTree } from '../../helpers/site';
import { canaryBytes, canaryName, executableMarkup, hostileInputs, withoutDataBlocks } from '../../helpers/hostile';
import { renderStandalone, workspacePosts } from '../../../electron/site/standalone';
import { post, tempDir, tempTree, writeTree } from '../../helpers/tmp';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('paths the build writes', () => {
  it('keeps slugs that climb, absolute slugs and odd file names inside the output folder', async () => {
    const parent = await tempDir();
    const root = path.join(parent, 'blog');
    await writeTree(root, {
      'posts/a.md': post({ title: 'A', date: '2024-01-01', slug: '"../../../escape"' }),
      'posts/b.md': post({ title: 'B', date: '2024-01-02', slug: '/etc/passwd' }),
      'posts/c.md': post({ title: 'C', date: '2024-01-03', slug: '"..\\\\..\\\\win"', tags: '["../../tag", "/abs"]' }),
      'posts/..md': post({ title: 'Dots', date: '2024-01-04' }),
    });
    const out = path.join(parent, 'out', 'site');
    await build(root, out);
    expect((await readdir(parent)).sort()).toEqual(['blog', 'out']);
    expect(await readdir(path.join(parent, 'out'))).toEqual(['site']);
    const files = [...(await readTree(out)).keys()];
    expect(files).toEqual(expect.arrayContaining(['posts/escape/index.html', 'posts/etc-passwd/index.html', 'posts/win/index.html', 'tags/tag/index.html', 'tags/abs/index.html']));
    expect(files.every((f) => !f.split('/').includes('..'))).toBe(true);
  });

  it('refuses an output setting outside the workspace, and an output folder that holds the workspace', async () => {
    const root = await tempTree({ 'postwright.json': JSON.stringify({ output: '../elsewhere' }), 'posts/a.md': '# A' });
    await expect(build(root, undefined as unknown as string)).rejects.toThrow(/"output" must be a folder inside the workspace/);
    await writeFile(path.join(root, 'postwright.json'), '{}');
    await expect(build(root, root)).rejects.toThrow(/holds the workspace itself/);
    await expect(build(root, path.dirname(root))).rejects.toThrow(/holds the workspace itself/);
  });

  it('never writes through a symlinked folder or file planted in the output folder', async () => {
    const root = await tempDir();
    const outside = await tempDir();
    await writeTree(root, { 'posts/a.md': post({ title: 'A', date: '2024-01-01' }) });
    await writeTree(outside, { 'victim.html': 'keep me' });
    const out = path.join(await tempDir(), 'site');
    await mkdir(out);
    await symlink(outside, path.join(out, 'posts'));
    await expect(build(root, out)).rejects.toMatchObject({ code: 'outside-workspace', message: expect.stringMatching(/posts .*symbolic link/) });
    expect(await readdir(outside)).toEqual(['victim.html']);

    const out2 = path.join(await tempDir(), 'site');
    await mkdir(path.join(out2, 'posts', 'a'), { recursive: true });
    await symlink(path.join(outside, 'victim.html'), path.join(out2, 'posts', 'a', 'index.html'));
    await expect(build(root, out2)).rejects.toMatchObject({ code: 'outside-workspace' });
    expect(await readFile(path.join(outside, 'victim.html'), 'utf8')).toBe('keep me');
  });

  it('copies no file through a symlink that leads out of the workspace, nor anything outside it, nor HTML', async () => {
    const root = await tempDir();
    const outside = await tempTree({ 'secret.png': PNG });
    await writeTree(root, {
      'posts/a.md': post({ title: 'A', date: '2024-01-01' }, '![x](a.assets/linked.png) ![y](../../../../../../etc/hostname.png) [z](evil.html) ![ok](a.assets/ok.png) ![w](/posts/a.assets/ok.png)'),
      'posts/a.assets/ok.png': PNG,
      'posts/evil.html': '<script>alert(1)</script>',
    });
    await symlink(path.join(outside, 'secret.png'), path.join(root, 'posts/a.assets/linked.png'));
    const out = path.join(await tempDir(), 'site');
    await build(root, out);
    const files = [...(await readTree(out)).keys()];
    // ok.png is published as its resized copies (its name, a content hash and a width); nothing of the others.
    const published = files.filter((f) => !f.endsWith('.html') && !/\.(xml|json|txt|css)$/.test(f) && f !== 'favicon.svg');
    expect(published.map((f) => f.replace(/\.[0-9a-f]{10}-1\./, '.HASH-1.'))).toEqual(['posts/a.assets/ok.HASH-1.png']);
    expect(existsSync(path.join(out, 'posts/evil.html'))).toBe(false);
  });
});

describe('the hostile-input suite through the whole build and the standalone export', () => {
  it('leaves no executable markup in any output file, and reads nothing beside the workspace', { timeout: 400_000 }, async () => {
    const parent = await tempDir();
    const root = path.join(parent, 'blog');
    // The ../ and file:// inputs aim at this file, beside the workspace.
    await writeFile(path.join(parent, canaryName), canaryBytes);
    const evil = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const files: Record<string, string> = {
      'postwright.json': JSON.stringify({ title: `Blog ${evil}`, description: `About ${evil}`, author: `Me ${evil}` }),
    };
    for (const input of hostileInputs) files[`posts/${input.fileName}`] = input.markdown;
    await writeTree(root, files);
    const out = path.join(parent, 'site');
    const summary = await build(root, out, { drafts: true, future: true });
    expect(summary.posts).toBe(hostileInputs.length);
    const found: string[] = [];
    const check = (file: string, html: string) => found.push(...executableMarkup(html).map((what) => `${file}: ${what}`));
    const canary = canaryBytes.toString('base64');
    const outputs = await readTree(out);
    for (const [file, bytes] of outputs) {
      const text = bytes.toString('utf8');
      // The one script element a page may have is its JSON-LD data block, which browsers never run.
      if (/<script/i.test(withoutDataBlocks(text))) found.push(`${file}: <script`);
      if (bytes.includes(canaryBytes) || text.includes(canary)) found.push(`${file}: the canary from outside the workspace`);
      if (file.endsWith('.html')) check(file, text);
      // Feeds carry HTML inside CDATA sections and JSON strings: check that HTML as a page would show it.
      if (file.endsWith('.xml')) for (const [, cdata] of text.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) check(file, cdata!);
      if (file.endsWith('.json')) for (const item of (JSON.parse(text) as { items: { content_html?: string }[] }).items) check(file, item.content_html ?? '');
    }
    expect([...outputs.keys()].every((f) => !f.split('/').includes('..'))).toBe(true);
    // The standalone export of each post inlines images as data: URIs, so it is where a read of the canary would show.
    for (const input of hostileInputs) {
      const relative = `posts/${input.fileName}`;
      const { html, fileName } = await renderStandalone(root, relative, await readFile(path.join(root, relative)), () => workspacePosts(root));
      if (html.includes(canary)) found.push(`${fileName}: the canary from outside the workspace`);
      check(`standalone ${input.name}`, html);
      expect(fileName).toMatch(/^[\w.-]+\.html$/);
    }
    expect(found).toEqual([]);
    // front-matter-proto's keys stayed data: the standalone export parsed it on this thread.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await readdir(parent)).sort()).toEqual(['blog', canaryName, 'site'].sort());
  });

  it('the check sees executable markup when it is there (so it can fail)', () => {
    const page = `<p>ok</p><img src="data:image/png;base64,${canaryBytes.toString('base64')}"><a href=" jav&#x09;ascript:x">x</a><svg><a xlink:href="javascript:x"></a></svg><div onclick="x"></div><meta http-equiv="refresh" content="0"><link rel="prefetch" href="https://e.example">`;
    expect(withoutDataBlocks('<script type="application/ld+json">{"a":"\\u003c/script>"}</script><script type="application/ld+json">{"a":"</script><script>x()</script>')).toBe('<script>x()</script>');
    expect(executableMarkup('<script type="application/ld+json">{"a":1}</script><script type="application/ld+json">alert(1)</script><script>{}</script>')).toEqual(['<script>', '<script>']);
    expect(executableMarkup(page)).toEqual(['<a> href=" jav\tascript:x"', '<a> xlink:href="javascript:x"', '<div> onclick=', '<meta> http-equiv', '<link> rel=prefetch']);
  });

  it('refuses a javascript: nav link in postwright.json, naming the key', async () => {
    const root = await tempTree({ 'postwright.json': JSON.stringify({ nav: [{ label: 'x', url: 'javascript:alert(1)' }] }) });
    await expect(build(root, path.join(await tempDir(), 'site'))).rejects.toThrow(/"nav\[0\]\.url" must be an http\(s\) or mailto link/);
  });
});
