// Runs `node bin/postwright.js …` as a fresh process, as an author or a script
// runs it, for the benchmarks that time whole commands.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../../electron/appPaths';

export const postwrightBin = path.join(packageRoot, 'bin', 'postwright.js');

export interface CliRun {
  ms: number;
  /** CPU seconds the process used (user + system, worker threads included): less sensitive to load than wall time. */
  cpu: number;
  code: number;
  stdout: string;
}

/** Times one command from spawn to exit; rejects unless it exits with one of `codes`. */
export function postwright(args: string[], env: NodeJS.ProcessEnv, codes: readonly number[] = [0]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const command = ['-f', 'postwright-cpu=%U+%S', process.execPath, postwrightBin, ...args];
    execFile('/usr/bin/time', command, { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - start;
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const cpu = /postwright-cpu=([\d.]+)\+([\d.]+)/.exec(stderr);
      if (!codes.includes(code) || !cpu) reject(new Error(`postwright ${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ ms, cpu: Number(cpu[1]) + Number(cpu[2]), code, stdout });
    });
  });
}

/** A fresh process that only starts the CLI and prints its version: the floor every command pays. */
export const startFloor = (env: NodeJS.ProcessEnv) => async () => (await postwright(['--version'], env)).ms;
