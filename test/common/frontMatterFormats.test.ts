// TOML and JSON front matter, and keys in any case, as Hugo and Eleventy write
// them. The TOML and JSON samples follow Hugo's front-matter documentation
// (gohugo.io/content-management/front-matter/) and Eleventy's (`---json`).
import { describe, expect, it } from 'vitest';
import { findFrontMatter, isDraft, parsePost, setFrontMatterField } from '../../common/post';

const hugoToml = `+++
date = 2024-02-02T04:14:54-08:00
draft = false
title = 'Example'
weight = 10  # sort order
tags = ['red', 'blue']
[params]
  author = 'John Smith'
+++
Body with +++ in it.
`;

describe('TOML front matter', () => {
  it('reads fields, keeps dates as written and tables as objects', () => {
    const { data, body, error } = parsePost(hugoToml);
    expect(error).toBeUndefined();
    expect(data).toEqual({
      date: '2024-02-02T04:14:54.000-08:00',
      draft: false,
      title: 'Example',
      weight: 10,
      tags: ['red', 'blue'],
      params: { author: 'John Smith' },
    });
    expect(Object.getPrototypeOf(data.params)).toBe(Object.prototype);
    expect(body).toBe('Body with +++ in it.\n');
  });

  it('reports broken TOML at its line in the file, with no fields', () => {
    const { data, error } = parsePost('+++\ntitle = "ok"\ndraft = tru\n+++\n');
    expect(data).toEqual({});
    expect(error?.line).toBe(3);
    expect(error?.message).toMatch(/^Front matter line 3: .*Fix the TOML/);
  });

  it('reports an unclosed +++ block', () => {
    expect(parsePost('+++\ntitle = "x"\n').error?.message).toMatch(/no closing \+\+\+ line/);
  });

  it('edits one value in place, keeping comments, quoting style elsewhere, and tables', () => {
    const retitled = setFrontMatterField(hugoToml, 'title', 'New "one"');
    expect(retitled).toBe(hugoToml.replace("title = 'Example'", 'title = "New \\"one\\""'));
    expect(setFrontMatterField(hugoToml, 'weight', 3)).toBe(hugoToml.replace('weight = 10  #', 'weight = 3  #'));
    expect(setFrontMatterField(hugoToml, 'draft', true)).toBe(hugoToml.replace('draft = false', 'draft = true'));
    expect(setFrontMatterField(hugoToml, 'tags', ['green'])).toBe(hugoToml.replace("tags = ['red', 'blue']", 'tags = [ "green" ]'));
    // A bare date stays a bare date.
    expect(setFrontMatterField(hugoToml, 'date', '2025-01-01')).toBe(hugoToml.replace('2024-02-02T04:14:54-08:00', '2025-01-01'));
  });

  it('adds a missing key before the first table, never inside it', () => {
    const out = setFrontMatterField(hugoToml, 'slug', 'example');
    expect(out).toBe(hugoToml.replace('[params]', 'slug = "example"\n[params]'));
    expect(parsePost(out).data.slug).toBe('example');
    expect((parsePost(out).data.params as Record<string, unknown>).slug).toBeUndefined();
  });

  it('edits a multi-line array and keeps the lines after it', () => {
    const text = '+++\ntags = [\n  "a", # first\n  "b",\n]\ntitle = "T"\n+++\n';
    const out = setFrontMatterField(text, 'tags', ['c']);
    expect(out).toBe('+++\ntags = [ "c" ]\ntitle = "T"\n+++\n');
  });

  it('keeps CRLF line endings and an emptied field removes its line', () => {
    const text = '+++\r\ntitle = "T"\r\nslug = "s"\r\n+++\r\nbody';
    expect(setFrontMatterField(text, 'description', 'D')).toBe('+++\r\ntitle = "T"\r\nslug = "s"\r\ndescription = "D"\r\n+++\r\nbody');
    expect(setFrontMatterField(text, 'slug', null)).toBe('+++\r\ntitle = "T"\r\n+++\r\nbody');
  });

  it('refuses to edit TOML that does not parse', () => {
    expect(() => setFrontMatterField('+++\ntitle = \n+++\n', 'slug', 'x')).toThrow(/Cannot set "slug": Front matter line 2/);
  });
});

describe('JSON front matter', () => {
  it("reads Hugo's bare object and Eleventy's ---json fences", () => {
    const hugo = '{\n  "title": "Example",\n  "draft": true,\n  "params": { "x": "}" }\n}\nBody\n';
    expect(parsePost(hugo)).toMatchObject({ data: { title: 'Example', draft: true }, body: 'Body\n' });
    expect(parsePost('---json\n{ "title": "Eleventy" }\n---\nBody\n')).toMatchObject({ data: { title: 'Eleventy' }, body: 'Body\n' });
  });

  it('reports broken or unclosed JSON, and a JSON value that is not an object', () => {
    expect(parsePost('{\n  "title": \n}\nBody').error?.message).toMatch(/no closing \} line, or is not valid JSON/);
    expect(parsePost('{\n  "title": \n}\nBody').body).toBe('');
    expect(parsePost('---json\n["a"]\n---\n').error?.message).toMatch(/one JSON object/);
    expect(parsePost('---json\n{ "a": \n---\n').error?.message).toMatch(/Fix the JSON/);
  });

  it('is read-only: an edit is refused, never a rewrite of the author\'s layout', () => {
    expect(() => setFrontMatterField('{\n"title": "x"\n}\n', 'title', 'y')).toThrow(/read-only/);
  });

  it('drops __proto__ keys', () => {
    const { data } = parsePost('{\n"__proto__": { "polluted": true }\n}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(data, '__proto__')).toBe(false);
  });
});

describe('drafts, keys in any case', () => {
  it('takes Draft, DRAFT and a quoted "true" for a draft, and published: false (Jekyll)', () => {
    for (const text of ['---\nDraft: true\n---\n', '---\nDRAFT: true\n---\n', '+++\nDraft = true\n+++\n', '{\n"Draft": true\n}\n', '---\ndraft: "true"\n---\n', '---\nPublished: false\n---\n']) {
      expect(isDraft(parsePost(text).data), text).toBe(true);
    }
    expect(isDraft(parsePost('---\ndraft: false\n---\n').data)).toBe(false);
  });

  it('edits the key in the case it is written', () => {
    expect(setFrontMatterField('---\nDraft: true\n---\n', 'draft', false)).toBe('---\nDraft: false\n---\n');
    expect(setFrontMatterField('+++\nDraft = true\n+++\n', 'draft', false)).toBe('+++\nDraft = false\n+++\n');
  });

  it('finds the block kind for each language', () => {
    expect(['---\na: 1\n---\n', '+++\na = 1\n+++\n', '{\n"a": 1\n}\n', '---json\n{}\n---\n'].map((t) => findFrontMatter(t).kind)).toEqual(['yaml', 'toml', 'json', 'json']);
  });
});
