import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { describeIncoming, threeWayMerge } from '../../renderer/threeWayMerge';

const base = ['# Title', '', 'one', 'two', 'three', 'four', 'five'].join('\n');

/** Applies the merge's changes to `mine` as the editor would (offsets all in mine's text). */
function applied(mine: string, changes: { from: number; to: number; insert: string }[]): string {
  let doc = Text.of(mine.split('\n'));
  // CodeMirror applies a set of changes all given in the original document's offsets.
  const sorted = [...changes].sort((a, b) => b.from - a.from);
  for (const c of sorted) doc = doc.replace(c.from, c.to, Text.of(c.insert.split('\n')));
  return doc.toString();
}

describe('threeWayMerge', () => {
  it('takes in their change to other lines and keeps mine', () => {
    const mine = base.replace('two', 'two, as I rewrote it');
    const theirs = base.replace('five', 'five, as they fixed it') + '\nsix';
    const merge = threeWayMerge(base, mine, theirs);
    expect(merge).toMatchObject({ clean: true, text: base.replace('two', 'two, as I rewrote it').replace('five', 'five, as they fixed it') + '\nsix' });
    if (merge.clean) expect(applied(mine, merge.changes)).toBe(merge.text);
  });

  it('gives changes that touch only their lines, so a caret in mine stays put', () => {
    const mine = base.replace('three', 'three (mine)');
    const theirs = base.replace('# Title', '# A new title').replace('five\n', '').replace('five', '');
    const merge = threeWayMerge(base, mine, theirs);
    expect(merge.clean).toBe(true);
    if (!merge.clean) return;
    expect(applied(mine, merge.changes)).toBe(merge.text);
    const mineStart = mine.indexOf('three (mine)');
    for (const change of merge.changes) expect(change.to <= mineStart || change.from >= mineStart + 'three (mine)'.length).toBe(true);
  });

  it('handles inserts at the top and the end, and removal of the last line', () => {
    const mine = base.replace('three', 'three (mine)');
    for (const theirs of [`New first line\n${base}`, `${base}\nTheir last line`, base.split('\n').slice(0, -1).join('\n'), base.replace('one\n', '')]) {
      const merge = threeWayMerge(base, mine, theirs);
      expect(merge.clean, theirs).toBe(true);
      if (merge.clean) expect(applied(mine, merge.changes)).toBe(merge.text);
    }
  });

  it('is not clean when both changed the same lines', () => {
    expect(threeWayMerge(base, base.replace('two', 'my two'), base.replace('two', 'their two'))).toEqual({ clean: false });
  });

  it('counts the same change made on both sides as no conflict', () => {
    const both = base.replace('two', 'the same fix');
    expect(threeWayMerge(base, both, both)).toMatchObject({ clean: true, text: both, changes: [] });
  });
});

describe('describeIncoming', () => {
  it('says how many lines came in and went, from which line, quoting the first', () => {
    expect(describeIncoming(base, base.replace('three', 'three, changed on disk'))).toBe('1 line added, 1 line removed, from line 5 (\u201cthree, changed on disk\u201d)');
    expect(describeIncoming(base, `${base}\n\nsix\nseven`)).toBe('3 lines added, from line 8 (\u201csix\u201d)');
    expect(describeIncoming(base, base.replace('one\ntwo\n', ''))).toBe('2 lines removed, from line 3');
  });
});
