import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { postLanguage } from '../../renderer/editor/language';

function nodeNames(doc: string): string[] {
  const state = EditorState.create({ doc, extensions: postLanguage() });
  const names: string[] = [];
  ensureSyntaxTree(state, state.doc.length, 5000)?.iterate({ enter: (node) => void names.push(node.name) });
  return names;
}

describe('postLanguage', () => {
  it('reads front matter as YAML, not as a setext heading', () => {
    const names = nodeNames('---\ntitle: Hello\n---\n\n# Body\n');
    expect(names).not.toContain('SetextHeading2');
    expect(names).toContain('ATXHeading1');
    expect(names.some((n) => /frontmatter/i.test(n))).toBe(true);
  });

  it('parses GFM (tables, strikethrough)', () => {
    const names = nodeNames('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n');
    expect(names).toContain('Table');
    expect(names).toContain('Strikethrough');
  });
});
