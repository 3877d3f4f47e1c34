// JSON front matter: Hugo's (the file starts with a `{` line and the object
// ends with a `}` line) and Eleventy's `---json` fences. Read with JSON.parse;
// never evaluated. Fields are read-only here: rewriting JSON in place would
// need a JSON editor that keeps the author's layout, which we do not have.
import type { FrontMatterError } from '../types';
import { errorMessage } from '../errors';

export function parseJson(source: string, firstLine: number): { data: Record<string, unknown>; error?: FrontMatterError } {
  let value: unknown;
  try {
    value = JSON.parse(source, (key, item: unknown) => (key === '__proto__' ? undefined : item));
  } catch (error) {
    const reason = errorMessage(error);
    return { data: {}, error: { message: `Front matter: ${reason}. Fix the JSON; until then its fields are ignored.`, line: firstLine } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { data: {}, error: { message: 'Front matter must be one JSON object ({ "title": … }).', line: firstLine } };
  }
  return { data: value as Record<string, unknown> };
}

/**
 * Where Hugo-style JSON front matter ends: just after the first line that is
 * `}` alone and closes a parseable object. Null when no such line exists.
 */
export function jsonObjectEnd(text: string, start: number): { contentEnd: number; bodyStart: number } | null {
  const closing = /^\}[ \t]*\r?$/gm;
  closing.lastIndex = start;
  for (let m = closing.exec(text); m; m = closing.exec(text)) {
    const contentEnd = m.index + 1;
    try {
      JSON.parse(text.slice(start, contentEnd));
    } catch {
      continue;
    }
    const lineEnd = text.indexOf('\n', contentEnd);
    return { contentEnd, bodyStart: lineEnd < 0 ? text.length : lineEnd + 1 };
  }
  return null;
}
