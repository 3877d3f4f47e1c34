import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { postLanguage } from '../../../renderer/editor/language';
import { outline } from '../../../renderer/editor/outline';

const state = (doc: string) => EditorState.create({ doc, extensions: postLanguage() });

describe('outline', () => {
  it('lists ATX and setext headings with level, text, offset and line', () => {
    const doc = '# One\n\nText.\n\nTwo\n---\n\n### Three ###\n';
    expect(outline(state(doc))).toEqual([
      { level: 1, text: 'One', from: 0, line: 1 },
      { level: 2, text: 'Two', from: doc.indexOf('Two'), line: 5 },
      { level: 3, text: 'Three', from: doc.indexOf('### Three'), line: 8 },
    ]);
  });

  it('skips front matter and code blocks', () => {
    const doc = '---\ntitle: x\n# not: a heading\n---\n\n```sh\n# a comment\n```\n\n    # indented code\n\n## Real\n';
    expect(outline(state(doc)).map((h) => h.text)).toEqual(['Real']);
  });

  it('does not read a front-matter fence as a setext underline', () => {
    expect(outline(state('---\ntitle: Hello\n---\n\nBody.\n'))).toEqual([]);
  });

  it('shows heading text as a reader sees it', () => {
    const doc = '## The *real* cost of `make` and [links](https://x.org "t")\n';
    expect(outline(state(doc))[0]!.text).toBe('The real cost of make and links');
  });

  it('finds headings inside quotes and lists', () => {
    expect(outline(state('> # Quoted\n\n- ## In a list\n')).map((h) => [h.level, h.text])).toEqual([
      [1, 'Quoted'],
      [2, 'In a list'],
    ]);
  });

  it('ignores empty headings', () => {
    expect(outline(state('#\n\n## \n\n# Kept\n')).map((h) => h.text)).toEqual(['Kept']);
  });
});
