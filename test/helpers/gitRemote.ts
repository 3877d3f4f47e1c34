// Real git remotes for publish tests: bare repositories in temp folders, served
// as file:// URLs, and a way to read or change a branch as another person would.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTree } from './site';
import { tempDir, writeTree } from './tmp';

const other = ['-c', 'user.name=Someone Else', '-c', 'user.email=else@example.com'];

export function gitIn(cwd: string, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd, input, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
}

/** A new empty bare repository and its file:// URL. */
export async function bareRepo(): Promise<{ dir: string; url: string }> {
  const dir = path.join(await tempDir('postwright-remote-'), 'site.git');
  execFileSync('git', ['init', '--bare', '--quiet', dir]);
  return { dir, url: pathToFileURL(dir).href };
}

/** Every file on the branch, by path. */
export async function branchTree(repo: string, branch: string): Promise<Map<string, Buffer>> {
  const out = await tempDir('postwright-branch-');
  execFileSync('sh', ['-c', `git --git-dir="$0" archive --format=tar "$1" | tar -x -C "$2"`, repo, branch, out]);
  return readTree(out);
}

/** Commits on the branch, newest first. */
export function commits(repo: string, branch: string): { hash: string; subject: string; parents: number }[] {
  return gitIn(repo, ['log', '--format=%H %P%x09%s', branch])
    .trim()
    .split('\n')
    .map((line) => {
      const [ids, subject] = line.split('\t') as [string, string];
      const [hash, ...parents] = ids.trim().split(' ');
      return { hash: hash!, subject, parents: parents.length };
    });
}

/** What the branch's newest commit changed: "A path", "M path", "D path", sorted by path. */
export function lastChange(repo: string, branch: string): string[] {
  return gitIn(repo, ['diff-tree', '-r', '--name-status', '--no-commit-id', `${branch}^`, branch])
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace('\t', ' '))
    .sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : 1));
}

/** Someone else commits to the branch: files to write (text) or to delete (null). */
export async function commitAsOther(repo: string, branch: string, changes: Record<string, string | null>): Promise<void> {
  const work = path.join(await tempDir('postwright-other-'), 'clone');
  await mkdir(work);
  gitIn(work, ['clone', '--quiet', '--branch', branch, pathToFileURL(repo).href, '.']);
  const writes: Record<string, string> = {};
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) gitIn(work, ['rm', '--quiet', file]);
    else writes[file] = text;
  }
  await writeTree(work, writes);
  gitIn(work, ['add', '-A']);
  gitIn(work, [...other, 'commit', '--quiet', '-m', 'a change by someone else']);
  gitIn(work, ['push', '--quiet', 'origin', branch]);
}
