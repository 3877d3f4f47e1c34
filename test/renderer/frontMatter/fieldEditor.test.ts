import { redo, undo, undoDepth } from '@codemirror/commands';
import { describe, expect, it } from 'vitest';
import { FieldEditor } from '../../../renderer/frontMatter/fieldEditor';
import { mkEditor } from './state';

const post = '---\ntitle: Hello\nslug: hello\n---\nBody |text.\n';

function typeInto(fields: FieldEditor, field: 'title' | 'slug', from: string, typed: string) {
  for (let i = 1; i <= typed.length; i++) fields.edit({ field, value: from + typed.slice(0, i) });
}

describe('FieldEditor', () => {
  it('makes a burst of typing in one field one undo step', () => {
    const editor = mkEditor(post);
    const original = editor.text;
    const fields = new FieldEditor(editor);
    typeInto(fields, 'title', 'Hello', ', world');
    expect(editor.text).toBe(original.replace('title: Hello', 'title: Hello, world'));
    expect(undoDepth(editor.state)).toBe(1);
    undo(editor);
    expect(editor.text).toBe(original);
    redo(editor);
    expect(editor.text).toContain('title: Hello, world');
  });

  it('starts a new undo step for another field, and after the field loses focus', () => {
    const editor = mkEditor(post);
    const fields = new FieldEditor(editor);
    typeInto(fields, 'title', 'Hello', '!');
    typeInto(fields, 'slug', 'hello', '-there');
    expect(undoDepth(editor.state)).toBe(2);
    fields.end();
    typeInto(fields, 'slug', 'hello-there', '!');
    expect(undoDepth(editor.state)).toBe(3);
    undo(editor);
    expect(editor.text).toContain('slug: hello-there\n');
  });

  it('keeps the quoting the value had when the burst began', () => {
    const editor = mkEditor(post);
    const fields = new FieldEditor(editor);
    // "Hello " must be quoted on its way to "Hello W", which need not be.
    typeInto(fields, 'title', 'Hello', ' W');
    expect(editor.text).toContain('title: Hello W\n');
    const quoted = mkEditor('---\ntitle: "Hello"\n---\n');
    typeInto(new FieldEditor(quoted), 'title', 'Hello', ' W');
    expect(quoted.text).toContain('title: "Hello W"\n');
  });

  it('leaves the editor cursor on the same text', () => {
    const editor = mkEditor(post);
    typeInto(new FieldEditor(editor), 'title', 'Hello', ' there');
    const head = editor.state.selection.main.head;
    expect(editor.state.sliceDoc(head, head + 4)).toBe('text');
  });

  it('does nothing while the front matter is broken, so the text stays as typed', () => {
    const broken = '---\ntitle: ok\nauthor: a: b\n---\n';
    const editor = mkEditor(broken);
    new FieldEditor(editor).edit({ field: 'title', value: 'New' });
    expect(editor.text).toBe(broken);
    expect(undoDepth(editor.state)).toBe(0);
  });
});
