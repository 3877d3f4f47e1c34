import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportUnexpected } from '../../electron/reportUnexpected';

describe('reportUnexpected', () => {
  const printed: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    printed.length = 0;
  });
  const capture = () => vi.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));

  it('prints one line on stderr saying what was being done, with the error and where it came from', () => {
    capture();
    reportUnexpected('applying a batch of file changes from the watcher')(new Error('EMFILE: too many open files'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^Postwright: unexpected failure while applying a batch of file changes from the watcher: Error: EMFILE: too many open files\n\s+at /);
  });

  it('prints what was thrown when it is not an Error', () => {
    capture();
    reportUnexpected('closing a workspace')('gone');
    expect(printed).toEqual(['Postwright: unexpected failure while closing a workspace: gone']);
  });

  it('escapes control characters a workspace file name could carry to the terminal', () => {
    capture();
    reportUnexpected('reading a post')(`ENOENT: no such file, open 'posts/\u001b]52;c;aGk=\u0007.md'`);
    expect(printed[0]).toBe("Postwright: unexpected failure while reading a post: ENOENT: no such file, open 'posts/\\u001b]52;c;aGk=\\u0007.md'");
  });
});
