// The line of a top-level front-matter field, so a problem with its value
// points at it. Top-level keys start their line in YAML block mappings.
import { findFrontMatter } from '../../../common/post';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 1-based line of `key:` in the front matter; null when the field is not there. */
export function fieldLine(text: string, key: string): number | null {
  const block = findFrontMatter(text);
  if (block.kind !== 'yaml') return null;
  const source = text.slice(block.contentStart, block.contentEnd);
  const match = new RegExp(`^(["']?)${escape(key)}\\1[ \\t]*:`, 'm').exec(source);
  if (!match) return null;
  const before = text.slice(0, block.contentStart + match.index);
  return before.split('\n').length;
}
