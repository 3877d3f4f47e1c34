// An error dropped on purpose says why; any other goes to reportUnexpected.
// Every `.catch(() => {})` (or `=> undefined`) and every empty `catch {}` in the
// sources must have a comment on its line or the line above, saying why ignoring
// is right (a file that may have vanished, a rejection already reported
// elsewhere). A fallback value (`.catch(() => null)`: "no such file") is a
// decision the code states, not an empty catch. Read with the build's parser
// (oxc, as importBoundaries.test.ts does), so strings and comments never match.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from 'rolldown/utils';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) yield* walk(child);
  }
}

const isEmptyBlock = (node: unknown) => isNode(node) && node.type === 'BlockStatement' && (node.body as unknown[]).length === 0;

/** A handler that does nothing: `() => {}`, `() => undefined`, `function () {}`. */
function isEmptyHandler(node: unknown): boolean {
  if (!isNode(node) || (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression')) return false;
  const body = node.body;
  return isEmptyBlock(body) || (isNode(body) && body.type === 'Identifier' && body.name === 'undefined');
}

/** Where errors are dropped without a word: `.catch(<empty handler>)` and `catch {}`. */
function emptyCatches(file: string, text: string): number[] {
  const { program, comments, errors } = parseSync(file, text);
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]!.message}`);
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  const commentLines = new Set(comments.flatMap((c) => [lineOf(c.start), lineOf(c.end)]));
  const silent: number[] = [];
  for (const node of walk(program as unknown as Node)) {
    let at: Node | null = null;
    if (node.type === 'CallExpression') {
      const callee = node.callee as Node;
      const property = callee.type === 'MemberExpression' ? (callee.property as Node) : null;
      const [handler] = node.arguments as unknown[];
      if (property?.type === 'Identifier' && property.name === 'catch' && isEmptyHandler(handler)) at = handler as Node;
    } else if (node.type === 'CatchClause' && isEmptyBlock(node.body)) {
      at = node;
    }
    if (!at) continue;
    const line = lineOf(at.start);
    const said = commentLines.has(line) || commentLines.has(line - 1) || comments.some((c) => c.start >= at.start && c.end <= at.end);
    if (!said) silent.push(line);
  }
  return silent;
}

function sources(folder: string): string[] {
  return readdirSync(path.join(repo, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')));
}

describe('dropped errors', () => {
  it('finds the empty catches it is written to find, and passes the ones that say why', () => {
    const text = [
      'void a().catch(() => {});',
      'void b().catch(() => undefined);',
      'try { c(); } catch {}',
      '// The temp file may be gone already.',
      'void d().catch(() => {});',
      'void e().catch(() => {}); // Reported by the caller.',
      "const f = await g().catch(() => null);",
      "const s = '.catch(() => {})';",
    ].join('\n');
    expect(emptyCatches('sample.ts', text)).toEqual([1, 2, 3]);
  });

  it('every empty catch in the sources says why', () => {
    const silent = ['common', 'electron', 'renderer'].flatMap(sources).flatMap((file) => emptyCatches(file, readFileSync(path.join(repo, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(silent).toEqual([]);
  });
});
