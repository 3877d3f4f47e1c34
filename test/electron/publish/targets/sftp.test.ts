// The SFTP target against a real OpenSSH sshd on 127.0.0.1 (test/helpers/sshd.ts):
// the sample blog published byte for byte, incremental uploads, deletions,
// drift, host keys, logins, and a server killed mid-upload.
import { chmod, cp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../common/errors';
import { SftpTarget as SftpSettings } from '../../../../common/publishSettings';
import { bundledSampleBlog } from '../../../../electron/appPaths';
import { buildManifest } from '../../../../electron/publish/manifest';
import { uploadRank } from '../../../../electron/publish/plan';
import { createTarget, REMOTE_MANIFEST } from '../../../../electron/publish/targets/sftp';
import type { HostKeyPolicy, SecretKey, Target } from '../../../../electron/publish/types';
import { publishingWorkspace, BODY_EDIT_UPLOADS } from '../../../helpers/publish';
import { build, readTree } from '../../../helpers/site';
import { skipSshd, startSshd, type RunningSshd } from '../../../helpers/sshd';
import { tempDir } from '../../../helpers/tmp';

const isRoot = process.getuid?.() === 0;

describe.skipIf(skipSshd)('publishing over SFTP to a real sshd', () => {
  let sshd: RunningSshd;
  beforeAll(async () => {
    sshd = await startSshd({ password: true });
  });
  afterAll(() => sshd?.stop());

  let folders = 0;
  /** A fresh remote folder under the server's site root (created by the first publish: its parent exists). */
  const remoteFolder = () => path.join(sshd.root, `site-${++folders}`);

  interface Options {
    path?: string;
    port?: number;
    keyFile?: string | null;
    secrets?: Partial<Record<SecretKey, string>>;
    hostKeys?: Partial<HostKeyPolicy>;
  }
  async function target(options: Options = {}): Promise<Target> {
    const dir = await tempDir();
    const knownHosts = path.join(dir, 'known_hosts');
    await writeFile(knownHosts, `${sshd.knownHostsLine}\n`);
    const config = SftpSettings.parse({
      type: 'sftp',
      host: '127.0.0.1',
      port: options.port ?? sshd.port,
      user: sshd.user,
      path: options.path ?? remoteFolder(),
      ...(options.keyFile === null ? {} : { keyFile: options.keyFile ?? sshd.keyFile }),
    });
    return createTarget(config, {
      name: 'vps',
      secrets: { get: async (_target, key) => options.secrets?.[key] },
      hostKeys: { knownHosts: [knownHosts], trustedHostsFile: path.join(dir, 'trusted_hosts'), acceptNew: false, ...options.hostKeys },
      stateDir: dir,
    });
  }

  interface Published {
    uploaded: string[];
    deleted: string[];
    /** Every file fileDone reported, in order. */
    done: string[];
  }
  async function publish(site: string, to: Target, onFile?: (file: string, index: number) => void, signal = new AbortController().signal): Promise<Published> {
    const local = await buildManifest(site);
    const plan = await to.plan(local, signal, site);
    const done: string[] = [];
    await to.apply(plan, local, {
      siteDir: site,
      signal,
      fileDone: (file) => {
        done.push(file);
        onFile?.(file, done.length);
      },
    });
    return { uploaded: plan.uploads.map((e) => e.path), deleted: [...plan.deletes], done };
  }

  /** The remote folder's files, without our record. */
  async function remoteTree(folder: string): Promise<Map<string, Buffer>> {
    const tree = await readTree(folder);
    tree.delete(REMOTE_MANIFEST);
    return tree;
  }

  /** A copy of the sample blog and its build; `rebuild()` builds it afresh into another folder. */
  async function sampleSite() {
    const root = await tempDir();
    await cp(bundledSampleBlog, root, { recursive: true });
    const rebuild = async () => {
      const out = await tempDir();
      await build(root, out, { workerScript: null });
      return out;
    };
    return { root, out: await rebuild(), rebuild };
  }

  /** Runs `act` on the sample site and an sftp target on a fresh remote folder; the connection is closed after, pass or fail. */
  async function onVps(act: (on: { site: Awaited<ReturnType<typeof sampleSite>>; folder: string; vps: Target }) => Promise<void>): Promise<void> {
    const site = await sampleSite();
    const folder = remoteFolder();
    const vps = await target({ path: folder });
    try {
      await act({ site, folder, vps });
    } finally {
      await vps.close();
    }
  }

  async function failure(promise: Promise<unknown>): Promise<ApiError> {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
    return error;
  }

  it('publishes the sample blog byte for byte, then finds nothing to do', async () => {
    await onVps(async ({ site, folder, vps }) => {
      const first = await publish(site.out, vps);
      const built = await readTree(site.out);
      expect([...first.uploaded].sort()).toEqual([...built.keys()]);
      // Several files are in flight at once, but each rank (assets, pages, then the index and feeds) finishes before the next starts.
      expect([...first.done].sort()).toEqual([...first.uploaded].sort());
      const ranks = first.done.map(uploadRank);
      expect(ranks).toEqual([...ranks].sort());
      expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));
      expect(await remoteTree(folder)).toEqual(built);
      // Published files are never group- or world-writable, whatever umask the server's sftp runs with.
      for (const file of built.keys()) expect((await stat(path.join(folder, file))).mode & 0o022, file).toBe(0);

      const again = await publish(site.out, vps);
      expect(again).toEqual({ uploaded: [], deleted: [], done: [] });
    });
  });

  it('after one post changes, uploads exactly the files whose bytes changed', async () => {
    await onVps(async ({ site, folder, vps }) => {
      await publish(site.out, vps);
      const before = await readTree(site.out);
      const post = path.join(site.root, 'posts', 'reading-list-summer-2024.md');
      await writeFile(post, `${await readFile(post, 'utf8')}\nA closing line added after publishing.\n`);
      const out = await site.rebuild();
      const after = await readTree(out);
      const changed = [...after].filter(([file, bytes]) => !before.get(file)?.equals(bytes)).map(([file]) => file);
      // The post's page changed; the theme's stylesheet and the other posts did not.
      expect(changed.some((file) => /reading-list-summer-2024/.test(file))).toBe(true);
      expect(changed.some((file) => file.endsWith('.css'))).toBe(false);
      expect(changed.length).toBeLessThan(after.size / 2);

      const second = await publish(out, vps);
      expect(second.uploaded.sort()).toEqual(changed.sort());
      expect(second.deleted).toEqual([]);
      expect(await remoteTree(folder)).toEqual(after);
    });
  });

  it('deletes a removed post remotely, folder and all, and leaves the author’s own files alone', async () => {
    await onVps(async ({ site, folder, vps }) => {
      await publish(site.out, vps);
      await writeFile(path.join(folder, '.htaccess'), 'ErrorDocument 404 /404.html\n');
      const before = await readTree(site.out);
      await rm(path.join(site.root, 'posts', 'why-i-bill-by-the-week.md'));
      const out = await site.rebuild();
      const after = await readTree(out);
      const gone = [...before.keys()].filter((file) => !after.has(file));
      expect(gone.length).toBeGreaterThan(0);

      const second = await publish(out, vps);
      expect(second.deleted).toEqual(gone.sort());
      const remote = await remoteTree(folder);
      expect(remote.get('.htaccess')?.toString()).toBe('ErrorDocument 404 /404.html\n');
      remote.delete('.htaccess');
      expect(remote).toEqual(after);
      for (const file of gone) expect(remote.has(file)).toBe(false);
      const postFolder = path.dirname(gone.find((file) => file.endsWith('index.html'))!);
      await expect(readFile(path.join(folder, postFolder))).rejects.toThrow(/ENOENT/);
    });
  });

  it('repairs drift: a file deleted on the server and one edited there upload again', async () => {
    await onVps(async ({ site, folder, vps }) => {
      await publish(site.out, vps);
      const files = [...(await readTree(site.out)).keys()];
      const removed = files.find((file) => file.endsWith('.css'))!;
      const edited = files.find((file) => file.endsWith('feed.xml'))!;
      await rm(path.join(folder, removed));
      const original = await readFile(path.join(folder, edited));
      // Same size, other bytes, and an older mtime than the upload: only the mtime gives it away.
      await writeFile(path.join(folder, edited), Buffer.alloc(original.length, 'x'));
      await utimes(path.join(folder, edited), new Date(2020, 0, 1), new Date(2020, 0, 1));

      const repair = await publish(site.out, vps);
      expect(repair.uploaded.sort()).toEqual([removed, edited].sort());
      expect(await remoteTree(folder)).toEqual(await readTree(site.out));
    });
  });

  it('refuses an unknown host key with its fingerprint; --accept-host-key trusts it and remembers it', async () => {
    const site = await sampleSite();
    const trustedHostsFile = path.join(await tempDir(), 'trusted_hosts');
    const unknown = await target({ hostKeys: { knownHosts: [], trustedHostsFile } });
    const error = await failure(publish(site.out, unknown));
    expect(error.code).toBe('host-key');
    expect(error.message).toContain(sshd.hostKeyFingerprint);
    expect(error.message).toContain('SFTP target "vps"');
    expect(error.message).toContain('run with --accept-host-key or accept it in the app');

    const accepting = await target({ hostKeys: { knownHosts: [], trustedHostsFile, acceptNew: true } });
    await publish(site.out, accepting);
    await accepting.close();
    expect(await readFile(trustedHostsFile, 'utf8')).toBe(`${sshd.knownHostsLine}\n`);

    const remembered = await target({ hostKeys: { knownHosts: [], trustedHostsFile, acceptNew: false } });
    await expect(remembered.test(new AbortController().signal)).resolves.toBeUndefined();
    await remembered.close();
  });

  it('refuses a changed host key even when told to accept new ones, and sends no credentials', async () => {
    const dir = await tempDir();
    const knownHosts = path.join(dir, 'known_hosts');
    // The server's name with another ed25519 key: what an attacker in the middle would look like.
    const otherKey = (await readFile(`${sshd.strangerKeyFile}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    await writeFile(knownHosts, `[127.0.0.1]:${sshd.port} ${otherKey}\n`);
    const trustedHostsFile = path.join(dir, 'trusted_hosts');
    const log = path.join(path.dirname(sshd.root), 'sshd.log');
    const logins = async () => (await readFile(log, 'utf8')).match(/Accepted |Failed /g)?.length ?? 0;
    const before = await logins();
    const vps = await target({ hostKeys: { knownHosts: [knownHosts], trustedHostsFile, acceptNew: true } });
    const error = await failure(vps.test(new AbortController().signal));
    expect(error.code).toBe('host-key');
    expect(error.message).toMatch(/CHANGED/);
    expect(error.message).toContain(sshd.hostKeyFingerprint);
    await expect(readFile(trustedHostsFile)).rejects.toThrow(/ENOENT/);
    expect(await logins()).toBe(before);
  });

  it('a key the server does not know gives auth-failed, naming the target', async () => {
    const error = await failure((await target({ keyFile: sshd.strangerKeyFile })).test(new AbortController().signal));
    expect(error.code).toBe('auth-failed');
    expect(error.message).toContain(`SFTP target "vps" (${sshd.user}@127.0.0.1:${sshd.port})`);
  });

  it('a key file that does not exist is named, with what to do', async () => {
    const missing = path.join(await tempDir(), 'id_ed25519');
    const error = await failure((await target({ keyFile: missing })).test(new AbortController().signal));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(missing);
    expect(error.message).toContain('keyFile');
  });

  it('logs in with POSTWRIGHT_SFTP_PASSWORD; a wrong one is auth-failed and never shown', async () => {
    if (!sshd.password) throw new Error('sshd runs without root here, so it cannot check passwords');
    const good = await target({ keyFile: null, secrets: { POSTWRIGHT_SFTP_PASSWORD: sshd.password } });
    await expect(good.test(new AbortController().signal)).resolves.toBeUndefined();
    await good.close();
    const wrong = 'not-the-password-0451';
    const error = await failure((await target({ keyFile: null, secrets: { POSTWRIGHT_SFTP_PASSWORD: wrong } })).test(new AbortController().signal));
    expect(error.code).toBe('auth-failed');
    expect(error.message).not.toContain(wrong);
  });

  it('with no key, agent or password, says how to log in', async () => {
    const saved = process.env.SSH_AUTH_SOCK;
    delete process.env.SSH_AUTH_SOCK;
    try {
      const error = await failure((await target({ keyFile: null })).test(new AbortController().signal));
      expect(error.code).toBe('auth-failed');
      expect(error.message).toMatch(/no way to log in.*keyFile.*ssh agent.*POSTWRIGHT_SFTP_PASSWORD/);
    } finally {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
    }
  });

  it('a closed port is unreachable, with what to check', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const error = await failure((await target({ port })).test(new AbortController().signal));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain(`nothing answers on 127.0.0.1 port ${port}`);
  });

  it('a remote path whose parent is missing is not-found; a missing folder under an existing one is created', async () => {
    const site = await sampleSite();
    const deep = path.join(sshd.root, 'no-such-folder', 'blog');
    const error = await failure((await target({ path: deep })).test(new AbortController().signal));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(deep);

    const fresh = remoteFolder();
    const vps = await target({ path: fresh });
    await publish(site.out, vps);
    await vps.close();
    expect(await remoteTree(fresh)).toEqual(await readTree(site.out));
  });

  it.runIf(isRoot)('a remote path under ~ is in the login folder, and a key file under ~ is in the author’s home', async () => {
    const site = await sampleSite();
    // The server's own temp folder name: unique, and removed from the test user's home below.
    const name = path.basename(path.dirname(sshd.root));
    const home = await tempDir();
    await cp(sshd.keyFile, path.join(home, '.ssh', 'id_test'));
    const savedHome = process.env.HOME;
    process.env.HOME = home;
    try {
      const vps = await target({ path: `~/${name}`, keyFile: '~/.ssh/id_test' });
      await publish(site.out, vps);
      await vps.close();
      expect(await remoteTree(path.join(sshd.home, name))).toEqual(await readTree(site.out));
    } finally {
      if (savedHome === undefined) delete process.env.HOME;
      else process.env.HOME = savedHome;
      await rm(path.join(sshd.home, name), { recursive: true, force: true });
    }
  });

  it.runIf(isRoot)('a folder the user may not write is forbidden, with what to do', async () => {
    const site = await sampleSite();
    // Owned by root: the test user can read it but not write into it.
    const locked = path.join(path.dirname(sshd.root), 'locked');
    await cp(site.out, locked, { recursive: true });
    await writeFile(path.join(site.out, 'new-file.txt'), 'new');
    await chmod(locked, 0o755);
    const vps = await target({ path: locked });
    const error = await failure(publish(site.out, vps));
    await vps.close();
    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/permission denied.*write access/i);
  });

  it('a server killed mid-upload is unreachable; the site is whole, and the next publish converges to the build', async () => {
    const site = await sampleSite();
    const folder = remoteFolder();
    const first = await target({ path: folder });
    await publish(site.out, first);
    await first.close();
    const published = await readTree(site.out);

    // Change every page (a new site title), so there is plenty left to upload when the server dies.
    const settings = path.join(site.root, 'postwright.json');
    await writeFile(settings, (await readFile(settings, 'utf8')).replace('"Field Notes"', '"Field Notes, Revised"'));
    const out = await site.rebuild();
    const built = await readTree(out);

    const cut = await target({ path: folder });
    let killed: Promise<void> | undefined;
    const error = await failure(
      publish(out, cut, (_file, index) => {
        if (index === 3) killed = sshd.kill();
      }),
    );
    await killed;
    await cut.close();
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('the live site is whole; publish again to finish');
    // Every file on the server is the old one or the new one, never a part of either.
    for (const [file, bytes] of await remoteTree(folder)) {
      if (file.endsWith('.postwright-upload')) continue;
      expect(bytes.equals(built.get(file)!) || bytes.equals(published.get(file)!), file).toBe(true);
    }

    await sshd.restart();
    const retry = await target({ path: folder });
    const again = await publish(out, retry);
    expect(again.uploaded.length).toBeGreaterThan(0);
    expect(await readTree(folder).then((tree) => [...tree.keys()].filter((file) => file.endsWith('.postwright-upload')))).toEqual([]);
    expect(await remoteTree(folder)).toEqual(built);
    // And a retry after that is a no-op.
    expect(await publish(out, retry)).toEqual({ uploaded: [], deleted: [], done: [] });
    await retry.close();
  });

  it('cancelling closes the connection with cancelled; publishing again finishes the job', async () => {
    const site = await sampleSite();
    const folder = remoteFolder();
    const vps = await target({ path: folder });
    const controller = new AbortController();
    const error = await failure(publish(site.out, vps, (_file, index) => index === 2 && controller.abort(), controller.signal));
    expect(error.code).toBe('cancelled');
    expect(error.message).toContain('publish again to finish');
    const retry = await target({ path: folder });
    await publish(site.out, retry);
    await retry.close();
    expect(await remoteTree(folder)).toEqual(await readTree(site.out));
  });

  it('publishes through publishSite: a new host needs acceptNew once, a dry run changes nothing, an edit uploads only what changed', async () => {
    const folder = remoteFolder();
    const ws = await publishingWorkspace({ vps: { type: 'sftp', host: '127.0.0.1', port: sshd.port, user: sshd.user, path: folder, keyFile: sshd.keyFile } });
    const trustedHostsFile = path.join(ws.cacheDir, 'known_hosts');

    expect((await failure(ws.publish())).code).toBe('host-key');
    const [first] = await ws.publish({ hostKeys: { knownHosts: [], trustedHostsFile, acceptNew: true } });
    expect(first).toMatchObject({ target: 'vps', type: 'sftp', deletes: [], url: 'https://example.com/' });
    expect(first!.uploads.length).toBe(first!.site.files);
    expect(await remoteTree(folder)).toEqual(await readTree(ws.site));

    const edited = 'posts/why-i-bill-by-the-week.md';
    await ws.write(edited, `${await readFile(path.join(ws.root, edited), 'utf8')}\nOne more line.\n`);
    const record = await readFile(path.join(folder, REMOTE_MANIFEST));
    const [dry] = await ws.publish({ dryRun: true });
    expect(dry!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    expect(await readFile(path.join(folder, REMOTE_MANIFEST))).toEqual(record);

    // The key accepted above is remembered: no acceptNew from here on.
    const [edit] = await ws.publish();
    expect(edit!.uploads.map((u) => u.path)).toEqual(BODY_EDIT_UPLOADS);
    expect(await remoteTree(folder)).toEqual(await readTree(ws.site));
  });

  it('on a server without posix-rename, replaces files by delete and rename, and still converges', async () => {
    const plain = await startSshd({ denyRequests: ['posix-rename'] });
    try {
      const site = await sampleSite();
      const folder = path.join(plain.root, 'blog');
      const knownHosts = path.join(await tempDir(), 'known_hosts');
      await writeFile(knownHosts, `${plain.knownHostsLine}\n`);
      const connect = () =>
        createTarget(SftpSettings.parse({ type: 'sftp', host: '127.0.0.1', port: plain.port, user: plain.user, path: folder, keyFile: plain.keyFile }), {
          name: 'plain',
          secrets: { get: async () => undefined },
          hostKeys: { knownHosts: [knownHosts], trustedHostsFile: `${knownHosts}.trusted`, acceptNew: false },
          stateDir: folder,
        });
      const first = connect();
      await publish(site.out, first);
      await first.close();
      const settings = path.join(site.root, 'postwright.json');
      await writeFile(settings, (await readFile(settings, 'utf8')).replace('"Field Notes"', '"Field Notes, Revised"'));
      const out = await site.rebuild();
      const second = connect();
      const { uploaded } = await publish(out, second);
      await second.close();
      expect(uploaded.length).toBeGreaterThan(1);
      expect(await remoteTree(folder)).toEqual(await readTree(out));
    } finally {
      await plain.stop();
    }
  });
});
