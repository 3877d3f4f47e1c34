// Scheduled publishing: the GitHub workflow `postwright schedule github`
// writes (checked by @action-validator/core, GitHub's workflow schema compiled
// to WebAssembly, offline), and `publish --if-due` with a clock passed in,
// against a real git target (a bare repository).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli';
import { runPublish } from '../../../electron/publish/cliPublish';
import { WORKFLOW_FILE } from '../../../electron/publish/githubWorkflow';
import { lastPublished } from '../../../electron/publish/lastPublished';
import { publishingWorkspace } from '../../helpers/publish';
import { tempDir } from '../../helpers/tmp';

const cli = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (line) => out.push(line), (line) => err.push(line));
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' });

describe('postwright schedule github', () => {
  it('writes a workflow GitHub accepts: push to the default branch and an hourly cron, each target published with its secrets', async () => {
    const repo = await tempDir('postwright-repo-');
    gitIn(repo, 'init', '-q', '-b', 'trunk');
    const ws = await publishingWorkspace({
      site: { type: 'fly', app: 'my-blog', region: 'ams' },
      backup: { type: 's3', bucket: 'my-blog-backup' },
    });
    // The blog in a folder of the repository, as many keep it.
    const blog = path.join(repo, 'blog');
    execFileSync('cp', ['-r', ws.root, blog]);

    const { code, out } = await cli(['schedule', 'github', blog]);
    expect(code).toBe(0);
    const yaml = await readFile(path.join(repo, WORKFLOW_FILE), 'utf8');
    const validation = validateWorkflow(yaml);
    expect(validation.errors).toEqual([]);

    expect(yaml).toContain('branches: ["trunk"]');
    expect(yaml).toContain('- cron: "7 * * * *"');
    expect(yaml).toMatch(/npx --yes postwright@\S+ publish "blog" --target "site" \$\{\{ github.event_name == 'schedule' && '--if-due' \|\| '' \}\}/);
    expect(yaml).toContain('FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}');
    expect(yaml).toContain('AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}');
    expect(yaml).toContain('superfly/flyctl-actions/setup-flyctl');
    // The secrets, by name, and nothing else that looks like one.
    expect(out).toContain('Add these repository secrets');
    for (const name of ['FLY_API_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN (optional)']) expect(out).toContain(`  ${name}`);
    expect(out).not.toContain('NETLIFY_AUTH_TOKEN');
  });

  it('keeps values that would break YAML quoted, and the result still validates', async () => {
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: '/tmp/x.git' } });
    const { code } = await cli(['schedule', 'github', ws.root, '--branch', 'a": b\n  evil: [', '--cron', '30 6 * * 1-5']);
    expect(code).toBe(0);
    const yaml = await readFile(path.join(ws.root, WORKFLOW_FILE), 'utf8');
    expect(validateWorkflow(yaml).errors).toEqual([]);
    expect(yaml).toContain(String.raw`branches: ["a\": b\n  evil: ["]`);
    expect(yaml).not.toContain('secrets.');
  });

  it('leaves a workflow the author changed alone unless told --force, and refuses a bad cron', async () => {
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: '/tmp/x.git' } });
    expect((await cli(['schedule', 'github', ws.root])).code).toBe(0);
    const file = path.join(ws.root, WORKFLOW_FILE);
    expect((await cli(['schedule', 'github', ws.root])).out).toContain('Already up to date');
    await writeFile(file, '# mine\n');
    const refused = await cli(['schedule', 'github', ws.root]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already exists and differs');
    expect(await readFile(file, 'utf8')).toBe('# mine\n');
    expect((await cli(['schedule', 'github', ws.root, '--force'])).out).toContain('Replaced');
    const bad = await cli(['schedule', 'github', ws.root, '--cron', 'hourly']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a cron schedule');
  });
});

describe('postwright publish --if-due', () => {
  it('publishes a future-dated post at the first run after its date, and exits at once before it', { timeout: 90_000 }, async () => {
    const remote = await tempDir('postwright-bare-');
    gitIn(remote, 'init', '-q', '--bare');
    const ws = await publishingWorkspace({ pages: { type: 'git', remote } });
    await ws.write('posts/next-tuesday.md', '---\ntitle: Next Tuesday\ndate: 2026-12-08T09:00:00Z\n---\n\nGoes live on Tuesday at nine.\n');
    const run = async (at: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runPublish({ workspace: ws.root, cacheDir: ws.cacheDir, ifDue: true, now: Date.parse(at) }, (l) => out.push(l), (l) => err.push(l));
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const published = () => gitIn(remote, 'ls-tree', '-r', '--name-only', 'gh-pages');

    // Never published here: due.
    const first = await run('2026-12-07T12:00:00Z');
    expect(first.code).toBe(0);
    expect(first.out).toContain('has no record of a publish here yet');
    expect(first.out).toContain('1 post scheduled; the next goes live 2026-12-08 09:00 UTC');
    expect(published()).not.toContain('next-tuesday');
    const record = (await lastPublished(ws.root, ws.cacheDir)).pages!;

    // An hour before: nothing became due; nothing is built or published.
    const early = await run('2026-12-08T08:00:00Z');
    expect(early.out).toBe('Nothing became due since the last publish; nothing was built or uploaded.');
    expect((await lastPublished(ws.root, ws.cacheDir)).pages).toEqual(record);

    // The first run after nine: due, built with the post, published.
    const due = await run('2026-12-08T09:07:00Z');
    expect(due.code).toBe(0);
    expect(due.out).toContain('1 post became due: "Next Tuesday"');
    expect(published()).toContain('next-tuesday');
    expect(due.out).not.toContain('scheduled');

    // And the run after that has nothing to do again.
    expect((await run('2026-12-08T10:07:00Z')).out).toContain('Nothing became due');
  });
});
