// Editor commands tested as data: each behaviour is one test, its cases the
// text before and after the command, written as mkState reads them. The
// commands differ only in their cases, so the test code is written once.
import type { StateCommand } from '@codemirror/state';
import { expect, it } from 'vitest';
import { run } from './mkState';

/** [before, after] runs the describe's command; [command, before, after] runs another one beside it. */
export type Case = readonly [before: string, after: string] | readonly [command: StateCommand, before: string, after: string];

/** One test per behaviour, named by its key, running each of its cases in order. */
export function itDoes(command: StateCommand, behaviours: Record<string, readonly Case[]>): void {
  it.each(Object.entries(behaviours))('%s', (_, cases) => {
    for (const written of cases) {
      const [using, before, after] = written.length === 3 ? written : [command, ...written];
      // The message names the case, since one test holds several.
      expect(run(using, before), `${using.name} on ${JSON.stringify(before)}`).toBe(after);
    }
  });
}
