import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../../common/check';
import { bundledSampleBlog, packageRoot } from '../../../../electron/appPaths';
import { runCli } from '../../../../electron/cli';
import { post, tempDir, tempTree } from '../../../helpers/tmp';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (t) => out.push(t), (t) => err.push(t));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('postwright check', () => {
  it('finds nothing in the bundled sample blog but its placeholder address, a warning', async () => {
    const root = await tempDir();
    await cp(bundledSampleBlog, root, { recursive: true });
    const { code, stdout } = await cli(['check', root]);
    // The layout it read first, then the sample's one warning.
    expect(stdout.split('\n')).toEqual([
      'Postwright site: 5 posts, 1 page',
      '',
      'postwright.json:5  warning  "baseUrl" is https://example.com/, a placeholder: feeds, the sitemap and shared links would point there. Set "baseUrl" to your site\'s address before publishing.',
      '',
      '0 errors and 1 warning in 6 posts.',
    ]);
    expect(code).toBe(0);
  });

  it('prints file:line:column, severity and message, then a summary, and exits 1 on errors', async () => {
    const root = await tempTree({
      '_posts/2024-03-18-retries.md': post({ title: 'Retries' }, '\nSee [the old post](../missing.md) and ![](chart.png).\n'),
      '_posts/chart.png': 'png',
    });
    const { code, stdout } = await cli(['check', root]);
    expect(stdout.split('\n')).toEqual([
      'Postwright site: 1 post, 0 pages',
      '',
      '_posts/2024-03-18-retries.md:5:5  error  Broken link "../missing.md": no such post. Fix the path or remove the link.',
      '_posts/2024-03-18-retries.md:5:39  warning  Image "chart.png" has no alt text. Say what it shows between the brackets, ![like this](chart.png), for readers who cannot see it.',
      '',
      '1 error and 1 warning in 1 post.',
    ]);
    expect(code).toBe(1);
  });

  it('exits 0 when there are only warnings', async () => {
    const root = await tempTree({ 'a.md': '![](https://example.com/a.png)', 'b.md': '# B' });
    const { code, stdout } = await cli(['check', root]);
    expect(stdout).toContain('0 errors and 1 warning in 2 posts.');
    expect(code).toBe(0);
  });

  it('--json prints the problems and the post count', async () => {
    const root = await tempTree({ 'a.md': post({ title: 'A', date: '2024-02-30' }) });
    const { code, stdout } = await cli(['check', root, '--json']);
    const result = JSON.parse(stdout) as CheckResult;
    expect(result.posts).toBe(1);
    expect(result.problems).toEqual([
      expect.objectContaining({ file: 'a.md', line: 3, severity: 'error', kind: 'date', postId: expect.any(String) }),
    ]);
    expect(code).toBe(1);
  });

  it('checks the current folder by default', async () => {
    const root = await tempTree({ 'a.md': '[x](nope.md)' });
    const cwd = process.cwd();
    process.chdir(root);
    try {
      expect((await cli(['check'])).code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it('is a usage error (exit 2) to name a missing folder, a file, or two folders', async () => {
    const root = await tempTree({ 'a.md': '# A' });
    const missing = await cli(['check', join(root, 'nope')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe(`postwright check: The folder ${join(root, 'nope')} does not exist. Choose an existing folder to open as a workspace.`);
    const file = await cli(['check', join(root, 'a.md')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a file, not a folder');
    const two = await cli(['check', root, root]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('give one workspace folder, not 2');
  });

  it('runs from the built bin with the same exit codes', async () => {
    const root = await tempTree({ 'a.md': '[x](nope.md)' });
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [join(packageRoot, 'bin', 'postwright.js'), ...args]);
        let stdout = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const broken = await run(['check', root]);
    expect(broken.stdout).toContain('a.md:1:1  error  Broken link "nope.md"');
    expect(broken.code).toBe(1);
    expect((await run(['check', join(root, 'nope')])).code).toBe(2);
  });
});
