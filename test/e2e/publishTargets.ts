// The hosts the publish e2e tests publish to, each a real server on loopback
// started by the test. A fixture says how to fill in the Publish settings
// dialog for it and how to read back what the host holds, so the same tests
// run against every kind: add S3, SFTP and Netlify fixtures beside git's.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { branchTree } from '../helpers/gitRemote';

export interface TargetFixture {
  /** The target's name in postwright.json. */
  readonly name: string;
  /** The kind as the dialog's "Kind" choice labels it. */
  readonly kindLabel: 'Git branch' | 'S3' | 'SFTP' | 'Netlify';
  /** Dialog field label → text to type. */
  readonly fields: Readonly<Record<string, string>>;
  /** Secrets to set in the dialog, by their field label (none for git, which uses the author's own credentials). */
  readonly secrets: Readonly<Record<string, string>>;
  /** Every file the host now serves, by path (the git branch's tree, the bucket's objects, …). */
  remoteFiles(): Promise<Map<string, Buffer>>;
  /** Files the host adds beside the build (git writes .nojekyll). */
  readonly extraFiles: Readonly<Record<string, string>>;
  /** The same target, pointing at a destination that does not exist. */
  readonly missing: { readonly fields: Readonly<Record<string, string>>; readonly error: RegExp };
  /** Stops the server and removes what it held (the fixture lives across a suite's tests, unlike tempDir's folders). */
  stop(): Promise<void>;
}

export async function gitTarget(name = 'pages'): Promise<TargetFixture> {
  const folder = await mkdtemp(join(tmpdir(), 'postwright-remote-'));
  const remote = { dir: join(folder, 'site.git'), url: pathToFileURL(join(folder, 'site.git')).href };
  execFileSync('git', ['init', '--bare', '--quiet', remote.dir]);
  const nowhere = pathToFileURL(`${remote.dir}-missing`).href;
  return {
    name,
    kindLabel: 'Git branch',
    fields: { Remote: remote.url, Branch: 'gh-pages' },
    secrets: {},
    remoteFiles: () => branchTree(remote.dir, 'gh-pages'),
    extraFiles: { '.nojekyll': '' },
    missing: { fields: { Remote: nowhere }, error: /there is no git repository at/ },
    stop: () => rm(folder, { recursive: true, force: true }),
  };
}
