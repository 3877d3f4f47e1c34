// Where a pasted or dropped image lands, as pure state changes: after it, the
// caret; between blocks, a block of its own (once it became a table row).
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { placeImage } from '../../../renderer/editor/imagePaste';
import { changeAt } from './mkState';

const img = '![chart](p.assets/chart.png)';
/** Inserts the image at the `^` in `spec`. */
const place = (spec: string) => changeAt(spec, (state, at) => placeImage(state, at, img));

describe('placing an image', () => {
  it('puts the caret after an image pasted where it was', () => {
    expect(place('Text ^|')).toBe(`Text ${img}|`);
  });

  it('leaves a caret elsewhere where it was', () => {
    expect(place('^Text|')).toBe(`${img}\n\nText|`);
  });

  it('keeps an image dropped between two table rows out of the table, with blank lines', () => {
    // Tables are full of |, mkState's cursor: this state is built directly.
    const doc = '| a |\n|---|\n| b |\n';
    const state = EditorState.create({ doc, selection: { anchor: doc.length } });
    const after = state.update(placeImage(state, doc.indexOf('| b |'), img)).state;
    expect(after.doc.toString()).toBe(`| a |\n|---|\n\n${img}\n\n| b |\n`);
    expect(after.selection.main.head).toBe(after.doc.length);
  });

  it('makes a block of an image on a blank line between paragraphs', () => {
    expect(place('One.\n^|\nTwo.')).toBe(`One.\n\n${img}|\n\nTwo.`);
    expect(place('One.\n\n^|\n\nTwo.')).toBe(`One.\n\n${img}|\n\nTwo.`);
  });

  it('stays inline in the middle of text', () => {
    expect(place('See ^| here.')).toBe(`See ${img}| here.`);
  });
});
