import { describe, expect, it } from 'vitest';
import { frontMatterField, reachesFrontMatter } from '../../../renderer/frontMatter/frontMatterField';
import { mkState } from './state';

const post = '---\ntitle: Hello\ntags: [a, b]\n---\nBody text.\n';
const fm = (state: ReturnType<typeof mkState>) => state.field(frontMatterField);

describe('frontMatterField', () => {
  it('reads the front matter of the document', () => {
    const value = fm(mkState(post));
    expect(value.data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    expect(value.error).toBeNull();
    expect(value.head).toBe('---\ntitle: Hello\ntags: [a, b]\n---\n');
  });

  it('does not re-read for changes in the body, including at its very start', () => {
    const state = mkState(post);
    const before = fm(state);
    const bodyStart = before.head.length;
    const reaches = (changes: { from: number; to?: number; insert?: string }) => {
      const tr = state.update({ changes });
      return { reaches: reachesFrontMatter(tr, before), same: fm(tr.state) === before };
    };
    expect(reaches({ from: post.length, insert: ' More.' })).toEqual({ reaches: false, same: true });
    expect(reaches({ from: bodyStart, insert: '# Heading\n' })).toEqual({ reaches: false, same: true });
    expect(reaches({ from: bodyStart, to: bodyStart + 5 })).toEqual({ reaches: false, same: true });
    expect(reaches({ from: bodyStart - 1, insert: 'x' }).reaches).toBe(true);
    expect(reaches({ from: 0, to: post.length }).reaches).toBe(true);
    // Without front matter only the first line can make some.
    const plain = mkState('First line\nsecond line\n');
    const none = fm(plain);
    expect(reachesFrontMatter(plain.update({ changes: { from: 12, insert: 'x' } }), none)).toBe(false);
    expect(reachesFrontMatter(plain.update({ changes: { from: 10, insert: 'x' } }), none)).toBe(true);
  });

  it('re-reads when a change reaches the front matter', () => {
    const state = mkState(post);
    const from = post.indexOf('Hello') + 5;
    const next = state.update({ changes: { from, insert: ', world' } }).state;
    expect(fm(next).data.title).toBe('Hello, world');
    // Text appended to a closing fence with no line break after it makes it no fence at all.
    const bare = mkState('---\ntitle: x\n---');
    const spoilt = bare.update({ changes: { from: bare.doc.length, insert: 'x' } }).state;
    expect(fm(spoilt).error?.message).toMatch(/no closing ---/);
  });

  it('keeps the value when a change leaves the front matter as it was', () => {
    const state = mkState(post);
    const at = post.indexOf('Hello');
    const same = state.update({ changes: { from: at, to: at + 1, insert: 'H' } }).state;
    expect(fm(same)).toBe(fm(state));
  });

  it('finds front matter typed at the top of a post that had none', () => {
    let state = mkState('Body.\n');
    expect(fm(state).block.kind).toBe('none');
    state = state.update({ changes: { from: 0, insert: '---\n' } }).state;
    expect(fm(state).error?.message).toMatch(/no closing ---/);
    state = state.update({ changes: { from: 4, insert: 'title: New\n---\n' } }).state;
    expect(fm(state).data).toEqual({ title: 'New' });
    expect(fm(state).error).toBeNull();
  });

  it('reports broken YAML with its line, keeping the last fields that could be read', () => {
    const state = mkState(post);
    const broken = state.update({ changes: { from: post.indexOf('tags'), insert: 'author: a: b\n' } }).state;
    expect(fm(broken).error?.line).toBe(3);
    expect(fm(broken).error?.message).toMatch(/line 3/);
    expect(fm(broken).data).toEqual({ title: 'Hello', tags: ['a', 'b'] });
    expect(broken.doc.toString()).toContain('author: a: b');
    const fixed = broken.update({ changes: { from: post.indexOf('tags') + 9, to: post.indexOf('tags') + 10 } }).state;
    expect(fm(fixed).error).toBeNull();
    expect(fm(fixed).data).toEqual({ title: 'Hello', author: 'a b', tags: ['a', 'b'] });
  });

  it('has no fields for a post opened with broken or foreign front matter', () => {
    expect(fm(mkState('---\na: [\n---\n')).data).toEqual({});
    const toml = fm(mkState('+++\ntitle = "x"\ndraft = \n+++\nbody'));
    expect(toml.error?.message).toMatch(/Fix the TOML/);
    expect(toml.data).toEqual({});
    const js = fm(mkState('---js\n{ title: "x" }\n---\nbody'));
    expect(js.error?.message).toMatch(/never runs code/);
    expect(js.data).toEqual({});
  });

  it('reads front matter longer than the first window, and a long post around it', () => {
    const long = `---\ndescription: ${'word '.repeat(3000)}\ntitle: Far down\n---\n${'Body line.\n'.repeat(30_000)}`;
    expect(fm(mkState(long)).data.title).toBe('Far down');
    // A first line longer than the window still decides alone.
    expect(fm(mkState(`${'-'.repeat(5000)}\ntitle: x\n---\n`)).block.kind).toBe('none');
  });

  it('closes an unclosed block with a fence typed far below it', () => {
    const body = 'Body line.\n'.repeat(30_000);
    const state = mkState(`---\ntitle: Open\n${body}`);
    expect(fm(state).error?.message).toMatch(/no closing ---/);
    const closed = state.update({ changes: { from: state.doc.length, insert: '---\n' } }).state;
    expect(fm(closed).error?.message).toMatch(/line \d+:/);
    const early = state.update({ changes: { from: '---\ntitle: Open\n'.length, insert: '---\n' } }).state;
    expect(fm(early).data).toEqual({ title: 'Open' });
  });

  it('re-reads an unclosed block only for changes that leave a fence line', () => {
    const text = '---\ntitle: Open\n\nab---\n---x\n--\n-\n';
    const state = mkState(text);
    const open = fm(state);
    expect(open.error?.message).toMatch(/no closing ---/);
    const reaches = (changes: { from: number; to?: number; insert?: string } | { from: number; to?: number; insert?: string }[]) =>
      reachesFrontMatter(state.update({ changes }), open);
    const ab = text.indexOf('ab---');
    expect(reaches({ from: ab, insert: 'More words ' })).toBe(false);
    expect(reaches({ from: ab + 2, insert: '-' })).toBe(false);
    expect(reaches({ from: text.length, insert: 'x\n' })).toBe(false);
    // Splitting "ab---" leaves a "---" line; so does deleting the x of "---x", or the break between "--" and "-".
    expect(reaches({ from: ab + 2, insert: '\n' })).toBe(true);
    const x = text.indexOf('---x') + 3;
    expect(reaches({ from: x, to: x + 1 })).toBe(true);
    const joint = text.lastIndexOf('--\n-') + 2;
    expect(reaches({ from: joint, to: joint + 1 })).toBe(true);
    expect(reaches({ from: 1, insert: 'x' })).toBe(true);
    const closed = state.update({ changes: { from: x, to: x + 1 } }).state;
    expect(fm(closed).block.kind).toBe('yaml');
    expect(fm(closed).error?.message).toMatch(/Front matter line 4:/);
  });
});
