// What `postwright check` finds: plain data, so the CLI prints it and the app
// lists it before publishing.

export type CheckSeverity = 'error' | 'warning';

export type CheckKind = 'link' | 'image' | 'alt-text' | 'unused-asset' | 'slug' | 'date' | 'front-matter' | 'unreadable' | 'symlink' | 'site-settings' | 'tag' | 'config' | 'template' | 'conflict';

export interface CheckProblem {
  /** Workspace-relative path of the post, forward slashes. */
  file: string;
  /** The post's id, so the app can open it; '' for a problem with the site's settings (file is then postwright.json). */
  postId: string;
  /** 1-based line in the file, front matter included. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count), where known. */
  column?: number;
  severity: CheckSeverity;
  kind: CheckKind;
  /** What is wrong and what to do about it. */
  message: string;
}

export interface CheckResult {
  /** Sorted by file, then line and column. */
  problems: CheckProblem[];
  /** How many posts were checked. */
  posts: number;
  /** The blog as Postwright reads it: "Hugo site: 124 posts, 45 pages, static/ → /". */
  layout?: string;
}

/** "2 errors and 1 warning in 6 posts." or "No problems found in 6 posts." */
export function summarizeCheck({ problems, posts }: CheckResult): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const checked = count(posts, 'post');
  if (problems.length === 0) return `No problems found in ${checked}.`;
  return `${count(errors, 'error')} and ${count(problems.length - errors, 'warning')} in ${checked}.`;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
