// React calls whatever an effect returns as its cleanup. An effect written as an
// expression (`useEffect(() => el.scrollIntoView())`) returns that expression's
// value: harmless while it is undefined, a white screen once a browser makes it a
// Promise (Chromium did, for scrollIntoView). So effects in the renderer have
// block bodies, or return a cleanup arrow directly. Parsed with rolldown's oxc
// parser (vite's own), not matched with a regex.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAst } from 'rolldown/parseAst';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../electron/appPaths';

const effectHooks = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);

type Node = { type: string; start: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) yield* walk(item);
    if (isNode(value)) yield* walk(value);
  }
}

function hookName(callee: Node): string | null {
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && isNode(callee.property)) return callee.property.name as string;
  return null;
}

/** Effects in `source` whose callback returns something other than a cleanup function, as `line: text`. */
export function unsafeEffects(source: string, fileName: string): string[] {
  const program = parseAst(source, { lang: fileName.endsWith('x') ? 'tsx' : 'ts' }, fileName) as unknown as Node;
  const found: string[] = [];
  for (const node of walk(program)) {
    if (node.type !== 'CallExpression' || !effectHooks.has(hookName(node.callee as Node) ?? '')) continue;
    const callback = (node.arguments as Node[])[0];
    if (!callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) continue;
    const body = callback.body as Node;
    const returnsCleanup = body.type === 'ArrowFunctionExpression' || body.type === 'FunctionExpression';
    if (callback.async || (callback.expression && !returnsCleanup)) {
      const line = source.slice(0, node.start).split('\n').length;
      found.push(`${fileName}:${line}: ${source.split('\n')[line - 1]!.trim()}`);
    }
  }
  return found;
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('effects return nothing but a cleanup', () => {
  it('catches the expression-bodied effect that blanked the window, and lets cleanups and blocks through', () => {
    const caught = unsafeEffects(
      [
        "useEffect(() => ref.current?.scrollIntoView({ block: 'nearest' }), []);",
        'React.useLayoutEffect(() => void load(), [load]);',
        'useEffect(async () => { await load(); }, []);',
        'useEffect(() => { ref.current?.focus(); }, []);',
        'useEffect(() => () => run.dispose(), [run]);',
        'useEffect(function () { return stop; }, []);',
      ].join('\n'),
      'sample.tsx',
    );
    expect(caught.map((entry) => entry.split(':')[1])).toEqual(['1', '2', '3']);
  });

  it('holds for every file in renderer/', () => {
    const problems = sourcesUnder(join(packageRoot, 'renderer')).flatMap((file) => unsafeEffects(readFileSync(file, 'utf8'), relative(packageRoot, file)));
    expect(problems).toEqual([]);
  });
});
