// `postwright check` output for people: one line per problem, as compilers
// print them (file:line:column), so editors and terminals can jump to it.
import { summarizeCheck, type CheckProblem, type CheckResult } from '../../../common/check';

export function formatProblem(p: CheckProblem): string {
  const place = p.column === undefined ? `${p.file}:${p.line}` : `${p.file}:${p.line}:${p.column}`;
  return `${place}  ${p.severity}  ${p.message}`;
}

export function formatReport(result: CheckResult): string {
  const layout = result.layout ? [result.layout, ''] : [];
  return [...layout, ...result.problems.map(formatProblem), ...(result.problems.length ? [''] : []), summarizeCheck(result)].join('\n');
}

export function hasErrors(result: CheckResult): boolean {
  return result.problems.some((p) => p.severity === 'error');
}
