// `postwright check` output for people: one line per problem, as compilers
// print them (file:line:column), so editors and terminals can jump to it.
import type { CheckProblem, CheckResult } from '../../../common/check';

export function formatProblem(p: CheckProblem): string {
  const place = p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
  return `${place}  ${p.severity}  ${p.message}`;
}

export function formatSummary({ problems, posts }: CheckResult): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const checked = `${posts} ${posts === 1 ? 'post' : 'posts'}`;
  if (problems.length === 0) return `No problems found in ${checked}.`;
  return `${count(errors, 'error')} and ${count(warnings, 'warning')} in ${checked}.`;
}

export function formatReport(result: CheckResult): string {
  return [...result.problems.map(formatProblem), ...(result.problems.length ? [''] : []), formatSummary(result)].join('\n');
}

export function hasErrors(result: CheckResult): boolean {
  return result.problems.some((p) => p.severity === 'error');
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
