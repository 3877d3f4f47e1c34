// The git target against real bare repositories over file://: the branch ends
// up holding exactly the build (plus .nojekyll, and the host's CNAME), each
// publish adds one commit that changes only what changed, and drift, cuts and
// faults are handled.
import { writeFileSync } from 'node:fs';
import { chmod, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastPublished } from '../../../../electron/publish/publish';
import { bareRepo, branchTree, commitAsOther, commits, gitIn, lastChange } from '../../../helpers/gitRemote';
import { publishingWorkspace, BODY_EDIT_UPLOADS } from '../../../helpers/publish';
import { readTree } from '../../../helpers/site';
import { tempDir } from '../../../helpers/tmp';
import { rejection } from '../../../helpers/rejection';
import { GitTarget } from '../../../../common/publishSettings';
import { envSecrets } from '../../../../electron/publish/secrets/envSecrets';
import { createTarget } from '../../../../electron/publish/targets/git';
import { publishOnce, sampleSite, targetEnv } from '../../../helpers/publishSite';

const EDITED = 'posts/why-i-bill-by-the-week.md';

async function expectBranchEqualsBuild(repo: string, site: string, extra: Record<string, string> = { '.nojekyll': '' }) {
  const [branch, build] = await Promise.all([branchTree(repo, 'gh-pages'), readTree(site)]);
  const expected = new Map([...build, ...Object.entries(extra).map(([file, text]) => [file, Buffer.from(text)] as const)]);
  expect([...branch.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(branch.get(file)!.equals(bytes), file).toBe(true);
}


describe('publishing to a git branch', () => {
  it('pushes the sample blog to a new gh-pages branch, then only what an edit changed', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const [first] = await ws.publish();
    expect(first!.target).toBe('pages');
    expect(first!.uploads.length).toBe(first!.site.files + 1); // and .nojekyll
    expect(first!.url).toBe('https://example.com/');
    await expectBranchEqualsBuild(remote.dir, ws.site);
    expect(commits(remote.dir, 'gh-pages')).toMatchObject([{ parents: 0, subject: `Publish site (${first!.uploads.length} files changed)` }]);

    // Nothing changed: nothing uploaded, no commit.
    const [same] = await ws.publish();
    expect(same!.uploads).toEqual([]);
    expect(same!.deletes).toEqual([]);
    expect(commits(remote.dir, 'gh-pages')).toHaveLength(1);

    const before = await readTree(ws.site);
    const text = await readFile(path.join(ws.root, EDITED), 'utf8');
    await ws.write(EDITED, `${text}\nA last paragraph, added after publishing.\n`);
    const [edit] = await ws.publish();
    const after = await readTree(ws.site);
    const changedInBuild = [...after].filter(([file, bytes]) => !before.get(file)?.equals(bytes)).map(([file]) => file);
    expect(edit!.uploads.map((u) => u.path).sort()).toEqual(changedInBuild.sort());
    expect(edit!.uploads.map((u) => u.path).sort()).toEqual([...BODY_EDIT_UPLOADS].sort());
    expect(lastChange(remote.dir, 'gh-pages')).toEqual(edit!.uploads.map((u) => `M ${u.path}`).sort((a, b) => (a < b ? -1 : 1)));
    expect(commits(remote.dir, 'gh-pages')).toMatchObject([{ parents: 1 }, { parents: 0 }]);
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });

  it('compares by content, so a new state folder (another computer, a cleared cache) uploads only what differs', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.publish();
    const [fresh] = await ws.publish({ cacheDir: await tempDir('postwright-cache-') });
    expect(fresh!.uploads).toEqual([]);
    await commitAsOther(remote.dir, 'gh-pages', { 'about.txt': 'theirs', 'index.html': (await readFile(path.join(ws.site, 'index.html'), 'utf8')).replace('<', '>') });
    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nOn another machine.\n`);
    const [other] = await ws.publish({ cacheDir: await tempDir('postwright-cache-') });
    expect(other!.uploads.map((u) => u.path)).toEqual([...BODY_EDIT_UPLOADS, 'index.html']);
    expect(other!.deletes).toEqual(['about.txt']);
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });

  it('deletes a deleted post from the branch, and repairs what someone else changed or deleted there', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.publish();

    await unlink(path.join(ws.root, '_posts/2024-03-18-retries-are-not-a-strategy.md'));
    const [removal] = await ws.publish();
    expect(removal!.deletes).toContain('posts/retries-are-not-a-strategy/index.html');
    expect((await branchTree(remote.dir, 'gh-pages')).has('posts/retries-are-not-a-strategy/index.html')).toBe(false);
    await expectBranchEqualsBuild(remote.dir, ws.site);

    await commitAsOther(remote.dir, 'gh-pages', { 'index.html': 'defaced', 'tags/index.html': null, '.nojekyll': null, 'stray.txt': 'not ours' });
    const [repair] = await ws.publish();
    expect(repair!.uploads.map((u) => u.path).sort()).toEqual(['.nojekyll', 'index.html', 'tags/index.html']);
    expect(repair!.deletes).toEqual(['stray.txt']);
    await expectBranchEqualsBuild(remote.dir, ws.site);
    // Added on top of their commit, not forced over it.
    expect(commits(remote.dir, 'gh-pages').map((c) => c.subject)[1]).toBe('a change by someone else');
  });

  it('keeps the host\'s CNAME, writes .nojekyll, and uses the configured message', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url, message: 'Site of {date}: {count} changed' } });
    await ws.publish();
    await commitAsOther(remote.dir, 'gh-pages', { CNAME: 'blog.example.org\n' });
    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nOne more line.\n`);
    const [edit] = await ws.publish();
    expect(edit!.deletes).toEqual([]);
    expect(edit!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    const tree = await branchTree(remote.dir, 'gh-pages');
    expect(tree.get('CNAME')!.toString()).toBe('blog.example.org\n');
    expect(tree.get('.nojekyll')!.length).toBe(0);
    expect(commits(remote.dir, 'gh-pages')[0]!.subject).toMatch(/^Site of \d{4}-\d{2}-\d{2} \d{2}:\d{2}: 4 changed$/);
    await expectBranchEqualsBuild(remote.dir, ws.site, { '.nojekyll': '', CNAME: 'blog.example.org\n' });
  });

  it('with "force": true, replaces the branch by a single commit', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url, branch: 'pages', force: true } });
    await ws.publish();
    await commitAsOther(remote.dir, 'pages', { 'index.html': 'changed elsewhere' });
    await ws.publish();
    expect(commits(remote.dir, 'pages')).toMatchObject([{ parents: 0 }]);
    expect((await branchTree(remote.dir, 'pages')).get('index.html')).toEqual((await readTree(ws.site)).get('index.html'));
  });

  it('a dry run lists exactly what would change and changes nothing', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.publish();
    await commitAsOther(remote.dir, 'gh-pages', { 'stray.txt': 'x' });
    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nAnother line.\n`);
    const head = commits(remote.dir, 'gh-pages')[0]!.hash;
    const [dry] = await ws.publish({ dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, deletes: ['stray.txt'], needsForce: false });
    expect(dry!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    expect(dry!.bytes).toBe(dry!.uploads.reduce((sum, u) => sum + u.size, 0));
    expect(commits(remote.dir, 'gh-pages')[0]!.hash).toBe(head);
    const [real] = await ws.publish();
    expect(real!.uploads).toEqual(dry!.uploads);
    expect(real!.deletes).toEqual(dry!.deletes);
  });

  it('refuses to delete more than half of the remote files without force, and says how many', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const [first] = await ws.publish();
    const extra = Object.fromEntries(Array.from({ length: first!.uploads.length + 1 }, (_, i) => [`old/${i}.html`, `old page ${i}`]));
    await commitAsOther(remote.dir, 'gh-pages', extra);
    const head = commits(remote.dir, 'gh-pages')[0]!.hash;
    const remoteCount = first!.uploads.length + Object.keys(extra).length;
    const error = await rejection(ws.publish());
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(`"pages"`);
    expect(error.message).toContain(`delete ${Object.keys(extra).length} of the ${remoteCount} files`);
    expect(error.message).toContain('--force');
    expect(commits(remote.dir, 'gh-pages')[0]!.hash).toBe(head);
    const [dry] = await ws.publish({ dryRun: true });
    expect(dry!.needsForce).toBe(true);
    const [forced] = await ws.publish({ force: true });
    expect(forced!.deletes).toHaveLength(Object.keys(extra).length);
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });

  it('cancelled mid-publish leaves the branch as it was; the next publish converges', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.publish();
    const published = await branchTree(remote.dir, 'gh-pages');
    const head = commits(remote.dir, 'gh-pages')[0]!.hash;
    await unlink(path.join(ws.root, '_posts/2024-03-18-retries-are-not-a-strategy.md'));
    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nCut off.\n`);
    const stop = new AbortController();
    const phases: string[] = [];
    const error = await rejection(
      ws.publish({
        signal: stop.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          if (p.phase === 'uploading' && p.files.done === 1) stop.abort();
        },
      }),
    );
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('"pages"');
    expect(phases).toContain('uploading');
    expect(commits(remote.dir, 'gh-pages')[0]!.hash).toBe(head);
    expect(await branchTree(remote.dir, 'gh-pages')).toEqual(published);
    await ws.publish();
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });

  it('when someone pushes between the comparison and the push, says so and pushes nothing; publishing again converges', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.publish();
    await ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\nRaced.\n`);
    const other = await tempDir('postwright-racer-');
    gitIn(other, ['clone', '--quiet', '--branch', 'gh-pages', remote.url, '.']);
    let raced = false;
    const error = await rejection(
      ws.publish({
        onProgress: (p) => {
          if (p.phase !== 'uploading' || raced) return;
          raced = true;
          writeFileSync(path.join(other, 'extra.html'), 'theirs');
          gitIn(other, ['add', '-A']);
          gitIn(other, ['-c', 'user.name=O', '-c', 'user.email=o@example.com', 'commit', '--quiet', '-m', 'theirs']);
          gitIn(other, ['push', '--quiet']);
        },
      }),
    );
    expect(error.message).toMatch(/"pages": branch "gh-pages" changed on the remote while publishing.*Publish again/);
    expect(commits(remote.dir, 'gh-pages')[0]!.subject).toBe('theirs');
    await ws.publish();
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });

  it('signs commits as the author git knows, or as Postwright when git knows no one (or only half of them)', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const config = path.join(await tempDir('postwright-gitconfig-'), 'gitconfig');
    const saved = { global: process.env.GIT_CONFIG_GLOBAL, nosystem: process.env.GIT_CONFIG_NOSYSTEM };
    const author = () => gitIn(remote.dir, ['log', '-1', '--format=%an <%ae>|%cn <%ce>', 'gh-pages']).trim();
    const edit = async (line: string) => ws.write(EDITED, `${await readFile(path.join(ws.root, EDITED), 'utf8')}\n${line}\n`);
    process.env.GIT_CONFIG_GLOBAL = config;
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    try {
      await writeFile(config, '[user]\n\tname = Ada Author\n\temail = ada@example.org\n');
      await ws.publish();
      expect(author()).toBe('Ada Author <ada@example.org>|Ada Author <ada@example.org>');
      await writeFile(config, '[user]\n\tname = Ada Author\n\temail =\n');
      await edit('Signed by no one git knows.');
      await ws.publish();
      expect(author()).toBe('Postwright <postwright@localhost>|Postwright <postwright@localhost>');
      await writeFile(config, '');
      await edit('Again.');
      await ws.publish();
      expect(author()).toBe('Postwright <postwright@localhost>|Postwright <postwright@localhost>');
    } finally {
      for (const [key, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.nosystem]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('reads the branch ahead of the plan (a prefetch); a push after that read is caught as any race is, and the next publish converges', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const site = await sampleSite();
    const target = createTarget(GitTarget.parse({ type: 'git', remote: remote.url }), await targetEnv('pages', envSecrets({})));
    try {
      await publishOnce(target, site.out);
      await target.prefetch!(new AbortController().signal);
      await commitAsOther(remote.dir, 'gh-pages', { 'stray.txt': 'pushed after the prefetch' });
      await writeFile(path.join(site.root, EDITED), `${await readFile(path.join(site.root, EDITED), 'utf8')}\nEdited after the prefetch.\n`);
      await site.rebuild();
      const error = await rejection(publishOnce(target, site.out));
      expect(error.message).toMatch(/"pages": branch "gh-pages" changed on the remote while publishing.*Publish again/);
      expect(commits(remote.dir, 'gh-pages')[0]!.subject).toBe('a change by someone else');
      const { plan } = await publishOnce(target, site.out);
      expect(plan.deletes).toEqual(['stray.txt']);
      await expectBranchEqualsBuild(remote.dir, site.out);
    } finally {
      await target.close();
    }
  });

  it('a check that finds errors is what the publish reports, though the host was asked about already and cannot be reached', { timeout: 60_000 }, async () => {
    const port = await closedPort();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: `http://127.0.0.1:${port}/me/site.git` } });
    await ws.write('posts/broken.md', '---\ntitle: Broken\ndate: 2024-05-01\n---\n\n![chart](missing-chart.png)\n');
    const error = await rejection(ws.publish());
    expect(error.message).toMatch(/^The check found 1 error; fix it, then publish again:\nposts\/broken\.md:6/);
  });

  it('stops at the check when a post has errors, listing them, and pushes nothing', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.write('posts/broken.md', '---\ntitle: Broken\ndate: 2024-05-01\n---\n\n![chart](missing-chart.png)\n');
    const error = await rejection(ws.publish());
    expect(error.message).toMatch(/^The check found 1 error; fix it, then publish again:\nposts\/broken\.md:6:\d+ +error +.*missing-chart\.png/);
    expect(gitIn(remote.dir, ['branch', '--list'])).toBe('');
  });

  it('refuses a post that still holds conflict marks (an unfinished merge), and pushes nothing', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await ws.write('posts/merging.md', '---\ntitle: Merging\ndate: 2024-05-01\n---\n\nIntro\n<<<<<<< Your version\nmine\n=======\ntheirs\n>>>>>>> Disk version\n');
    const error = await rejection(ws.publish());
    expect(error.message).toMatch(/^The check found 1 error; fix it, then publish again:\nposts\/merging\.md:7 +error +Lines 7–11 are an unfinished merge/);
    expect(gitIn(remote.dir, ['branch', '--list'])).toBe('');
  });

  it('records when each target last published, in the cache folder only', { timeout: 60_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url, url: 'https://blog.example.org/' } });
    expect(await lastPublished(ws.root, ws.cacheDir)).toEqual({});
    const workspaceBefore = [...(await readTree(ws.root)).keys()].filter((f) => !f.startsWith('_site/'));
    const [result] = await ws.publish();
    const records = await lastPublished(ws.root, ws.cacheDir);
    expect(records.pages).toMatchObject({ uploaded: result!.uploads.length, deleted: 0, bytes: result!.bytes, url: 'https://blog.example.org/' });
    expect(Date.now() - Date.parse(records.pages!.at)).toBeLessThan(60_000);
    expect([...(await readTree(ws.root)).keys()].filter((f) => !f.startsWith('_site/'))).toEqual(workspaceBefore);
    await ws.publish({ dryRun: true });
    expect((await lastPublished(ws.root, ws.cacheDir)).pages!.at).toBe(records.pages!.at);
  });
});

describe('git faults', () => {
  it('a missing repository names the target and what to do', { timeout: 30_000 }, async () => {
    const missing = `${(await bareRepo()).url}-missing`;
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: missing } });
    const error = await rejection(ws.publish());
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(`Target "pages": there is no git repository at ${missing}. Check "remote" in postwright.json, or create the repository first.`);
    expect((await rejection(ws.test('pages'))).code).toBe('not-found');
  });

  it('an unreachable host says so, and a token in the remote URL never shows', { timeout: 30_000 }, async () => {
    const port = await closedPort();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: `http://me:ghp_s3cr3tT0ken@127.0.0.1:${port}/me/site.git` } });
    const error = await rejection(ws.publish());
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`Target "pages": cannot reach http://me:***@127.0.0.1:${port}/me/site.git. Check the address and your connection, then publish again.`);
    const tested = await rejection(ws.test('pages'));
    expect(tested.code).toBe('unreachable');
    expect(tested.message).not.toContain('s3cr3t');
  });

  it('a push the host refuses (a protected branch) says so, with the host\'s reason, and changes nothing', { timeout: 30_000 }, async () => {
    const remote = await bareRepo();
    const hook = path.join(remote.dir, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "You are not allowed to push code to protected branches on this project." >&2\nexit 1\n');
    await chmod(hook, 0o755);
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const error = await rejection(ws.publish());
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe(
      `Target "pages": ${remote.url} refused the push (permission denied, or a protected branch). Make sure your account may push to this branch. ` +
        'The host said: You are not allowed to push code to protected branches on this project.',
    );
    expect(gitIn(remote.dir, ['branch', '--list'])).toBe('');
  });

  it('refused credentials say so, without the token', { timeout: 30_000 }, async () => {
    // A real HTTP server that refuses every login, as a git host does for a wrong token.
    const server = createHttpServer((_request, response) => {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' }).end('Unauthorized');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const ws = await publishingWorkspace({
        withToken: { type: 'git', remote: `http://me:ghp_wr0ngT0ken@127.0.0.1:${port}/me/site.git` },
        withNone: { type: 'git', remote: `http://127.0.0.1:${port}/me/site.git` },
      });
      const error = await rejection(ws.publish({ target: 'withToken' }));
      expect(error.code).toBe('auth-failed');
      expect(error.message).toBe(
        `Target "withToken": http://me:***@127.0.0.1:${port}/me/site.git refused the credentials. Check your ssh key, ssh agent or git credential helper: git must be able to push there without asking for a password.`,
      );
      // Without credentials git would ask for them: it fails at once instead of waiting for an answer.
      expect((await rejection(ws.test('withNone'))).code).toBe('auth-failed');
    } finally {
      server.close();
    }
  });

  it('a remote or branch that looks like an option is never taken as one', { timeout: 30_000 }, async () => {
    const scratch = await tempDir('postwright-inject-');
    const proof = path.join(scratch, 'ran');
    const ws = await publishingWorkspace({
      sneaky: { type: 'git', remote: `--upload-pack=touch ${proof}` },
      badBranch: { type: 'git', remote: (await bareRepo()).url, branch: '-x..y' },
    });
    const sneaky = await rejection(ws.publish({ target: 'sneaky' }));
    expect(sneaky.message).toBe('Target "sneaky": "remote" must be a repository URL or path, and cannot start with "-". Change it in postwright.json.');
    await expect(stat(proof)).rejects.toThrow();
    const bad = await rejection(ws.publish({ target: 'badBranch' }));
    expect(bad.message).toBe('Target "badBranch": "-x..y" is not a branch name git accepts. Change "branch" in postwright.json.');
    expect((await rejection(ws.test('badBranch'))).code).toBe('invalid-arguments');
  });

  it('Test Connection passes for a reachable repository, saved or not yet saved', { timeout: 30_000 }, async () => {
    const remote = await bareRepo();
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    await expect(ws.test('pages')).resolves.toBeUndefined();
    await expect(ws.test('draft-target', { type: 'git', remote: remote.url, branch: 'main' })).resolves.toBeUndefined();
    const bad = await rejection(ws.test('draft-target', { type: 'git', remote: '' }));
    expect(bad.message).toBe('Target "draft-target": "remote" must not be empty.');
  });
});

/** A loopback port with nothing listening: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}
