// The git target over ssh://, through the system git and ssh, to a bare
// repository served by a real sshd on 127.0.0.1 (test/helpers/sshd.ts). git's
// own ssh settings carry the key and known_hosts (GIT_SSH_COMMAND), as an
// author's ~/.ssh/config would.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../common/errors';
import { branchTree } from '../../../helpers/gitRemote';
import { publishingWorkspace, BODY_EDIT_UPLOADS } from '../../../helpers/publish';
import { readTree } from '../../../helpers/site';
import { skipSshd, startSshd, type RunningSshd } from '../../../helpers/sshd';
import { tempDir } from '../../../helpers/tmp';

const EDITED = 'posts/why-i-bill-by-the-week.md';

describe.skipIf(skipSshd)('publishing to a git branch over ssh://', () => {
  let sshd: RunningSshd;
  let knownHosts: string;
  const saved = process.env.GIT_SSH_COMMAND;
  beforeAll(async () => {
    sshd = await startSshd();
    knownHosts = path.join(sshd.root, '..', 'client_known_hosts');
    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    useSsh(knownHosts);
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GIT_SSH_COMMAND;
    else process.env.GIT_SSH_COMMAND = saved;
    await sshd?.stop();
  });

  /** ssh with the test key and a known_hosts file, never asking anything. */
  function useSsh(hostsFile: string) {
    process.env.GIT_SSH_COMMAND = `ssh -i ${sshd.keyFile} -o IdentitiesOnly=yes -o UserKnownHostsFile=${hostsFile} -o GlobalKnownHostsFile=/dev/null -o StrictHostKeyChecking=yes -o BatchMode=yes`;
  }

  /** A new bare repository the server's user owns, and its ssh:// URL. */
  function sshRepo(name: string, port = sshd.port) {
    const dir = path.join(sshd.root, `${name}.git`);
    execFileSync('git', ['init', '--bare', '--quiet', dir]);
    sshd.own(dir);
    return { dir, url: `ssh://${sshd.user}@127.0.0.1:${port}${dir}` };
  }

  async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    return error;
  }

  it('pushes the sample blog, then only what an edit changed', { timeout: 60_000 }, async () => {
    const remote = sshRepo('pages');
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: remote.url } });
    const [first] = await ws.publish();
    const expected = new Map([...(await readTree(ws.site)), ['.nojekyll', Buffer.alloc(0)]]);
    expect(await branchTree(remote.dir, 'gh-pages')).toEqual(expected);
    expect(first!.uploads.length).toBe(expected.size);

    const text = await readFile(path.join(ws.root, EDITED), 'utf8');
    await ws.write(EDITED, `${text}\nA last paragraph, added after publishing.\n`);
    const [edit] = await ws.publish();
    expect(edit!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    expect(await branchTree(remote.dir, 'gh-pages')).toEqual(new Map([...(await readTree(ws.site)), ['.nojekyll', Buffer.alloc(0)]]));
    // Read with an explicit --git-dir: the repository belongs to the server's user, and git refuses to discover one it does not own.
    expect(execFileSync('git', ['--git-dir', remote.dir, 'rev-list', '--count', 'gh-pages'], { encoding: 'utf8' }).trim()).toBe('2');
  });

  it('a closed port is unreachable, naming the target', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const ws = await publishingWorkspace({ pages: { type: 'git', remote: sshRepo('closed', port).url } });
    const error = await failure(ws.publish());
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('"pages"');
  });

  it('a host that ssh does not trust is a host-key error', async () => {
    useSsh(path.join(await tempDir(), 'empty_known_hosts'));
    try {
      const ws = await publishingWorkspace({ pages: { type: 'git', remote: sshRepo('untrusted').url } });
      const error = await failure(ws.publish());
      expect(error.code).toBe('host-key');
      expect(error.message).toContain('"pages"');
    } finally {
      useSsh(knownHosts);
    }
  });
});
