// The git target against real bare repositories over file://: the branch ends
// up holding exactly the build (plus .nojekyll, and the host's CNAME), each
// publish adds one commit that changes only what changed, and drift, cuts and
// faults are handled.
import { readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../common/errors';
import { bareRepo, branchTree, commitAsOther, commits, lastChange } from '../../helpers/gitRemote';
import { publishingWorkspace } from '../../helpers/publish';
import { readTree } from '../../helpers/site';

const EDITED = 'posts/why-i-bill-by-the-week.md';

async function expectBranchEqualsBuild(repo: string, site: string, extra: Record<string, string> = { '.nojekyll': '' }) {
  const [branch, build] = await Promise.all([branchTree(repo, 'gh-pages'), readTree(site)]);
  const expected = new Map([...build, ...Object.entries(extra).map(([file, text]) => [file, Buffer.from(text)] as const)]);
  expect([...branch.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [file, bytes] of expected) expect(branch.get(file)!.equals(bytes), file).toBe(true);
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
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
    expect(edit!.uploads.map((u) => u.path).sort()).toEqual(['posts/why-i-bill-by-the-week/index.html']);
    expect(lastChange(remote.dir, 'gh-pages')).toEqual(edit!.uploads.map((u) => `M ${u.path}`).sort((a, b) => (a < b ? -1 : 1)));
    expect(commits(remote.dir, 'gh-pages')).toMatchObject([{ parents: 1 }, { parents: 0 }]);
    await expectBranchEqualsBuild(remote.dir, ws.site);
  });
});
