import type { ChangeSpec } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { parsePost } from '../../../common/post';
import { fieldChange, panelFields, type FieldEdit } from '../../../renderer/frontMatter/fields';
import { frontMatterField } from '../../../renderer/frontMatter/frontMatterField';
import { mkState } from './state';

const fields = (text: string) => panelFields(mkState(text).field(frontMatterField));

/** The text after one field edit; the change must be the only one. */
function edited(text: string, edit: FieldEdit): string {
  const state = mkState(text);
  const changes = fieldChange(state, edit);
  if (!changes) throw new Error('no change');
  return state.update({ changes }).state.doc.toString();
}

/** The changed range of one field edit, in the old text. */
function changedRange(text: string, edit: FieldEdit): ChangeSpec {
  return fieldChange(mkState(text), edit)!;
}

const hugo = `---
# Written by hand; keep this comment.
title: 'It''s here'   # a trailing comment
date: 2024-03-18 09:30:00 +0100
weight: 10
tags:
  - go
  - hugo
params: {toc: true, math: false}
slug: "its-here"
---
Body.
`;

describe('panelFields', () => {
  it('shows the fields as written', () => {
    expect(fields(hugo)).toEqual({
      title: "It's here",
      date: '2024-03-18 09:30:00 +0100',
      tags: ['go', 'hugo'],
      draft: false,
      slug: 'its-here',
      description: '',
    });
  });

  it('shows numbers as text, a tag string as tags, and published: false as a draft', () => {
    expect(fields('---\ntitle: 1999\ntags: one, two\npublished: false\n---\n')).toMatchObject({ title: '1999', tags: ['one', 'two'], draft: true });
  });

  it('keeps a trailing space, so one can be typed', () => {
    expect(fields('---\ntitle: "Hello "\n---\n').title).toBe('Hello ');
  });
});

describe('fieldChange', () => {
  it('changes only the edited value: comments, quoting, unknown keys and key order stay byte for byte', () => {
    expect(edited(hugo, { field: 'title', value: 'It’s there' })).toBe(hugo.replace("'It''s here'", "'It’s there'"));
    expect(edited(hugo, { field: 'slug', value: 'there' })).toBe(hugo.replace('"its-here"', '"there"'));
    expect(edited(hugo, { field: 'tags', value: ['go', 'hugo', 'yaml'] })).toBe(hugo.replace('  - hugo\n', '  - hugo\n  - yaml\n'));
    expect(edited(hugo, { field: 'date', value: '2024-04-01T10:00' })).toBe(hugo.replace('2024-03-18 09:30:00', '2024-04-01 10:00:00'));
    expect(edited(hugo, { field: 'draft', value: true })).toBe(hugo.replace('slug: "its-here"\n', 'slug: "its-here"\ndraft: true\n'));
    expect(edited(hugo, { field: 'description', value: 'Short: sweet' })).toBe(
      hugo.replace('slug: "its-here"\n', 'slug: "its-here"\ndescription: "Short: sweet"\n'),
    );
  });

  it('is the smallest change: typing a letter into the title replaces nothing else', () => {
    const text = '---\ntitle: Hello\n---\nBody';
    expect(changedRange(text, { field: 'title', value: 'Hello!' })).toEqual({ from: 16, to: 16, insert: '!' });
  });

  it('creates front matter on the first edit of a post without any', () => {
    expect(edited('# Body\n', { field: 'title', value: 'New' })).toBe('---\ntitle: New\n---\n# Body\n');
    expect(edited('', { field: 'tags', value: ['a'] })).toBe('---\ntags: [a]\n---\n');
  });

  it('empties a cleared field rather than writing ""', () => {
    expect(edited('---\ntitle: Hello\nslug: x\n---\n', { field: 'title', value: '' })).toBe('---\ntitle:\nslug: x\n---\n');
    expect(edited('---\ndate: 2024-03-18\n---\n', { field: 'date', value: '' })).toBe('---\ndate:\n---\n');
    expect(fieldChange(mkState('---\nx: 1\n---\n'), { field: 'slug', value: '' })).toBeNull();
  });

  it('toggles draft, or published for a post that says published', () => {
    expect(edited('---\ndraft: true\n---\n', { field: 'draft', value: false })).toBe('---\ndraft: false\n---\n');
    expect(edited('---\npublished: false\n---\n', { field: 'draft', value: false })).toBe('---\npublished: true\n---\n');
  });

  it('edits TOML front matter in place, and keys written in another case', () => {
    expect(edited('+++\ntitle = "x" # c\n[params]\ny = 1\n+++\n', { field: 'title', value: 'New' })).toBe('+++\ntitle = "New" # c\n[params]\ny = 1\n+++\n');
    expect(edited('---\nDraft: true\n---\n', { field: 'draft', value: false })).toBe('---\nDraft: false\n---\n');
    expect(fields('---\nTitle: Caps\nDraft: true\n---\n')).toMatchObject({ title: 'Caps', draft: true });
  });

  it('writes values that read back as given', () => {
    for (const value of ['a: b', 'Hello, world', 'yes', '#tag', '  spaced  ', 'two\nlines', '"quoted"', '2024', '[x]', '{y}']) {
      const text = edited('---\ntitle: x\n---\n', { field: 'title', value });
      expect(parsePost(text).data.title, text).toBe(value);
    }
  });

  it('makes no change while the front matter cannot be read, and never rewrites a foreign one', () => {
    const broken = '---\ntitle: ok\nauthor: a: b\n---\n';
    expect(fieldChange(mkState(broken), { field: 'title', value: 'New' })).toBeNull();
    for (const foreign of ['+++\ntitle = \n+++\n', '---js\n{ title: "x" }\n---\n', '---\ntitle: never closed\n', '{\n"title": "json is read-only"\n}\n']) {
      expect(fieldChange(mkState(foreign), { field: 'title', value: 'New' })).toBeNull();
    }
  });
});
