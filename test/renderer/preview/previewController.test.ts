import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { BlockLexer } from '../../../renderer/preview/blockLexer';
import { bodyEdit } from '../../../renderer/preview/previewController';
import { frontMatterField } from '../../../renderer/frontMatter/frontMatterField';
import { generatePost } from '../../bench/corpus';

/** What the controller gives bodyEdit for `changes` on `text`: body starts from the front-matter field. */
function editOf(text: string, changes: { from: number; to?: number; insert?: string }[]) {
  const state = EditorState.create({ doc: text, extensions: frontMatterField });
  const set = ChangeSet.of(changes, text.length);
  const next = state.update({ changes: set }).state;
  const oldStart = state.field(frontMatterField).block.bodyStart;
  const newStart = next.field(frontMatterField).block.bodyStart;
  return bodyEdit(set, oldStart, newStart, next.doc.length - text.length);
}

const post = '---\ntitle: "Hello"\n---\n\nFirst paragraph.\n\nSecond paragraph.\n';
/** The front-matter block ends after the closing fence's line. */
const bodyStart = post.indexOf('\nFirst');

describe('the edit the preview re-splits', () => {
  it('is the changed range in body offsets when the edit is in the body', () => {
    const at = post.indexOf('Second');
    expect(editOf(post, [{ from: at, insert: 'The ' }])).toEqual({ from: at - bodyStart, toOld: at - bodyStart, toNew: at - bodyStart + 4 });
    expect(editOf(post, [{ from: at, to: at + 6, insert: '' }])).toEqual({ from: at - bodyStart, toOld: at - bodyStart + 6, toNew: at - bodyStart });
  });

  it('spans every change of a multi-range edit', () => {
    const a = post.indexOf('First');
    const b = post.indexOf('Second');
    expect(editOf(post, [{ from: a, insert: 'x' }, { from: b, to: b + 1, insert: 'yy' }])).toEqual({ from: a - bodyStart, toOld: b + 1 - bodyStart, toNew: b + 3 - bodyStart });
  });

  it('leaves the body alone when only the front matter changed (typing a title)', () => {
    expect(editOf(post, [{ from: post.indexOf('Hello'), insert: 'Well, ' }])).toBe('unchanged');
  });

  it('reads the body afresh when the edit moves where it starts', () => {
    // Breaking the closing fence makes the whole post body (no front matter).
    expect(editOf(post, [{ from: post.indexOf('---\n\n'), to: post.indexOf('---\n\n') + 1, insert: '' }])).toBeNull();
    // An edit across the boundary.
    expect(editOf(post, [{ from: post.indexOf('"Hello"'), to: post.indexOf('First'), insert: '' }])).toBeNull();
  });
});

describe('re-splitting from the editor text', () => {
  const lexer = new BlockLexer();
  const body = Array.from({ length: 4 }, (_, i) => generatePost(i, new Set()).text).join('\n\n');
  const blocks = lexer.lex(body);
  const at = body.indexOf('\n\n', body.length / 2);

  /** The body after inserting `insert` at `at`, as a slice source over a CodeMirror Text that counts what it reads. */
  function edited(insert: string) {
    const next = body.slice(0, at) + insert + body.slice(at);
    const doc = Text.of(next.split('\n'));
    const source = {
      read: 0,
      length: doc.length,
      slice(from: number, to: number) {
        this.read += to - from;
        return doc.sliceString(from, to);
      },
    };
    return { next, source, edit: { from: at, toOld: at, toNew: at + insert.length } };
  }

  it('gives the same blocks as from a string, reading only around the edit', () => {
    const { next, source, edit } = edited(' and a few words more');
    const relexed = lexer.relex(blocks, source, edit);
    expect(relexed).toEqual(lexer.relex(blocks, next, edit));
    expect(relexed.map((b) => b.raw).join('')).toBe(next);
    expect(source.read).toBeLessThan(next.length / 10);
  });

  it('follows an opened fence to the end of the text', () => {
    const { next, source, edit } = edited('\n\n```\nopened fence');
    expect(lexer.relex(blocks, source, edit)).toEqual(lexer.lex(next));
  });
});
