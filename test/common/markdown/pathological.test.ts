// Inputs built to make the parser's regexes backtrack (test/fixtures/hostile/redos-*):
// each renders, in a child process, within a generous bound, and renders
// nothing executable. The bound catches a blow-up (exponential backtracking
// takes minutes to forever), not slowness; speed is for the benchmarks.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hostileDir, hostileInputs } from '../../helpers/hostile';
import { packageRoot } from '../../../electron/appPaths';

const run = promisify(execFile);
/** Generous: each renders in about a second on an idle machine, and the suite shares two cores with other work. */
const BOUND_MS = 120_000;
const script = path.join(packageRoot, 'test', 'helpers', 'renderHostile.ts');
const pathological = hostileInputs.filter((input) => input.pathological);

async function renderBounded(file: string): Promise<{ htmlLength: number; executable: string[] }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, file], { cwd: packageRoot, timeout: BOUND_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as { htmlLength: number; executable: string[] };
}

describe('pathological markdown', () => {
  it('is in the suite', () => {
    expect(pathological.length).toBeGreaterThanOrEqual(6);
  });

  it.each(pathological.map((input) => [input.name, input] as const))('%s renders within the bound, and nothing executable', { timeout: BOUND_MS + 15_000 }, async (_name, input) => {
    const result = await renderBounded(path.join(hostileDir, `${input.name}.md`));
    expect(result.htmlLength).toBeGreaterThan(0);
    expect(result.executable).toEqual([]);
  });

  it('the bound stops a render that never ends', { timeout: BOUND_MS + 15_000 }, async () => {
    // Not a fixture file: a path the child cannot read would fail fast, so give it one that never ends.
    await expect(run(process.execPath, ['-e', 'for(;;){}'], { timeout: 1000, killSignal: 'SIGKILL' })).rejects.toMatchObject({ killed: true, signal: 'SIGKILL' });
  });
});
