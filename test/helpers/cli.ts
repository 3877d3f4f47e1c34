// Runs this checkout's `postwright` launcher as a user would (node_modules/.bin
// may belong to a shared install), collecting its output and exit code.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../electron/appPaths';

export const bin = join(packageRoot, 'bin', 'postwright.js');

export function runBin(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(bin, args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
