// `keyFile` comes from postwright.json, so it may name anything on the disk.
// A FIFO or /dev/zero must give a clear error at once, not hang the publish;
// a folder or a huge file too. The FIFO is a real one (mkfifo), made here.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_KEY_BYTES, readKeyFile } from '../../../../electron/publish/secrets/keyFile';
import { publishingWorkspace } from '../../../helpers/publish';
import { startRecorder } from '../../../helpers/recorder';
import { rejection } from '../../../helpers/rejection';
import { tempDir } from '../../../helpers/tmp';

const fix = `Fix "keyFile" in the target's settings, or remove it to use the ssh agent.`;

describe.skipIf(process.platform === 'win32')('reading keyFile', () => {
  it('refuses a FIFO nobody writes to, at once, with what it is', async () => {
    const fifo = path.join(await tempDir(), 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const error = await rejection(readKeyFile(fifo, 'SFTP target "vps"'));
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toBe(`SFTP target "vps": the key file ${fifo} is not a regular file (it is a named pipe). ${fix}`);
  });

  it('refuses /dev/zero, a folder and a file far larger than any SSH key', async () => {
    expect((await rejection(readKeyFile('/dev/zero', 'T'))).message).toBe(`T: the key file /dev/zero is not a regular file (it is a device). ${fix}`);
    const dir = await tempDir();
    await mkdir(path.join(dir, 'folder'));
    expect((await rejection(readKeyFile(path.join(dir, 'folder'), 'T'))).message).toContain('is not a regular file (it is a folder)');
    await writeFile(path.join(dir, 'huge'), Buffer.alloc(MAX_KEY_BYTES + 1, 65));
    expect((await rejection(readKeyFile(path.join(dir, 'huge'), 'T'))).message).toBe(`T: the key file ${path.join(dir, 'huge')} is 65,537 bytes, too large for an SSH key (at most 64 KiB). ${fix}`);
    expect((await rejection(readKeyFile(path.join(dir, 'missing'), 'T'))).code).toBe('not-found');
  });

  it('reads a regular key file whole', async () => {
    const key = path.join(await tempDir(), 'id_ed25519');
    const text = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    await writeFile(key, text);
    expect((await readKeyFile(key, 'T')).toString()).toBe(text);
  });

  it('a publish whose keyFile is a FIFO fails with that message before connecting, instead of hanging', { timeout: 30_000 }, async () => {
    const recorder = await startRecorder();
    const fifo = path.join(await tempDir(), 'key.fifo');
    execFileSync('mkfifo', [fifo]);
    const ws = await publishingWorkspace({ vps: { type: 'sftp', host: '127.0.0.1', port: recorder.port, user: 'me', path: '/srv/blog', keyFile: fifo } });
    const error = await rejection(ws.test('vps'));
    expect(error.message).toContain(`the key file ${fifo} is not a regular file (it is a named pipe)`);
    expect(recorder.connections()).toBe(0);
  });
});
