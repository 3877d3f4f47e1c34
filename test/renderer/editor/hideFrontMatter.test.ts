// Hiding the front matter in the text, as pure state changes: what is hidden
// when, where the caret may go, and that the text (and undo) are untouched.
import { history, undo } from '@codemirror/commands';
import { EditorSelection, EditorState, type TransactionSpec } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { hiddenFrontMatter, hideFrontMatter } from '../../../renderer/editor/hideFrontMatter';
import { frontMatterField } from '../../../renderer/frontMatter/frontMatterField';
import { FieldEditor, type EditorTarget } from '../../../renderer/frontMatter/fieldEditor';
import { show } from './mkState';

const post = '---\ntitle: Retries\ntags: [ops]\n---\nFirst line.\nSecond line.\n';

function state(doc: string, head = doc.indexOf('First')) {
  return EditorState.create({ doc, selection: EditorSelection.cursor(head), extensions: [frontMatterField, history(), hideFrontMatter()] });
}

describe('hiding the front matter in the text', () => {
  it('hides the fences and fields, whole lines, and nothing of the body', () => {
    const s = state(post);
    expect(hiddenFrontMatter(s)).toEqual({ from: 0, to: post.indexOf('\nFirst') });
    expect(s.doc.toString()).toBe(post);
    const toml = '+++\ntitle = "T"\n+++\nBody\n';
    expect(hiddenFrontMatter(state(toml))).toEqual({ from: 0, to: toml.indexOf('\nBody') });
  });

  it('shows it when there is none, when it cannot be read, and when there is no line after it', () => {
    expect(hiddenFrontMatter(state('Just text.\n', 0))).toBeNull();
    const broken = '---\ntitle: a: b: c\n---\nFirst\n';
    expect(hiddenFrontMatter(state(broken))).toBeNull();
    expect(hiddenFrontMatter(state('---\ntitle: T\n---', 0))).toBeNull();
  });

  it('keeps the caret out: Ctrl-Home, a click above or ↑ on the first line land on the body’s first line', () => {
    const s = state(post);
    for (const pos of [0, 5, post.indexOf('\nFirst')]) {
      expect(show(s.update({ selection: EditorSelection.cursor(pos) }).state)).toBe('---\ntitle: Retries\ntags: [ops]\n---\n|First line.\nSecond line.\n');
    }
    const below = s.update({ selection: EditorSelection.cursor(post.indexOf('Second')) }).state;
    expect(below.selection.main.head).toBe(post.indexOf('Second'));
  });

  it('shows it while a selection reaches into it (Select All, a Find match), and hides it again after', () => {
    const all = state(post).update({ selection: EditorSelection.single(0, post.length) }).state;
    expect(hiddenFrontMatter(all)).toBeNull();
    const match = all.update({ selection: EditorSelection.single(4, 9) }).state;
    expect(hiddenFrontMatter(match)).toBeNull();
    expect(hiddenFrontMatter(match.update({ selection: EditorSelection.cursor(post.length) }).state)).not.toBeNull();
  });

  it('a field edit from the panel changes the hidden text, and undo brings it back', () => {
    let s = state(post);
    const editor: EditorTarget = {
      get state() {
        return s;
      },
      dispatch: (spec: TransactionSpec) => void (s = s.update(spec).state),
    };
    new FieldEditor(editor).edit({ field: 'title', value: 'Retries, again' });
    expect(s.doc.toString()).toBe(post.replace('title: Retries', 'title: Retries, again'));
    expect(hiddenFrontMatter(s)).not.toBeNull();
    undo({ state: s, dispatch: (tr) => (s = tr.state) });
    expect(s.doc.toString()).toBe(post);
  });
});
