// Replacing the whole document (a reload from disk) as the smallest change
// that does it, so the cursor, scroll position and undo history stay sensible.
import type { ChangeSpec, EditorState } from '@codemirror/state';

/** The one change that turns `from` into `to`: the differing middle between a common prefix and suffix. */
export function minimalChange(from: string, to: string): { from: number; to: number; insert: string } {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Changes for replacing the document with `text`; empty when it is already that text. */
export function replaceDocument(state: EditorState, text: string): ChangeSpec {
  const current = state.doc.toString();
  if (current === text) return [];
  return minimalChange(current, text);
}
