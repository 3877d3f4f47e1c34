// Benchmarks that build, check or edit a corpus work on a copy of it beside
// the cached corpus, never on the cached corpus itself; the copy is made once
// and kept (its `.ready` marker says it was made whole).
import { existsSync } from 'node:fs';
import { appendFile, cp, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** A folder `name` beside `source` holding `corpus/`, a copy of it; returns the folder. */
export async function workingCopy(source: string, name: string): Promise<string> {
  const work = join(dirname(source), name);
  if (!existsSync(join(work, '.ready'))) {
    await rm(work, { recursive: true, force: true });
    await cp(source, join(work, 'corpus'), { recursive: true });
    await appendFile(join(work, '.ready'), '');
  }
  return work;
}
